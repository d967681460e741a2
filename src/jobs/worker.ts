import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { Database } from '#src/db/database.ts';
import { poolBossDb } from '#src/repositories/job.queue.ts';
import type { Services } from '#src/app.ts';
import type { Config } from '#src/config.ts';
import { JOB_NAMES, JOB_POLICIES, type JobOutcome, type JobPayloads } from './registry.ts';

/**
 * pg-boss on the process's one pool (PGlite or PostgreSQL alike). `startBoss` makes the queues
 * exist so jobs can be sent; `startWorkers` also takes jobs and runs the schedule.
 */
export async function startBoss(database: Database, log: Logger): Promise<PgBoss> {
  const boss = new PgBoss({
    db: poolBossDb(database.pool),
    schema: 'pgboss',
    // PGlite is one session: keep pg-boss's background chatter low there.
    ...(database.kind === 'pglite' ? { maintenanceIntervalSeconds: 300, monitorStateIntervalSeconds: 300 } : {}),
  });
  boss.on('error', (err: Error) => log.error({ err }, 'job queue error'));
  await boss.start();
  for (const name of JOB_NAMES) {
    const existing = await boss.getQueue(name);
    if (!existing) await boss.createQueue(name, { name, ...JOB_POLICIES[name] });
  }
  return boss;
}

type Handlers = { [N in keyof JobPayloads]: (data: JobPayloads[N]) => Promise<JobOutcome> };

export function jobHandlers(services: Services, log: Logger): Handlers {
  return {
    'audit.verify-chain': async () => {
      const r = await services.audit.verify();
      await services.audit.recordCheck(r);
      if (!r.ok) {
        log.error({ problem: r.problem }, 'audit chain verification FAILED');
        return 'failed_check';
      }
      log.info({ events: r.events }, 'audit chain verified');
      return 'done';
    },
  };
}

export async function startWorkers(boss: PgBoss, services: Services, config: Config, log: Logger): Promise<void> {
  const handlers = jobHandlers(services, log);
  for (const name of JOB_NAMES) {
    await boss.work(name, { pollingIntervalSeconds: 2 }, async (jobs) => {
      for (const job of jobs) {
        const outcome = await handlers[name](job.data as JobPayloads[typeof name]);
        log.info({ job: name, id: job.id, outcome }, 'job finished');
      }
    });
  }
  await boss.schedule('audit.verify-chain', config.auditCheckCron, {}, { tz: 'UTC' });
}
