import type { Command } from 'commander';
import { action } from '../run.ts';

/** `athar compare A B [--json]`: how close B is to the query A (pictures, videos, or one of each). */
export function register(program: Command): void {
  program
    .command('compare')
    .description(
      'compare two pictures or videos by perceptual hash (A is the query); no stored data is touched',
    )
    .argument('<a>', 'the query: a picture or video')
    .argument('<b>', 'the target: a picture or video')
    .option('--json', 'machine-readable output')
    .action(
      action(async (a: string, b: string, o: { json?: boolean }) =>
        (await import('./compare.run.ts')).runCompare(a, b, o),
      ),
    );
}
