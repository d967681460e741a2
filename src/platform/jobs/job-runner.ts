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
    const flow = job.flow ?? { batchSize: 1, concurrency: 1 };
    // pg-boss waits out the polling interval after every fetch, even a fruitful one: a queue that
    // gets many jobs (media processing) fetches them a batch at a time and polls often.
    const pollingIntervalSeconds = flow.batchSize > 1 ? 0.5 : 2;
    await boss.work(
      job.name,
      { pollingIntervalSeconds, batchSize: flow.batchSize, includeMetadata: true },
      async (batch) => {
        const runOne = async (j: (typeof batch)[number]) => {
          const attempt = { retry: j.retryCount, last: j.retryCount >= j.retryLimit };
          try {
            const outcome = await run(SYSTEM_ACTOR, { transaction: job.transaction ?? true }, (ctx) =>
              job.handle(ctx, j.data as never, attempt),
            );
            log.info({ job: job.name, id: j.id, outcome }, 'job finished');
          } catch (err) {
            if (batch.length === 1) throw err;
            // In a batch, only the job that threw fails (and is retried by its policy).
            log.warn({ job: job.name, id: j.id, err }, 'job failed');
            await boss.fail(job.name, j.id, { message: (err as Error).message });
          }
        };
        const queue = [...batch];
        await Promise.all(
          Array.from({ length: Math.min(flow.concurrency, queue.length) }, async () => {
            for (let j = queue.shift(); j; j = queue.shift()) await runOne(j);
          }),
        );
      },
    );
    const cron = job.schedule?.(config);
    if (cron) await boss.schedule(job.name, cron, {}, { tz: 'UTC' });
    // A schedule turned off in the configuration is removed, not left running from an earlier start.
    else if (job.schedule) await boss.unschedule(job.name);
  }
}
