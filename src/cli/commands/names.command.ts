import type { Command } from 'commander';
import { action } from '../run.ts';

/** `athar names ...`: the name engine on the command line; touches no stored data. */
export function register(program: Command): void {
  const names = program
    .command('names')
    .description('match person names across Arabic script and Latin spellings (no stored data)');

  names
    .command('compare')
    .description(
      'score two names (or, with --records, two person records in JSON files) from 0 to 1, with an explanation',
    )
    .argument(
      '<a>',
      'a name, or with --records a JSON file {given, father, grandfather, family, mother, birthYear, birthplace, name}',
    )
    .argument('<b>', 'the other name or record file')
    .option('--records', 'A and B are JSON files holding person records')
    .option('--json', 'print {"score","explanation":[...]}')
    .action(
      action(async (a: string, b: string, opts: { records?: boolean; json?: boolean }) =>
        (await import('./names.run.ts')).runCompare(a, b, opts),
      ),
    );

  names
    .command('score')
    .description(
      'score tab-separated pairs of names, one pair per line: prints left<TAB>right<TAB>score per line, in order',
    )
    .requiredOption(
      '--input <file>',
      'UTF-8 file of "left<TAB>right" lines (CRLF accepted, no header); - for stdin',
    )
    .action(action(async (opts: { input: string }) => (await import('./names.run.ts')).runScore(opts)));

  names
    .command('keys')
    .description('show how a name is read: normalised form, tokens, keys, index keys and Latin candidates')
    .argument('<name>', 'a name in Arabic script or a Latin spelling')
    .option('--json', 'print one JSON document')
    .action(
      action(async (name: string, opts: { json?: boolean }) =>
        (await import('./names.run.ts')).runKeys(name, opts),
      ),
    );
}
