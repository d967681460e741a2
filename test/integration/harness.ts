import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import pino from 'pino';
import { inject } from 'vitest';
import { createApp, type App, type CreateAppOptions } from '#src/app.ts';
import { bootstrapAdmin, createToken, createUser, localActor } from '#src/modules/accounts/index.ts';
import { setMember } from '#src/modules/cases/index.ts';
import type { Role } from '#src/platform/access.ts';
import { loadConfig, type Config } from '#src/platform/config.ts';
import { SYSTEM_ACTOR, type Actor, type Context } from '#src/platform/context.ts';
import { PGLITE_EXTENSIONS, openDatabase, type Database } from '#src/platform/database/database.ts';
import { buildServer, type Server } from '#src/platform/http/server.ts';
import type { Clock } from '#src/platform/ports.ts';

/** A fresh, migrated database for one test file: PGlite from the dump, or a PostgreSQL copy of the template. */
export async function freshDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  const template = inject('templateDatabaseUrl');
  if (template) {
    const name = `athar_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: process.env.ATHAR_TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE athar_test_template`);
    await admin.end();
    const u = new URL(template);
    u.pathname = `/${name}`;
    const database = await openDatabase({ databaseUrl: u.toString() });
    return {
      database,
      drop: async () => {
        await database.close();
        const a = new pg.Client({ connectionString: process.env.ATHAR_TEST_DATABASE_URL });
        await a.connect();
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await a.end();
      },
    };
  }
  const dump = new Blob([readFileSync(inject('pgliteDump'))]);
  const pglite = await PGlite.create({ loadDataDir: dump, extensions: PGLITE_EXTENSIONS });
  const database = await openDatabase({ pglite });
  return { database, drop: () => database.close() };
}

export interface TestEnv {
  app: App;
  server: Server;
  config: Config;
  /** Bearer headers acting as the local administrator. */
  admin: Record<string, string>;
  /** Creates a user with an API token (and, with a case and role, a membership); returns bearer headers. */
  user(
    username: string,
    opts?: { caseSlug?: string; role?: Role; isAdmin?: boolean },
  ): Promise<Record<string, string>>;
  /** The local administrator (or the named user) as an actor. */
  localActor(username?: string): Promise<Actor>;
  /** Runs use cases as `actor` in one unit of work (a transaction unless told otherwise). */
  run<T>(actor: Actor, fn: (ctx: Context) => Promise<T>, opts?: { transaction: boolean }): Promise<T>;
  request(
    method: string,
    url: string,
    headers?: Record<string, string>,
    payload?: unknown,
  ): Promise<{ status: number; body: any; headers: Record<string, unknown>; text: string; raw: Buffer }>;
  close(): Promise<void>;
}

export async function testEnv(
  opts: {
    clock?: Clock;
    jobs?: boolean;
    workers?: boolean;
    env?: Record<string, string>;
    modules?: CreateAppOptions['modules'];
  } = {},
): Promise<TestEnv> {
  const { database, drop } = await freshDatabase();
  // The database is given; the data directory holds the blob store (a fresh one per test file).
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'athar-test-'));
  const config = loadConfig({
    ATHAR_ADMIN_PASSWORD: 'admin password for tests',
    ATHAR_LOG_LEVEL: 'silent',
    ATHAR_DATA_DIR: dataDir,
    // The demo's stand-in videos (ffmpeg at every demo load) only where a test asks for them.
    ATHAR_DEMO_MEDIA: 'false',
    ...opts.env,
  });
  const app = await createApp(config, {
    database,
    migrate: false,
    log: pino({ level: process.env.ATHAR_TEST_LOG ?? 'silent' }),
    jobs: opts.jobs ?? false,
    workers: opts.workers ?? false,
    ...(opts.clock ? { clock: opts.clock } : {}),
    ...(opts.modules ? { modules: opts.modules } : {}),
  });
  await app.run(SYSTEM_ACTOR, { transaction: true }, (ctx) => bootstrapAdmin(ctx));
  const server = await buildServer(app, { logger: false });
  const admin = { authorization: `Bearer ${app.localToken}` };
  const request: TestEnv['request'] = async (method, url, headers = admin, payload) => {
    const r = await server.fastify.inject({
      method: method as 'GET',
      url,
      headers,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    let body: unknown = r.body;
    try {
      body = r.body.length ? JSON.parse(r.body) : null;
    } catch {
      // not JSON
    }
    return { status: r.statusCode, body, headers: r.headers, text: r.body, raw: r.rawPayload };
  };
  const run: TestEnv['run'] = (actor, fn, opts = { transaction: true }) => app.run(actor, opts, fn);
  const actorNamed: TestEnv['localActor'] = (username) =>
    app.run(SYSTEM_ACTOR, { transaction: false }, (ctx) => localActor(ctx, username ?? null));
  return {
    app,
    server,
    config,
    admin,
    request,
    run,
    localActor: actorNamed,
    async user(username, o = {}) {
      const local = await actorNamed();
      await run(local, async (ctx) => {
        await createUser(ctx, {
          username,
          password: `${username} password long`,
          isAdmin: o.isAdmin ?? false,
        });
        if (o.caseSlug && o.role) await setMember(ctx, o.caseSlug, username, o.role);
      });
      const u = await actorNamed(username);
      const t = await run({ ...u, via: 'token' }, (ctx) => createToken(ctx, { name: 'test' }));
      return { authorization: `Bearer ${t.secret}` };
    },
    async close() {
      await server.fastify.close();
      await app.close().catch(() => undefined);
      await drop().catch(() => undefined);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
