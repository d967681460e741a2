import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { Config } from '#src/platform/config.ts';
import { SYSTEM_ACTOR } from '#src/platform/context.ts';
import type { Database } from '#src/platform/database/database.ts';
import type { RunUnit } from '#src/platform/unit-of-work.ts';
import type { JobDefinition } from './job.ts';
import { poolBossDb } from './job-queue.ts';

/**
 * pg-boss on the process's one pool (PGlite or PostgreSQL alike). `startBoss` makes the queues
 * of every declared job exist so jobs can be sent; `startWorkers` also takes jobs, runs each in a
 * unit of work of its own (as the system), and runs the schedules.
 */
export async function startBoss(
  database: Database,
  jobs: readonly JobDefinition[],
  log: Logger,
): Promise<PgBoss> {
  const boss = new PgBoss({
    db: poolBossDb(database.pool),
    schema: 'pgboss',
    // PGlite is one session: keep pg-boss's background chatter low there.
    ...(database.kind === 'pglite'
      ? { maintenanceIntervalSeconds: 300, monitorStateIntervalSeconds: 300 }
      : {}),
  });
  boss.on('error', (err: Error) => log.error({ err }, 'job queue error'));
  await boss.start();
  for (const job of jobs) {
    const existing = await boss.getQueue(job.name);
    if (!existing) await boss.createQueue(job.name, { name: job.name, ...job.policy });
  }
  return boss;
}

export async function startWorkers(
  boss: PgBoss,
  jobs: readonly JobDefinition[],
  run: RunUnit,
  config: Config,
  log: Logger,
): Promise<void> {
  for (const job of jobs) {
    await boss.work(job.name, { pollingIntervalSeconds: 2, includeMetadata: true }, async (batch) => {
      for (const j of batch) {
        const attempt = { retry: j.retryCount, last: j.retryCount >= j.retryLimit };
        const outcome = await run(SYSTEM_ACTOR, { transaction: job.transaction ?? true }, (ctx) =>
          job.handle(ctx, j.data as never, attempt),
        );
        log.info({ job: job.name, id: j.id, outcome }, 'job finished');
      }
    });
    const cron = job.schedule?.(config);
    if (cron) await boss.schedule(job.name, cron, {}, { tz: 'UTC' });
  }
}
