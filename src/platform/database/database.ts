import path from 'node:path';
import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import { ensurePrivateDir, tightenTree } from '#src/platform/private-dir.ts';
import type { DB } from './schema.ts';

/**
 * The database: Kysely over one `pg.Pool`, whether the database is the embedded PGlite or a
 * PostgreSQL server. Every user of the database in this process (Kysely, pg-boss) goes
 * through `pool`. For PGlite that pool has exactly one connection — PGlite is one PostgreSQL
 * session, so a second path to it would let a statement land inside another caller's open
 * transaction.
 */
export interface Database {
  kind: 'pglite' | 'postgres';
  db: Kysely<DB>;
  pool: pg.Pool;
  /** The embedded engine, when there is one (tests clone it). */
  pglite?: PGlite;
  close(): Promise<void>;
}

export const PGLITE_EXTENSIONS = { pg_trgm, unaccent, fuzzystrmatch };

/**
 * Opens (creating if needed) the embedded database under `dataDir/pgdata` (in memory without a
 * data directory). Both directories must be athar's alone (`ensurePrivateDir`); the database's
 * files lose group and other permissions once it is open.
 */
export async function openPglite(dataDir: string | undefined): Promise<PGlite> {
  if (dataDir === undefined) return PGlite.create(undefined, { extensions: PGLITE_EXTENSIONS });
  ensurePrivateDir(dataDir, 'the data directory');
  const dir = path.join(dataDir, 'pgdata');
  ensurePrivateDir(dir, 'the embedded database directory');
  const pglite = await PGlite.create(dir, { extensions: PGLITE_EXTENSIONS });
  tightenTree(dir);
  return pglite;
}

export type OpenOptions = { databaseUrl: string } | { pglite: PGlite; ownsPglite?: boolean };

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if ('databaseUrl' in opts) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10, application_name: 'athar' });
    pool.on('error', () => {
      // an idle client lost its connection; the pool replaces it on next use
    });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return {
      kind: 'postgres',
      db,
      pool,
      close: async () => {
        await db.destroy();
      },
    };
  }
  const pglite = opts.pglite;
  // One connection, never closed for idleness: it is the embedded database's only session.
  const pool = new pg.Pool({ ...createPgConfig(pglite), max: 1, idleTimeoutMillis: 0 });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    kind: 'pglite',
    db,
    pool,
    pglite,
    close: async () => {
      await db.destroy();
      if (opts.ownsPglite !== false) await pglite.close();
    },
  };
}
