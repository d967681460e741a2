import type { Command } from 'commander';
import { withClient } from '../client.ts';
import { connectOptions } from '../common.ts';
import { printJson } from '../output.ts';
import { action } from '../run.ts';

const caseUrl = (ref: string) => `/api/cases/${encodeURIComponent(ref)}`;

/** `athar export claimreview|evidence|persons`: a case's published verdicts, its evidence as one package, its persons. */
export function register(program: Command): void {
  const e = program
    .command('export')
    .description("export a case's published verdicts, its evidence or its persons");
  e.command('claimreview')
    .description('schema.org ClaimReview JSON-LD for every published verdict of a case (always JSON)')
    .requiredOption('--case <case>', 'case id or slug')
    .option('--json', 'accepted for symmetry: the output is always JSON')
    .action(
      action(async (o: { case: string }, cmd: Command) => {
        const r = await withClient(connectOptions(cmd), (cl) =>
          cl.request<unknown[]>('GET', `${caseUrl(o.case)}/claimreview`),
        );
        printJson(r, { pretty: process.stdout.isTTY });
      }),
    );
  e.command('evidence')
    .description(
      "one tar archive of a case's evidence: the untouched originals, capture records, WARCs, custody events and RFC 3161 time-stamps, with SHA256SUMS and a README on checking each part with sha256sum and openssl (recorded on the audit trail; needs the media.export permission)",
    )
    .requiredOption('--case <case>', 'case id or slug')
    .option(
      '--items <ids...>',
      'only these media items (ids, comma- or space-separated) and the URL captures that brought them (default: every item and URL capture of the case)',
    )
    .option('--out <dir>', 'the folder to write the archive in (default: the current folder)')
    .option('--json', 'machine-readable output: {"path","sha256","items"}')
    .action(
      action(async (o: { case: string; items?: string[]; out?: string; json?: boolean }, cmd: Command) =>
        (await import('./export.run.ts')).runExportEvidence(o, cmd),
      ),
    );
  e.command('persons')
    .description(
      "a case's persons as one file: CSV (UTF-8 with a byte-order mark, for Excel; formulas neutralised) or JSON with their events (case admins only; recorded on the audit trail)",
    )
    .requiredOption('--case <case>', 'case id or slug')
    .requiredOption('--format <format>', 'csv, xlsx, json or pfif (PFIF 1.4)')
    .option('--out <dir>', 'the folder to write the file in (default: the current folder)')
    .option('--json', 'machine-readable output: {"path","sha256","persons"}')
    .action(
      action(async (o: { case: string; format: string; out?: string; json?: boolean }, cmd: Command) =>
        (await import('./export.run.ts')).runExportPersons(o, cmd),
      ),
    );
}
