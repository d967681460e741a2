import type { Command } from 'commander';
import { action } from '../run.ts';

/** `athar persons import|search|show`: the registry (caseworkers and case admins). */
export function register(program: Command): void {
  const p = program.command('persons').description('the registry of detained and missing persons');
  p.command('import')
    .description(
      'import persons from a CSV file (UTF-8 or Windows-1256), an XLSX spreadsheet or a PFIF 1.4 file: all or nothing, with a report of rows accepted, rejected (line, reason) and likely duplicates',
    )
    .argument('<file>', 'a CSV file or spreadsheet with a header line, or a PFIF 1.4 XML file')
    .requiredOption('--case <case>', 'case id or slug')
    .option('--dry-run', 'report what the import would do; store nothing')
    .option(
      '--map <column=field...>',
      'what a column holds when its header does not say (given_name, father_name, family_name, mother_name, birth_year, status, ... or ignore)',
    )
    .option('--update-by <id|COLUMN>', 'update persons by athar id (id) or by your own id column')
    .option('--skip-invalid', 'import the valid rows even when some are rejected')
    .option('--format <format>', 'csv, xlsx or pfif (found from the file when not given)')
    .option('--json', 'machine-readable output')
    .action(
      action(async (file: string, o: ImportOptions, cmd: Command) =>
        (await import('./persons.run.ts')).runImport(file, o, cmd),
      ),
    );
  p.command('search')
    .description('search persons by name in Arabic script or Latin letters, best first, with explanations')
    .argument('<query>', 'a name (two names or more find far fewer namesakes)')
    .requiredOption('--case <case>', 'case id or slug')
    .option('--father <name>', "the father's name")
    .option('--mother <name>', "the mother's name")
    .option('--birth-year <year>', 'the birth year')
    .option('--status <status>', 'missing, detained, released, reported_dead, confirmed_dead or unknown')
    .option('--limit <n>', 'at most this many results (default 20)')
    .option('--json', 'machine-readable output')
    .action(
      action(async (query: string, o: SearchOptions, cmd: Command) =>
        (await import('./persons.run.ts')).runSearch(query, o, cmd),
      ),
    );
  p.command('match-list')
    .description(
      'match a release list (text, one person per line in either script, or a CSV) against the registry: each line with its candidates, for a caseworker to confirm in the desk or with --confirm',
    )
    .argument('<file>', 'the list')
    .requiredOption('--case <case>', 'case id or slug')
    .option('--title <title>', 'what the list is (default: the file name)')
    .option('--kind <kind>', 'what a confirmed line adds: released (default) or seen')
    .option('--date <date>', 'the date the list gives (2024-12-08)')
    .option('--source <who>', 'who published it')
    .option('--json', 'machine-readable output')
    .action(
      action(async (file: string, o: MatchListOptions, cmd: Command) =>
        (await import('./persons.run.ts')).runMatchList(file, o, cmd),
      ),
    );
  p.command('show')
    .description('one person: names in both scripts, status, events (the opening is recorded)')
    .argument('<id>', 'person id')
    .option('--json', 'machine-readable output')
    .action(
      action(async (id: string, o: { json?: boolean }, cmd: Command) =>
        (await import('./persons.run.ts')).runShow(id, o, cmd),
      ),
    );
}

export interface ImportOptions {
  case: string;
  dryRun?: boolean;
  map?: string[];
  updateBy?: string;
  skipInvalid?: boolean;
  format?: string;
  json?: boolean;
}

export interface MatchListOptions {
  case: string;
  title?: string;
  kind?: string;
  date?: string;
  source?: string;
  json?: boolean;
}

export interface SearchOptions {
  case: string;
  father?: string;
  mother?: string;
  birthYear?: string;
  status?: string;
  limit?: string;
  json?: boolean;
}
