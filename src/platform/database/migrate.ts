import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import type { DB } from './schema.ts';

const MIGRATIONS_DIR = path.join(import.meta.dirname, 'migrations');

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The numbered SQL files in migrations/ beside this file, in order. Forward-only: there are no downs. */
export function listMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}-[a-z0-9-]+\.sql$/.test(f))
    .sort()
    .map((f) => ({
      version: Number(f.slice(0, 4)),
      name: f.slice(5, -4),
      sql: readFileSync(path.join(dir, f), 'utf8'),
    }));
}

/**
 * Applies every migration not yet applied, each in its own transaction, under an advisory
 * lock so that two processes starting against one PostgreSQL server do not race.
 * Returns the versions applied now.
 */
export async function migrate(db: Kysely<DB>, migrations = listMigrations()): Promise<number[]> {
  await sql`CREATE TABLE IF NOT EXISTS schema_migration (
    version integer PRIMARY KEY,
    name text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`.execute(db);
  const applied: number[] = [];
  for (const m of migrations) {
    const done = await db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(4207001)`.execute(trx);
      const row = await trx
        .selectFrom('schema_migration')
        .select('version')
        .where('version', '=', m.version)
        .executeTakeFirst();
      if (row) return false;
      // Parameterless: pg sends it as a simple query, so one file may hold many statements.
      await sql.raw(m.sql).execute(trx);
      await trx.insertInto('schema_migration').values({ version: m.version, name: m.name }).execute();
      return true;
    });
    if (done) applied.push(m.version);
  }
  return applied;
}

/** Versions known to the code but not yet applied to the database (for /readyz). */
export async function pendingMigrations(db: Kysely<DB>): Promise<number[]> {
  const known = listMigrations().map((m) => m.version);
  try {
    const rows = await db.selectFrom('schema_migration').select('version').execute();
    const have = new Set(rows.map((r) => r.version));
    return known.filter((v) => !have.has(v));
  } catch {
    return known;
  }
}
