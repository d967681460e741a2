import type { Command } from 'commander';
import { action } from '../run.ts';

/** `athar ingest`, `athar check`, `athar media show|list`, `athar blobs verify`. */
export function register(program: Command): void {
  program
    .command('ingest')
    .description(
      'store files as evidence in a case (hashed at collection, write-once), then fingerprint and match them',
    )
    .argument(
      '<paths...>',
      'files, folders (walked; hidden files and .info.json sidecars are not ingested) or http(s) URLs (the server fetches each and keeps the exchange as a WARC; a page brings the media it links to)',
    )
    .requiredOption('--case <case>', 'case id or slug')
    .option('--notes <text>', 'notes kept with each capture')
    .option('--source-url <url>', 'where the files were found')
    .option('--platform <name>', 'the platform the source says it was posted on')
    .option('--account <name>', 'the account that posted it, as the source says')
    .option(
      '--posted-at <instant>',
      'when the source says it was posted (ISO 8601, e.g. 2024-12-03T10:00:00Z)',
    )
    .option('--no-wait', 'answer once the files are safely stored, before processing')
    .option('--json', 'machine-readable output')
    .action(
      action(async (paths: string[], o: IngestOptions, cmd: Command) =>
        (await import('./media.run.ts')).runIngest(paths, o, cmd),
      ),
    );
  program
    .command('check')
    .description('look for a file among every stored item (and its copies), without keeping it')
    .argument('<file>', 'a picture or a video')
    .requiredOption('--case <case>', 'the case you check from (its event start decides "appeared before")')
    .option('--json', 'machine-readable output')
    .action(
      action(async (file: string, o: { case: string; json?: boolean }, cmd: Command) =>
        (await import('./media.run.ts')).runCheck(file, o, cmd),
      ),
    );
  const m = program.command('media').description('media evidence');
  m.command('show')
    .description('one item: captures, metadata, matches, first seen, signals')
    .argument('<id>', 'media item id')
    .option('--json', 'machine-readable output')
    .action(
      action(async (id: string, o: { json?: boolean }, cmd: Command) =>
        (await import('./media.run.ts')).runShow(id, o, cmd),
      ),
    );
  m.command('list')
    .description('media of a case, oldest first')
    .requiredOption('--case <case>', 'case id or slug')
    .option('--status <status>', 'received, processing, processed, unreadable or failed')
    .option('--kind <kind>', 'image, video or unknown')
    .option('--json', 'machine-readable output')
    .action(
      action(async (o: { case: string; status?: string; kind?: string; json?: boolean }, cmd: Command) =>
        (await import('./media.run.ts')).runList(o, cmd),
      ),
    );
  m.command('matches')
    .description(
      "an item's copies: how close, how they differ, each one's decision (MATCH names for confirm/reject)",
    )
    .argument('<id>', 'media item id')
    .option('--json', 'machine-readable output')
    .action(
      action(async (id: string, o: { json?: boolean }, cmd: Command) =>
        (await import('./media.run.ts')).runMatches(id, o, cmd),
      ),
    );
  for (const [name, decision, what] of [
    ['confirm', 'confirmed', 'confirm a suggested match: the two are copies'],
    ['reject', 'rejected', 'reject a suggested match: not copies (remembered)'],
  ] as const)
    m.command(name)
      .description(what)
      .argument('<match>', 'ITEM:OTHER, as `athar media matches` prints it')
      .option('--json', 'machine-readable output')
      .action(
        action(async (ref: string, o: { json?: boolean }, cmd: Command) =>
          (await import('./media.run.ts')).runDecide(decision, ref, o, cmd),
        ),
      );
  program
    .command('blobs')
    .description('the blob store of originals')
    .command('verify')
    .description('re-hash every stored original; exit 1 when any changed or vanished')
    .option('--json', 'machine-readable output')
    .action(
      action(async (o: { json?: boolean }, cmd: Command) =>
        (await import('./media.run.ts')).runVerify(o, cmd),
      ),
    );
}

export interface IngestOptions {
  case: string;
  notes?: string;
  sourceUrl?: string;
  platform?: string;
  account?: string;
  postedAt?: string;
  wait: boolean;
  json?: boolean;
}
