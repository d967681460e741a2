/**
 * The composition root: config → platform (database, job queue, audit views) → the list of
 * modules. Adding a feature is adding its folder under src/modules and one line to `modules`.
 */
import path from 'node:path';
import pino, { type Logger } from 'pino';
import type PgBoss from 'pg-boss';
import {
  accountsModule,
  authenticateSession,
  authenticateToken,
  bootstrapAdmin,
  csrfMatches,
  localActor,
} from '#src/modules/accounts/index.ts';
import { auditModule } from '#src/modules/audit/index.ts';
import { timestampsModule } from '#src/modules/timestamps/index.ts';
import { caseFileModule } from '#src/modules/casefile/index.ts';
import { authorizeCase, casesModule, findCase } from '#src/modules/cases/index.ts';
import { claimsModule } from '#src/modules/claims/index.ts';
import {
  DEMO_SLUG,
  demoMediaOwed,
  demoModule,
  demoToOffer,
  loadDemoMedia,
  offerDemo,
} from '#src/modules/demo/index.ts';
import { deskModule } from '#src/modules/desk/index.ts';
import { evidenceModule } from '#src/modules/evidence/index.ts';
import { mediaModule } from '#src/modules/media/index.ts';
import { registryModule } from '#src/modules/registry/index.ts';
import { systemModule } from '#src/modules/system/index.ts';
import { timelineModule } from '#src/modules/timeline/index.ts';
import { AuditViews } from '#src/platform/audit/audit-view.ts';
import { closeFingerprintPool } from '#src/platform/media/fingerprint-pool.ts';
import { closeMetadataReader } from '#src/platform/media/metadata.ts';
import { BlobStore } from '#src/platform/blobs/blob-store.ts';
import { masterKey } from '#src/platform/crypto/master-key.ts';
import { invalid } from '#src/platform/errors.ts';
import { EventBus } from '#src/platform/events.ts';
import type { Config } from '#src/platform/config.ts';
import { ANONYMOUS_ACTOR, SYSTEM_ACTOR, type Context } from '#src/platform/context.ts';
import { openDatabase, openPglite, type Database } from '#src/platform/database/database.ts';
import { acquireLock, type DataDirLock } from '#src/platform/database/lock.ts';
import { migrate } from '#src/platform/database/migrate.ts';
import type { Security } from '#src/platform/http/plugins/auth.ts';
import { JobQueue } from '#src/platform/jobs/job-queue.ts';
import { startBoss, startWorkers } from '#src/platform/jobs/job-runner.ts';
import type { AtharModule } from '#src/platform/module.ts';
import { cryptoIds, systemClock, type Clock, type Ids } from '#src/platform/ports.ts';
import { runUnit, type Platform, type RunUnit } from '#src/platform/unit-of-work.ts';

/**
 * The master key that seals protected values, read (or made) at start: a missing, unreadable or
 * wrong key stops the start with the reason, rather than a family's inquiry later.
 */
async function checkMasterKey(config: Config, database: Database, log: Logger): Promise<void> {
  const master = masterKey(config);
  const other = await database.db
    .selectFrom('record_key')
    .select('master_id')
    .where('master_id', '<>', master.id)
    .limit(1)
    .executeTakeFirst();
  if (other)
    throw invalid(
      'config.master_key',
      `protected values in this database were sealed under master key ${other.master_id}, but ${master.file} holds key ${master.id}: set ATHAR_MASTER_KEY_FILE to the installation's master key`,
      { issues: [{ field: 'ATHAR_MASTER_KEY_FILE', message: 'not the key the data was sealed with' }] },
    );
  if (master.inDataDir && config.databaseUrl)
    log.warn(
      { file: master.file },
      'the master key was made in the data directory: every process sharing this database must share that directory, and backups of it carry the key. Set ATHAR_MASTER_KEY_FILE to a key kept apart',
    );
}

/** Every feature of athar, in the order their routes are registered. */
export function modulesFor(config: Config): AtharModule[] {
  const features = [
    systemModule,
    accountsModule(config),
    casesModule,
    caseFileModule,
    claimsModule,
    mediaModule(),
    registryModule(config),
    timestampsModule,
    evidenceModule,
    auditModule,
    demoModule,
  ];
  // The desk last: its routes take every path the API does not.
  return [...features, timelineModule(features), deskModule(config)];
}

/** Everything a running athar holds. */
export interface App {
  config: Config;
  log: Logger;
  database: Database;
  modules: readonly AtharModule[];
  /** Runs `fn` as one unit of work acting as `actor` (a transaction for writes). */
  run: RunUnit;
  /** How the HTTP API knows who is calling and what they may see. */
  security: Security;
  boss: PgBoss | null;
  blobs: BlobStore;
  /** Secret that lets this machine's CLI act as the local administrator; never leaves the data dir. */
  localToken: string;
  lock: DataDirLock | null;
  close(): Promise<void>;
}

export interface CreateAppOptions {
  /** Use this database instead of opening one from the config (tests). */
  database?: Database;
  clock?: Clock;
  ids?: Ids;
  log?: Logger;
  /** Apply migrations at start (default true). */
  migrate?: boolean;
  /** Start pg-boss (send jobs) — and with `workers`, also take jobs and run the schedule. */
  jobs?: boolean;
  workers?: boolean;
  /** More secrets that act as the local administrator (tests). */
  localTokens?: string[];
  /** Compose these modules instead of athar's own (tests add or change one). */
  modules?: (config: Config) => AtharModule[];
}

export function createLogger(config: Config): Logger {
  return pino(
    {
      level: config.logLevel,
      // Query strings can carry what people searched for (names, later): log the path only.
      serializers: {
        req: (req: { method?: string; url?: string; id?: string }) => ({
          method: req.method,
          path: req.url?.split('?')[0],
          id: req.id,
        }),
      },
      // Logs never hold secrets or contact details: credentials and cookies are redacted.
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers.cookie',
          'req.headers["x-csrf-token"]',
          'password',
          '*.password',
          '*.newPassword',
          '*.currentPassword',
        ],
        censor: '[redacted]',
      },
    },
    pino.destination(2),
  );
}

async function openFromConfig(config: Config): Promise<{ database: Database; lock: DataDirLock | null }> {
  if (config.databaseUrl)
    return { database: await openDatabase({ databaseUrl: config.databaseUrl }), lock: null };
  const lock = acquireLock(config.dataDir);
  try {
    return { database: await openDatabase({ pglite: await openPglite(config.dataDir) }), lock };
  } catch (e) {
    lock.release();
    throw e;
  }
}

/**
 * Opens the database (taking the data directory's lock for the embedded one), migrates it, and
 * composes the modules. One process per embedded database.
 */
export async function createApp(config: Config, opts: CreateAppOptions = {}): Promise<App> {
  const log = opts.log ?? createLogger(config);
  const opened = opts.database ? { database: opts.database, lock: null } : await openFromConfig(config);
  const { database, lock } = opened;
  try {
    if (opts.migrate !== false) await migrate(database.db);
    const ids = opts.ids ?? cryptoIds;
    const modules = (opts.modules ?? modulesFor)(config);
    const blobs = new BlobStore(path.join(config.dataDir, 'blobs'));
    await blobs.open();
    await checkMasterKey(config, database, log);
    const platform: Platform = {
      database,
      config,
      log,
      ids,
      clock: opts.clock ?? systemClock,
      jobs: new JobQueue(),
      auditViews: new AuditViews(modules.flatMap((m) => m.auditViews ?? [])),
      events: new EventBus(modules.flatMap((m) => (m.on ? [m.on] : []))),
      blobs,
    };
    const run: App['run'] = (actor, o, fn) => runUnit(platform, actor, o, fn);
    const read = <T>(fn: (ctx: Context) => Promise<T>) => run(ANONYMOUS_ACTOR, { transaction: false }, fn);
    const localToken = `athar_local_${ids.secret()}`;
    const security: Security = {
      authenticator: {
        token: (secret) => read((ctx) => authenticateToken(ctx, secret)),
        session: (token) => read((ctx) => authenticateSession(ctx, token)),
        local: (username) => read((ctx) => localActor(ctx, username)),
        csrfMatches,
      },
      cases: { authorize: (actor, rule, caseRef) => read((ctx) => authorizeCase(ctx, actor, rule, caseRef)) },
      localTokens: new Set([localToken, ...(opts.localTokens ?? [])]),
    };
    const jobs = modules.flatMap((m) => m.jobs ?? []);
    let boss: PgBoss | null = null;
    if (opts.jobs) {
      boss = await startBoss(database, jobs, log);
      platform.jobs.started(boss);
      if (opts.workers) {
        await startWorkers(boss, jobs, run, config, log);
        for (const m of modules)
          if (m.onStart) await run(SYSTEM_ACTOR, { transaction: false }, (ctx) => m.onStart!(ctx));
      }
    }
    return {
      config,
      log,
      database,
      modules,
      run,
      security,
      boss,
      blobs,
      localToken,
      lock,
      async close() {
        if (boss) await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
        await closeMetadataReader();
        await closeFingerprintPool();
        await database.close();
        lock?.release();
      },
    };
  } catch (e) {
    if (!opts.database) await database.close();
    lock?.release();
    throw e;
  }
}

export interface FirstStart {
  admin: { username: string; oneTimePassword: string | null } | null;
  demoLoaded: boolean;
}

/**
 * The first start of an installation: create the administrator (ATHAR_ADMIN_PASSWORD, or a
 * one-time password to change at first sign-in) and load the demo case once (ATHAR_DEMO), as
 * that administrator so that they are its admin. With `demoMedia` (a server's start), the demo's
 * stand-in videos follow the case file — at this start, or at a later one when an earlier start
 * could not make them all, or a CLI command opened the data directory first; that never stops a
 * start.
 */
export async function firstStart(app: App, opts: { demoMedia?: boolean } = {}): Promise<FirstStart> {
  const admin = await app.run(SYSTEM_ACTOR, { transaction: false }, (ctx) => bootstrapAdmin(ctx));
  const offer = await app.run(SYSTEM_ACTOR, { transaction: false }, (ctx) => demoToOffer(ctx));
  const owed = async () =>
    opts.demoMedia === true &&
    (await app.run(SYSTEM_ACTOR, { transaction: false }, (ctx) => demoMediaOwed(ctx)));
  if (!offer && !(await owed())) return { admin, demoLoaded: false };
  const actor = await app.run(SYSTEM_ACTOR, { transaction: false }, (ctx) => localActor(ctx, null));
  let demoLoaded = false;
  if (offer) {
    try {
      demoLoaded = await app.run(actor, { transaction: true }, (ctx) => offerDemo(ctx));
    } catch (e) {
      // Another process starting at the same time may have loaded it first.
      if (!(await app.run(actor, { transaction: false }, (ctx) => findCase(ctx, DEMO_SLUG)))) throw e;
    }
  }
  if (await owed()) {
    await app
      .run(actor, { transaction: false }, (ctx) => loadDemoMedia(ctx))
      .catch((e: unknown) => app.log.warn({ err: e }, 'the demo case’s stand-in videos were not made'));
  }
  return { admin, demoLoaded };
}
