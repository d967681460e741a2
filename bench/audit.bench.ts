/**
 * `npm run bench -- audit [--rows N]`: is appending to the audit trail the bottleneck of bulk work?
 * On PGlite and, when ATHAR_BENCH_DATABASE_URL (or ATHAR_TEST_DATABASE_URL) names a PostgreSQL
 * server, on PostgreSQL too, in one run:
 * - appends per second, one event per unit of work (each write of a person at the desk);
 * - appends per second, many events in one unit (what the chain writer does at commit);
 * - a bulk load of N sources through the real use case, with one audit event per row and with
 *   one summary event (withAuditSummary), so the share of the time the trail takes is visible.
 */
import pino from 'pino';
import { createApp, type App } from '#src/app.ts';
import { bootstrapAdmin, localActor } from '#src/modules/accounts/index.ts';
import { addSource } from '#src/modules/casefile/index.ts';
import { createCase, findCase } from '#src/modules/cases/index.ts';
import { loadConfig } from '#src/platform/config.ts';
import { SYSTEM_ACTOR, type Actor } from '#src/platform/context.ts';
import type { Database } from '#src/platform/database/database.ts';
import { auditView } from '#src/platform/audit/audit-view.ts';
import { withAuditSummary } from '#src/platform/unit-of-work.ts';
import { modulesFor } from '#src/app.ts';
import { onEachDatabase } from './databases.ts';
import { appendResults } from './report.ts';

const rowsArg = process.argv.indexOf('--rows');
const ROWS = rowsArg > 0 ? Number(process.argv[rowsArg + 1]) : 20_000;
const SINGLE = Math.min(2000, ROWS);

const importView = {
  name: 'bench-import',
  auditViews: [auditView('bench_import', { file: 'value', counts: 'counts' })],
};

async function measure(kind: string, database: Database): Promise<string[]> {
  const config = loadConfig({
    ATHAR_ADMIN_PASSWORD: 'bench password long enough',
    ATHAR_LOG_LEVEL: 'silent',
    ATHAR_DATA_DIR: '/nonexistent',
  });
  const app: App = await createApp(config, {
    database,
    log: pino({ level: 'silent' }),
    modules: (c) => [...modulesFor(c), importView],
  });
  try {
    await app.run(SYSTEM_ACTOR, { transaction: true }, (ctx) => bootstrapAdmin(ctx));
    const actor: Actor = await app.run(SYSTEM_ACTOR, { transaction: false }, (ctx) => localActor(ctx, null));
    await app.run(actor, { transaction: true }, (ctx) =>
      createCase(ctx, { slug: 'bench', title: 'Bench', timeZone: 'UTC' }),
    );
    const scope = {
      case: (await app.run(actor, { transaction: false }, (ctx) => findCase(ctx, 'bench')))!,
      role: 'admin' as const,
    };
    const event = (i: number) => ({
      action: 'source.updated',
      entityType: 'source',
      entityId: scope.case.id,
      caseId: scope.case.id,
      before: { name: `before ${i}`, kind: 'outlet' },
      after: { name: `after ${i}`, kind: 'outlet' },
    });
    const rate = (n: number, ms: number) => Math.round((n / ms) * 1000).toLocaleString('en');

    let t = performance.now();
    for (let i = 0; i < SINGLE; i++)
      await app.run(actor, { transaction: true }, async (ctx) => ctx.audit(event(i)));
    const single = performance.now() - t;

    t = performance.now();
    await app.run(actor, { transaction: true }, async (ctx) => {
      for (let i = 0; i < ROWS; i++) ctx.audit(event(i));
    });
    const batched = performance.now() - t;

    t = performance.now();
    await app.run(actor, { transaction: true }, async (ctx) => {
      for (let i = 0; i < ROWS; i++) await addSource(ctx, scope, { kind: 'outlet', name: `outlet ${i}` });
    });
    const perRow = performance.now() - t;

    t = performance.now();
    await app.run(actor, { transaction: true }, (ctx) =>
      withAuditSummary(
        ctx,
        {
          action: 'sources.imported',
          entityType: 'bench_import',
          entityId: null,
          caseId: scope.case.id,
          after: { file: 'bench' },
        },
        async (bulk) => {
          for (let i = 0; i < ROWS; i++)
            await addSource(bulk, scope, { kind: 'outlet', name: `summarised outlet ${i}` });
        },
      ),
    );
    const summarised = performance.now() - t;
    const share = Math.max(0, (perRow - summarised) / perRow);
    return [
      `| ${kind} | one event per unit of work (${SINGLE.toLocaleString('en')} units) | ${rate(SINGLE, single)} | ${(single / SINGLE).toFixed(2)} ms per unit |`,
      `| ${kind} | ${ROWS.toLocaleString('en')} events in one unit | ${rate(ROWS, batched)} | ${(batched / 1000).toFixed(2)} s |`,
      `| ${kind} | ${ROWS.toLocaleString('en')} sources added, one event each | ${rate(ROWS, perRow)} rows/s | ${(perRow / 1000).toFixed(2)} s; the trail's share ≈ ${(share * 100).toFixed(0)} % |`,
      `| ${kind} | ${ROWS.toLocaleString('en')} sources added, one summary event | ${rate(ROWS, summarised)} rows/s | ${(summarised / 1000).toFixed(2)} s |`,
    ];
  } finally {
    await app.close();
  }
}

const rows = await onEachDatabase(measure, '| PostgreSQL | not measured: set ATHAR_BENCH_DATABASE_URL | | |');

appendResults(
  'Audit appends',
  [
    `Events are projected through their entity's audit view when recorded and written at the end of the unit of work, in its transaction (one advisory lock, one read of the head, multi-row inserts of 1,000).`,
    '',
    '| database | what | appends/s | time |',
    '| --- | --- | ---: | --- |',
    ...rows,
  ].join('\n'),
);
