import { CompiledQuery, type Kysely } from 'kysely';
import type PgBoss from 'pg-boss';
import type pg from 'pg';
import type { DB } from '#src/db/schema.ts';
import type { JobName, JobPayloads } from '#src/jobs/registry.ts';

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
        return values === undefined || values.length === 0 ? await client.query(text) : await client.query(text, values);
      } finally {
        client.release();
      }
    },
  };
}

/** A transaction (or the database) as pg-boss's database, for jobs that must commit with a write. */
export function kyselyBossDb(db: Kysely<DB>): BossDb {
  return {
    async executeSql(text, values) {
      const r = await db.executeQuery(CompiledQuery.raw(text, values ?? []));
      return { rows: r.rows };
    },
  };
}

/** Enqueues named, typed jobs. Bound to a transaction, a job is created only if it commits. */
export class JobQueue {
  constructor(
    private readonly boss: PgBoss | null,
    private readonly db: BossDb | null,
  ) {}

  async send<N extends JobName>(name: N, data: JobPayloads[N], options: PgBoss.SendOptions = {}): Promise<string | null> {
    if (!this.boss) throw new Error(`job queue is not started; cannot send ${name}`);
    const opts: PgBoss.SendOptions = { ...options };
    if (this.db) opts.db = this.db;
    return this.boss.send(name, data as object, opts);
  }
}
