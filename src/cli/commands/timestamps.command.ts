import type { Command } from 'commander';
import { action } from '../run.ts';

/** `athar timestamps stamp|list|verify`: trusted time (RFC 3161) for each day's manifest. */
export function register(program: Command): void {
  const t = program
    .command('timestamps')
    .description(
      "trusted time: each day's manifest of captures and the audit chain's head, stamped by an RFC 3161 authority",
    );
  t.command('stamp')
    .description("stamp a day's manifest now with the configured authority (ATHAR_TSA_URL, ATHAR_TSA_CERT)")
    .option('--day <YYYY-MM-DD>', 'the UTC day (default: yesterday)')
    .option('--json', 'machine-readable output')
    .action(
      action(async (o: { day?: string; json?: boolean }, cmd: Command) =>
        (await import('./timestamps.run.ts')).runStamp(o, cmd),
      ),
    );
  t.command('list')
    .description('the stamps, newest day first')
    .option('--json', 'machine-readable output')
    .action(
      action(async (o: { json?: boolean }, cmd: Command) =>
        (await import('./timestamps.run.ts')).runList(o, cmd),
      ),
    );
  t.command('verify')
    .description('check every stored token again against its manifest; exit 1 when any fails')
    .option('--json', 'machine-readable output')
    .action(
      action(async (o: { json?: boolean }, cmd: Command) =>
        (await import('./timestamps.run.ts')).runVerifyStamps(o, cmd),
      ),
    );
}
