import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase, openPglite } from '#src/platform/database/database.ts';
import { migrate } from '#src/platform/database/migrate.ts';

/**
 * Integration tests run on a real database, migrated once here:
 * - PGlite (default): a migrated database is dumped to a file; each test file loads a copy.
 * - PostgreSQL (ATHAR_TEST_DATABASE_URL): a migrated template database; each test file
 *   creates its own database from it.
 */
export const TEMPLATE_DB = 'athar_test_template';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const url = process.env.ATHAR_TEST_DATABASE_URL;
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const { rows } = await admin.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE 'athar_test_%'",
    );
    for (const r of rows) await admin.query(`DROP DATABASE IF EXISTS "${r.datname}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
    const u = new URL(url);
    u.pathname = `/${TEMPLATE_DB}`;
    const database = await openDatabase({ databaseUrl: u.toString() });
    await migrate(database.db);
    await database.close();
    project.provide('templateDatabaseUrl', u.toString());
    project.provide('pgliteDump', '');
    return async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
      await admin.end();
    };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'athar-test-'));
  const pglite = await openPglite(undefined);
  const database = await openDatabase({ pglite, ownsPglite: false });
  await migrate(database.db);
  await database.close();
  const dump = await pglite.dumpDataDir('none');
  await pglite.close();
  const file = path.join(dir, 'template.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('templateDatabaseUrl', '');
  project.provide('pgliteDump', file);
  return async () => rmSync(dir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabaseUrl: string;
    pgliteDump: string;
  }
}
