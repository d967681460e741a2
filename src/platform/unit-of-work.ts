/**
 * Opening a context: one unit of work per HTTP request and per job. A write runs in one
 * transaction that the unit opens and commits; its audit events reach the chain in that same
 * transaction just before it commits, and jobs sent from it are created in it. A read runs on
 * the database directly.
 */
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { AuditViews } from './audit/audit-view.ts';
import type { BlobStore } from './blobs/blob-store.ts';
import { AuditTrailRepository, type NewAuditEvent } from './audit/audit-trail.repository.ts';
import type { Config } from './config.ts';
import type { Actor, AuditEventInput, Context, RepositoryClass } from './context.ts';
import type { Database } from './database/database.ts';
import type { DB } from './database/schema.ts';
import type { DomainEvents, EventBus, EventName } from './events.ts';
import type { JobQueue, JobSender } from './jobs/job-queue.ts';
import { internal } from './errors.ts';
import type { Clock, Ids } from './ports.ts';

/** What every unit of work is built from; made once per process by `createApp`. */
export interface Platform {
  database: Database;
  config: Config;
  clock: Clock;
  ids: Ids;
  log: Logger;
  auditViews: AuditViews;
  jobs: JobQueue;
  events: EventBus;
  blobs: BlobStore;
}

/** Runs `fn` as one unit of work acting as `actor` (what `createApp` gives as `app.run`). */
export type RunUnit = <T>(actor: Actor, opts: UnitOptions, fn: (ctx: Context) => Promise<T>) => Promise<T>;

export interface UnitOptions {
  /** Run in one transaction (writes); false for reads. */
  transaction: boolean;
}

type AuditSink = (event: AuditEventInput, actor: Actor) => void;

/** The state one unit of work shares between the contexts it hands out (`as`, bulk summaries). */
class Unit {
  readonly events: NewAuditEvent[] = [];
  private readonly repositories = new Map<RepositoryClass<unknown>, unknown>();
  readonly jobs: JobSender;

  constructor(
    readonly platform: Platform,
    readonly db: Kysely<DB>,
    readonly inTransaction: boolean,
  ) {
    this.jobs = platform.jobs.senderFor(inTransaction ? db : null);
  }

  repo<R>(repository: RepositoryClass<R>): R {
    let r = this.repositories.get(repository) as R | undefined;
    if (r === undefined) {
      r = new repository(this.db);
      this.repositories.set(repository, r);
    }
    return r;
  }

  /** Projects the event through its entity's audit view now, so later changes to the objects cannot alter it. */
  record: AuditSink = (e, actor) => {
    const { ids, auditViews } = this.platform;
    const { before, after } = auditViews.project(e.entityType, e.before ?? null, e.after ?? null);
    this.events.push({
      id: ids.uuid(),
      actorId: actor.userId,
      actor: actor.via === 'local' ? `${actor.username} (local)` : actor.username,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      caseId: e.caseId ?? null,
      before,
      after,
    });
  };
}

class UnitContext implements Context {
  constructor(
    private readonly unit: Unit,
    readonly actor: Actor,
    private readonly sink: AuditSink,
  ) {}

  get clock(): Clock {
    return this.unit.platform.clock;
  }
  get ids(): Ids {
    return this.unit.platform.ids;
  }
  get config(): Config {
    return this.unit.platform.config;
  }
  get log(): Logger {
    return this.unit.platform.log;
  }
  get databaseKind() {
    return this.unit.platform.database.kind;
  }
  get inTransaction(): boolean {
    return this.unit.inTransaction;
  }
  get jobs(): JobSender {
    return this.unit.jobs;
  }
  get blobs(): BlobStore {
    return this.unit.platform.blobs;
  }

  repo<R>(repository: RepositoryClass<R>): R {
    return this.unit.repo(repository);
  }

  audit(event: AuditEventInput): void {
    if (!this.unit.inTransaction) {
      throw internal(
        'audit.outside_transaction',
        `${event.action} was recorded outside a transaction: write it in ctx.transaction()`,
      );
    }
    this.sink(event, this.actor);
  }

  transaction<T>(fn: (ctx: Context) => Promise<T>): Promise<T> {
    if (this.unit.inTransaction) return fn(this);
    return transactional(this.unit.platform, this.actor, fn);
  }

  as(actor: Actor): Context {
    return new UnitContext(this.unit, actor, this.sink);
  }

  emit<E extends EventName>(name: E, event: DomainEvents[E]): Promise<void> {
    return this.unit.platform.events.emit(this, name, event);
  }

  /** A context of the same unit whose audit events go to `sink` instead (bulk summaries). */
  withSink(sink: AuditSink): UnitContext {
    return new UnitContext(this.unit, this.actor, sink);
  }
}

/**
 * Runs `fn` as one unit of work acting as `actor`. With a transaction, everything `fn` writes,
 * the audit events it records and the jobs it sends commit together, or roll back together when
 * it throws. Without one, `fn` reads, and writes only through `ctx.transaction`.
 */
export async function runUnit<T>(
  platform: Platform,
  actor: Actor,
  opts: UnitOptions,
  fn: (ctx: Context) => Promise<T>,
): Promise<T> {
  if (opts.transaction) return transactional(platform, actor, fn);
  const unit = new Unit(platform, platform.database.db, false);
  return fn(new UnitContext(unit, actor, unit.record));
}

function transactional<T>(platform: Platform, actor: Actor, fn: (ctx: Context) => Promise<T>): Promise<T> {
  return platform.database.db.transaction().execute(async (trx) => {
    const unit = new Unit(platform, trx, true);
    const result = await fn(new UnitContext(unit, actor, unit.record));
    await new AuditTrailRepository(trx).append(unit.events, platform.clock.now());
    return result;
  });
}

/** The one event that stands for a bulk operation. */
export interface AuditSummary {
  action: string;
  entityType: string;
  entityId: string | null;
  caseId?: string | null;
  /** What the summary says besides the counts (the file's SHA-256, its name); declared in the entity's view. */
  after: Record<string, unknown>;
}

/**
 * Bulk work recorded as one summary event: inside `fn`, the events use cases record are counted
 * by action instead of written one by one, and one event with `summary.after` plus `counts` is
 * recorded when `fn` succeeds (an import of 300,000 rows is one event with the file's hash and
 * its counts). The summary's entity type must declare `counts` in its audit view.
 */
export async function withAuditSummary<T>(
  ctx: Context,
  summary: AuditSummary,
  fn: (ctx: Context) => Promise<T>,
): Promise<T> {
  if (!(ctx instanceof UnitContext)) throw new Error('withAuditSummary needs a context opened by runUnit');
  const counts: Record<string, number> = {};
  const bulk = ctx.withSink((e) => {
    counts[e.action] = (counts[e.action] ?? 0) + 1;
  });
  const result = await fn(bulk);
  ctx.audit({ ...summary, after: { ...summary.after, counts } });
  return result;
}
