/**
 * The databases a benchmark measures side by side in one run: the embedded PGlite, and a
 * PostgreSQL server when ATHAR_BENCH_DATABASE_URL (or ATHAR_TEST_DATABASE_URL) names one — in a
 * database made for the run and dropped after it.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, openPglite, type Database } from '#src/platform/database/database.ts';

/** Runs `measure` on each database; a server not configured gives `missing` instead. */
export async function onEachDatabase(
  measure: (kind: string, database: Database) => Promise<string[]>,
  missing: string,
): Promise<string[]> {
  const rows = await measure('PGlite', await openDatabase({ pglite: await openPglite(undefined) }));
  const serverUrl = process.env.ATHAR_BENCH_DATABASE_URL ?? process.env.ATHAR_TEST_DATABASE_URL;
  if (!serverUrl) return [...rows, missing];
  const name = `athar_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  try {
    const version = (await admin.query<{ server_version: string }>('SHOW server_version')).rows[0]!
      .server_version;
    rows.push(
      ...(await measure(
        `PostgreSQL ${version.split(' ')[0]}`,
        await openDatabase({ databaseUrl: u.toString() }),
      )),
    );
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
  return rows;
}
