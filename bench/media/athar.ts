/**
 * athar for the media benchmark: an installation on a fresh database (an embedded PGlite in a
 * temporary data directory, or a new database on a PostgreSQL server, dropped afterwards), started
 * in this process with its job workers and listening on a loopback port, as `athar serve` does;
 * and a small HTTP client that talks to it the way the desk and the CLI do (a new request for
 * each call, bearer token, files streamed as the body).
 */
import { randomBytes } from 'node:crypto';
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createApp, type App, type CreateAppOptions } from '#src/app.ts';
import { bootstrapAdmin, localActor } from '#src/modules/accounts/index.ts';
import { createCase, findCase } from '#src/modules/cases/index.ts';
import { loadConfig } from '#src/platform/config.ts';
import { SYSTEM_ACTOR } from '#src/platform/context.ts';
import { buildServer, type Server } from '#src/platform/http/server.ts';

export type DatabaseKind = 'pglite' | 'postgres';

/** Where one installation of the benchmark lives. */
export interface Installation {
  kind: DatabaseKind;
  /** The environment athar reads (ATHAR_DATA_DIR, DATABASE_URL, ...). */
  env: Record<string, string>;
  databaseUrl: string | null;
  dataDir: string;
  /** Removes the data directory and drops the database. */
  remove(): Promise<void>;
}

export const CASE_SLUG = 'bench-media';

/** A fresh installation: a new PGlite data directory, or a new database on the server at `adminUrl`. */
export async function freshInstallation(kind: DatabaseKind, adminUrl: string): Promise<Installation> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `athar-bench-media-${kind}-`));
  const env: Record<string, string> = {
    ATHAR_DATA_DIR: dataDir,
    ATHAR_ADMIN_PASSWORD: 'media benchmark password',
    ATHAR_LOG_LEVEL: 'error',
    ATHAR_DEMO: 'false',
    ATHAR_URL_CHECK_CRON: 'off',
  };
  if (kind === 'pglite')
    return {
      kind,
      env,
      databaseUrl: null,
      dataDir,
      remove: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  const name = `athar_bench_media_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  env.DATABASE_URL = u.toString();
  return {
    kind,
    env,
    databaseUrl: u.toString(),
    dataDir,
    remove: async () => {
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Whether a PostgreSQL server answers at `url` (the reason when not). */
export async function postgresReachable(url: string): Promise<string | null> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.query('SELECT 1');
    return null;
  } catch (e) {
    return (e as Error).message;
  } finally {
    await c.end().catch(() => undefined);
  }
}

/** athar running in this process over an installation, with its API on a loopback port. */
export interface Running {
  app: App;
  server: Server;
  base: string;
  /** Bearer token of the local administrator. */
  token: string;
  caseId: string;
  /** Seconds `createApp` took (opening, migrating, starting jobs and workers, the modules' starts). */
  startS: number;
  close(): Promise<void>;
}

/** Starts athar (jobs and workers on, like `athar serve`); creates the administrator and the case once. */
export async function startAthar(
  inst: Installation,
  opts: { modules?: CreateAppOptions['modules'] } = {},
): Promise<Running> {
  const config = loadConfig(inst.env);
  const t0 = process.hrtime.bigint();
  const app = await createApp(config, { jobs: true, workers: true, ...opts });
  const startS = Number(process.hrtime.bigint() - t0) / 1e9;
  await app.run(SYSTEM_ACTOR, { transaction: true }, (ctx) => bootstrapAdmin(ctx));
  const actor = await app.run(SYSTEM_ACTOR, { transaction: false }, (ctx) => localActor(ctx, null));
  const caseId = await app.run(actor, { transaction: true }, async (ctx) => {
    const existing = await findCase(ctx, CASE_SLUG);
    if (existing) return existing.id;
    const c = await createCase(ctx, { slug: CASE_SLUG, title: 'Media benchmark', timeZone: 'UTC' });
    return c.id;
  });
  const server = await buildServer(app, { logger: false, docs: false });
  await server.fastify.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(server.fastify.server.address() as AddressInfo).port}`;
  return {
    app,
    server,
    base,
    token: app.localToken,
    caseId,
    startS,
    async close() {
      await server.fastify.close();
      await app.close();
    },
  };
}

export interface Answer<T> {
  status: number;
  body: T;
  /** Wall-clock milliseconds from sending the request to the whole answer. */
  ms: number;
}

/** One request to athar's API: a JSON answer; `file` is streamed as an application/octet-stream body. */
export function request<T = unknown>(
  base: string,
  token: string,
  method: string,
  urlPath: string,
  file?: string,
): Promise<Answer<T>> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'application/json' };
  if (file) {
    headers['content-type'] = 'application/octet-stream';
    headers['content-length'] = String(statSync(file).size);
  }
  const t0 = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const req = http.request(new URL(base + urlPath), { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body: unknown = text;
        try {
          body = text ? JSON.parse(text) : null;
        } catch {
          // not JSON: kept as text
        }
        resolve({
          status: res.statusCode ?? 0,
          body: body as T,
          ms: Number(process.hrtime.bigint() - t0) / 1e6,
        });
      });
    });
    req.on('error', reject);
    if (file) createReadStream(file).on('error', reject).pipe(req);
    else req.end();
  });
}

/** Like `request`, but throws unless the answer is a success. */
export async function ok<T = unknown>(
  base: string,
  token: string,
  method: string,
  urlPath: string,
  file?: string,
): Promise<Answer<T>> {
  const a = await request<T>(base, token, method, urlPath, file);
  if (a.status >= 300)
    throw new Error(`${method} ${urlPath}: HTTP ${a.status}: ${JSON.stringify(a.body).slice(0, 300)}`);
  return a;
}

/** Seconds since `t0` (process.hrtime.bigint()). */
export const since = (t0: bigint): number => Number(process.hrtime.bigint() - t0) / 1e9;

/** The `p` quantile (0–1) of `xs`, nearest rank. */
export function quantile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))]!;
}
