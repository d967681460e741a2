import { CompiledQuery, type Kysely } from 'kysely';
import type PgBoss from 'pg-boss';
import type pg from 'pg';
import type { DB } from '#src/platform/database/schema.ts';
import type { JobName, JobPayloads } from './job.ts';

/** pg-boss's database port: run one statement, give back its rows. */
export type BossDb = { executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> };

/**
 * The process's pool as pg-boss's database: every statement checks a client out of the one
 * pool and returns it, so on PGlite (pool of one) a job statement waits for an open Kysely
 * transaction to finish instead of landing inside it.
 */
export function poolBossDb(pool: pg.Pool): BossDb {
  return {
    async executeSql(text, values) {
      const client = await pool.connect();
      try {
        // No values: simple-query protocol, which pg-boss's multi-statement schema install needs.
        return values === undefined || values.length === 0
          ? await client.query(text)
          : await client.query(text, values);
      } finally {
        client.release();
      }
    },
  };
}

/** A transaction as pg-boss's database, for jobs that must commit with a write. */
function kyselyBossDb(db: Kysely<DB>): BossDb {
  return {
    async executeSql(text, values) {
      const r = await db.executeQuery(CompiledQuery.raw(text, values ?? []));
      return { rows: r.rows };
    },
  };
}

/** Sends named, typed jobs. */
export interface JobSender {
  /** Whether this process runs the job queue: without it, `send` throws (a CLI command that needs no jobs). */
  readonly started: boolean;
  send<N extends JobName>(
    name: N,
    data: JobPayloads[N],
    options?: PgBoss.SendOptions,
  ): Promise<string | null>;
}

/**
 * The process's job queue: pg-boss once the runner has started it. A unit of work sends through
 * `senderFor(its transaction)`, so that a job sent inside a transaction is created in it.
 */
export class JobQueue {
  private boss: PgBoss | null = null;

  /** Called by the job runner once pg-boss has started (jobs can be sent from then on). */
  started(boss: PgBoss | null): void {
    this.boss = boss;
  }

  senderFor(transaction: Kysely<DB> | null): JobSender {
    const started = () => this.boss !== null;
    return {
      get started() {
        return started();
      },
      send: async (name, data, options = {}) => {
        if (!this.boss) throw new Error(`the job queue is not started; cannot send ${name}`);
        const opts: PgBoss.SendOptions = { ...options };
        if (transaction) opts.db = kyselyBossDb(transaction);
        return this.boss.send(name, data, opts);
      },
    };
  }
}
