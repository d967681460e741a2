import type { Command } from 'commander';
import { action } from '../run.ts';

/** `athar hash FILE... [--json]`: PDQ (images) or frame hashes (videos), one result per file as it is done. */
export function register(program: Command): void {
  program
    .command('hash')
    .description(
      'perceptual hashes of pictures (PDQ) and videos (one frame per second); no stored data is touched',
    )
    .argument('<files...>', 'pictures or videos; the kind is read from the content, not the name')
    .option('--json', 'one JSON object per line, per file, as each is done')
    .action(
      action(async (files: string[], o: { json?: boolean }) =>
        (await import('./hash.run.ts')).runHash(files, o),
      ),
    );
}
