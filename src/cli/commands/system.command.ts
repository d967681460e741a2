import type { Command } from 'commander';
import { withClient } from '../client.ts';
import { connectOptions, emit } from '../common.ts';
import { action } from '../run.ts';

interface VerifyResult {
  ok: boolean;
  events: number;
  head: { seq: number; hash: string } | null;
  problem: { kind: string; seq: number; message: string } | null;
}

/** `athar db migrate`, `athar demo load`, `athar audit verify`. */
export function register(program: Command): void {
  const db = program.command('db').description('database administration');
  db.command('migrate')
    .description('apply pending migrations (they are also applied at every start)')
    .option('--json', 'machine-readable output')
    .action(
      action(async (opts: { json?: boolean }, cmd: Command) => {
        const r = await withClient(connectOptions(cmd, { migrate: false }), (c) =>
          c.request<{ applied: number[] }>('POST', '/api/admin/migrate'),
        );
        emit(opts.json, r, () =>
          r.applied.length ? `applied migrations ${r.applied.join(', ')}` : 'the database is up to date',
        );
      }),
    );

  program
    .command('demo')
    .description('the demo case')
    .command('load')
    .description('load the demo case "Sednaya prison, December 2024" (slug sednaya-2024) if it is not there')
    .option('--json', 'machine-readable output')
    .action(
      action(async (opts: { json?: boolean }, cmd: Command) => {
        const r = await withClient(connectOptions(cmd), (c) =>
          c.request<{ loaded: boolean; case: { slug: string; title: string } }>('POST', '/api/admin/demo'),
        );
        emit(opts.json, r, () =>
          r.loaded ? `loaded ${r.case.slug}: ${r.case.title}` : `${r.case.slug} is already loaded`,
        );
      }),
    );

  program
    .command('audit')
    .description('the tamper-evident audit trail')
    .command('verify')
    .description(
      'walk the hash chain; names the first event that was altered, deleted or reordered (exit 1 if any)',
    )
    .option('--json', 'machine-readable output')
    .action(
      action(async (opts: { json?: boolean }, cmd: Command) => {
        const r = await withClient(connectOptions(cmd), (c) =>
          c.request<VerifyResult>('POST', '/api/audit/verify'),
        );
        emit(opts.json, r, () =>
          r.ok
            ? `audit chain intact: ${r.events} events${r.head ? `, head #${r.head.seq} ${r.head.hash}` : ''}`
            : `AUDIT CHAIN BROKEN: ${r.problem?.message ?? 'unknown problem'} (${r.events} events read)`,
        );
        return r.ok ? 0 : 1;
      }),
    );
}
