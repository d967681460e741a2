import pino, { type Logger } from 'pino';
import type PgBoss from 'pg-boss';
import type { Config } from './config.ts';
import { openDatabase, openPglite, type Database } from './db/database.ts';
import { acquireLock, type DataDirLock } from './db/lock.ts';
import { migrate } from './db/migrate.ts';
import { startBoss, startWorkers } from './jobs/worker.ts';
import { cryptoIds, systemClock, type Clock, type Ids } from './ports.ts';
import { createStore, type Store } from './repositories/index.ts';
import { AccessService } from './services/access.service.ts';
import { AuditService } from './services/audit.service.ts';
import { AuthService } from './services/auth.service.ts';
import { CaseService } from './services/case.service.ts';
import { CaseFileService } from './services/casefile.service.ts';
import { ClaimService } from './services/claim.service.ts';
import { ClaimReviewService } from './services/claimreview.service.ts';
import type { ServiceDeps } from './services/context.ts';
import { DEMO_SLUG, DemoService } from './services/demo.service.ts';
import { SystemService } from './services/system.service.ts';
import { TimelineService } from './services/timeline.service.ts';

export interface Services {
  access: AccessService;
  auth: AuthService;
  audit: AuditService;
  cases: CaseService;
  caseFile: CaseFileService;
  claims: ClaimService;
  claimReview: ClaimReviewService;
  timeline: TimelineService;
  demo: DemoService;
  system: SystemService;
}

/** Everything a running athar holds: config → database → repositories → services. */
export interface App {
  config: Config;
  log: Logger;
  database: Database;
  store: Store;
  services: Services;
  boss: PgBoss | null;
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
}

export function createServices(deps: ServiceDeps, databaseKind: Database['kind']): Services {
  return {
    access: new AccessService(deps),
    auth: new AuthService(deps),
    audit: new AuditService(deps),
    cases: new CaseService(deps),
    caseFile: new CaseFileService(deps),
    claims: new ClaimService(deps),
    claimReview: new ClaimReviewService(deps),
    timeline: new TimelineService(deps),
    demo: new DemoService(deps, (store) => createServices({ ...deps, store }, databaseKind)),
    system: new SystemService(deps, databaseKind),
  };
}

export function createLogger(config: Config): Logger {
  return pino({
    level: config.logLevel,
    // Query strings can carry what people searched for (names, later): log the path only.
    serializers: {
      req: (req: { method?: string; url?: string; id?: string }) => ({ method: req.method, path: req.url?.split('?')[0], id: req.id }),
    },
    // Logs never hold secrets or contact details: credentials and cookies are redacted.
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]', 'password', '*.password', '*.newPassword', '*.currentPassword'], censor: '[redacted]' },
  }, pino.destination(2));
}

/**
 * Opens the database (taking the data directory's lock for the embedded one), migrates it,
 * and wires repositories and services. One process per embedded database.
 */
export async function createApp(config: Config, opts: CreateAppOptions = {}): Promise<App> {
  const log = opts.log ?? createLogger(config);
  let lock: DataDirLock | null = null;
  let database = opts.database;
  if (!database) {
    if (config.databaseUrl) {
      database = await openDatabase({ databaseUrl: config.databaseUrl });
    } else {
      lock = acquireLock(config.dataDir);
      try {
        database = await openDatabase({ pglite: await openPglite(config.dataDir) });
      } catch (e) {
        lock.release();
        throw e;
      }
    }
  }
  try {
    if (opts.migrate !== false) await migrate(database.db);
    const ids = opts.ids ?? cryptoIds;
    const store = createStore(database.db);
    const deps: ServiceDeps = { store, clock: opts.clock ?? systemClock, ids, config };
    const services = createServices(deps, database.kind);
    let boss: PgBoss | null = null;
    if (opts.jobs) {
      boss = await startBoss(database, log);
      store.setBoss(boss);
      if (opts.workers) await startWorkers(boss, services, config, log);
    }
    const db = database;
    return {
      config, log, database: db, store, services, boss, localToken: `athar_local_${ids.secret()}`, lock,
      async close() {
        if (boss) await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
        await db.close();
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
 * one-time password to change at first sign-in) and load the demo case once (ATHAR_DEMO).
 */
export async function firstStart(app: App): Promise<FirstStart> {
  const admin = await app.services.auth.bootstrapAdmin();
  let demoLoaded = false;
  const offered = await app.store.repos.installation.get('demo.offered');
  if (app.config.loadDemo && !offered) {
    const actor = await app.services.auth.localActor(null);
    try {
      demoLoaded = (await app.services.demo.load(actor)).loaded;
    } catch (e) {
      // Another process starting at the same time may have loaded it first.
      if (!(await app.store.repos.cases.find(DEMO_SLUG))) throw e;
    }
    await app.store.repos.installation.set('demo.offered', { at: new Date().toISOString() });
  }
  return { admin, demoLoaded };
}
