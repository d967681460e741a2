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

interface DemoLoaded {
  loaded: boolean;
  case: { slug: string; title: string };
  media?: { state: string; made?: number; items?: number; reason?: string };
}

function demoMediaLine(m: DemoLoaded['media']): string {
  const what = 'stand-in videos (synthetic)';
  if (m?.state === 'made') return `${what}: made ${m.made} of ${m.items}; processing runs in the background`;
  if (m?.state === 'already') return `${what}: already there`;
  if (m?.state === 'off') return `${what}: not made (ATHAR_DEMO_MEDIA=false)`;
  return `${what}: not made${m?.reason ? ` (${m.reason})` : ''}`;
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
        // With the job queue: the demo's stand-in videos are captured, and processed by the server
        // (or at the next start when the CLI ran it in process).
        const r = await withClient(connectOptions(cmd, { jobs: true }), (c) =>
          c.request<DemoLoaded>('POST', '/api/admin/demo'),
        );
        emit(opts.json, r, () =>
          [
            r.loaded ? `loaded ${r.case.slug}: ${r.case.title}` : `${r.case.slug} is already loaded`,
            demoMediaLine(r.media),
          ].join('\n'),
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
