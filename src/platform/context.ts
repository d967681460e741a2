/**
 * The context a use case runs in. The HTTP pipeline and the job runner open one per request and
 * per job (`runUnit`); a use case that calls another passes its context on, so the whole is one
 * unit of work: every write, its audit events and the jobs it sends commit together or not at all.
 */
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { BlobStore } from './blobs/blob-store.ts';
import type { Config } from './config.ts';
import type { DB } from './database/schema.ts';
import type { DomainEvents, EventName } from './events.ts';
import type { JobSender } from './jobs/job-queue.ts';
import type { Clock, Ids } from './ports.ts';

/** Who is acting. Every write is audited under this name. */
export interface Actor {
  userId: string | null;
  username: string;
  isAdmin: boolean;
  mustChangePassword: boolean;
  via: 'session' | 'token' | 'local' | 'system' | 'anonymous';
  sessionId?: string;
  tokenId?: string;
}

/** The installation itself: first start, scheduled jobs. */
export const SYSTEM_ACTOR: Actor = {
  userId: null,
  username: 'system',
  isAdmin: true,
  mustChangePassword: false,
  via: 'system',
};

/** Nobody signed in (public routes: sign-in, health, the public verdicts). */
export const ANONYMOUS_ACTOR: Actor = {
  userId: null,
  username: 'anonymous',
  isAdmin: false,
  mustChangePassword: false,
  via: 'anonymous',
};

/** What a use case records. The entity type's audit view decides which fields reach the chain. */
export interface AuditEventInput {
  action: string;
  entityType: string;
  entityId: string | null;
  caseId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** A repository class: built on the unit's database handle (its transaction, when there is one). */
export type RepositoryClass<R> = new (db: Kysely<DB>) => R;

export interface Context {
  readonly actor: Actor;
  readonly clock: Clock;
  readonly ids: Ids;
  readonly config: Config;
  readonly log: Logger;
  readonly databaseKind: 'pglite' | 'postgres';
  /** Whether this unit runs in a transaction (writes do; reads need none). */
  readonly inTransaction: boolean;
  /** The repository of this unit, bound to its transaction; one instance per unit. */
  repo<R>(repository: RepositoryClass<R>): R;
  /**
   * Records an audit event; it reaches the chain in this unit's transaction, before it commits.
   * Only inside a transaction: a write and its event commit together or not at all.
   */
  audit(event: AuditEventInput): void;
  /**
   * Runs `fn` in a transaction: this unit's own when it has one, else a new one for just `fn`
   * (its writes, events and jobs commit when `fn` returns). A use case that does slow work before
   * it writes (hashing a password) does it first and writes in here, so that it does not hold a
   * connection — the embedded database's only one — while it computes.
   */
  transaction<T>(fn: (ctx: Context) => Promise<T>): Promise<T>;
  /** Background jobs; sent inside a transaction, a job exists only if the transaction commits. */
  readonly jobs: JobSender;
  /** Evidence files (originals write-once, working copies apart) in the data directory. */
  readonly blobs: BlobStore;
  /** The same unit of work acting as someone else (a sign-in acts as the user signing in). */
  as(actor: Actor): Context;
  /** Tells the modules that listen what happened; they react in this unit of work, before it commits. */
  emit<E extends EventName>(name: E, event: DomainEvents[E]): Promise<void>;
}
