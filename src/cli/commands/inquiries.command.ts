import type { Command } from 'commander';
import { action } from '../run.ts';

/** `athar inquiries match|list`: families' inquiries (caseworkers and case admins). */
export function register(program: Command): void {
  const p = program.command('inquiries').description("families' inquiries about missing persons");
  p.command('match')
    .description(
      'match every open inquiry of a case against the registry again; new suggestions wait for a caseworker (a rejected one is never suggested again)',
    )
    .requiredOption('--case <case>', 'case id or slug')
    .option('--json', 'machine-readable output')
    .action(
      action(async (o: { case: string; json?: boolean }, cmd: Command) =>
        (await import('./inquiries.run.ts')).runMatch(o, cmd),
      ),
    );
  p.command('list')
    .description('the inquiries of a case with their waiting and confirmed matches (never contact details)')
    .requiredOption('--case <case>', 'case id or slug')
    .option('--status <status>', 'open or closed')
    .option('--json', 'machine-readable output')
    .action(
      action(async (o: { case: string; status?: string; json?: boolean }, cmd: Command) =>
        (await import('./inquiries.run.ts')).runList(o, cmd),
      ),
    );
}
