import type { Kysely } from 'kysely';
import type PgBoss from 'pg-boss';
import type { DB } from '#src/db/schema.ts';
import { AuditRepository } from './audit.repository.ts';
import { CaseRepository } from './case.repository.ts';
import { ClaimRepository } from './claim.repository.ts';
import { InstallationRepository } from './installation.repository.ts';
import { JobQueue, kyselyBossDb } from './job.queue.ts';
import { PlaceRepository } from './place.repository.ts';
import { SchemaRepository } from './schema.repository.ts';
import { SourceRepository } from './source.repository.ts';
import { UserRepository } from './user.repository.ts';

/** Every repository, bound to one executor: the database, or one open transaction. */
export interface Repos {
  users: UserRepository;
  cases: CaseRepository;
  audit: AuditRepository;
  sources: SourceRepository;
  places: PlaceRepository;
  claims: ClaimRepository;
  installation: InstallationRepository;
  schema: SchemaRepository;
  jobs: JobQueue;
}

/** The unit of work: repositories outside a transaction, or all of them inside one. */
export interface Store {
  repos: Repos;
  /** Runs `fn` in one transaction: every write, its audit events and its jobs commit together or not at all. */
  transaction<T>(fn: (repos: Repos) => Promise<T>): Promise<T>;
  /**
   * Runs `fn` with a store bound to one transaction: every `transaction()` inside it joins
   * that transaction, so a use case made of other use cases (loading the demo case) is all or
   * nothing.
   */
  withinTransaction<T>(fn: (store: Store) => Promise<T>): Promise<T>;
  /** Set once pg-boss has started (jobs can be sent from then on). */
  setBoss(boss: PgBoss | null): void;
}

function boundStore(repos: Repos): Store {
  const store: Store = {
    repos,
    transaction: (fn) => fn(repos),
    withinTransaction: (fn) => fn(store),
    setBoss() {
      throw new Error('setBoss on a transaction-bound store');
    },
  };
  return store;
}

function makeRepos(db: Kysely<DB>, jobs: JobQueue): Repos {
  return {
    users: new UserRepository(db),
    cases: new CaseRepository(db),
    audit: new AuditRepository(db),
    sources: new SourceRepository(db),
    places: new PlaceRepository(db),
    claims: new ClaimRepository(db),
    installation: new InstallationRepository(db),
    schema: new SchemaRepository(db),
    jobs,
  };
}

export function createStore(db: Kysely<DB>): Store {
  let boss: PgBoss | null = null;
  const store: Store = {
    repos: makeRepos(db, new JobQueue(null, null)),
    transaction: (fn) => db.transaction().execute((trx) => fn(makeRepos(trx, new JobQueue(boss, kyselyBossDb(trx))))),
    withinTransaction: (fn) => db.transaction().execute((trx) => fn(boundStore(makeRepos(trx, new JobQueue(boss, kyselyBossDb(trx)))))),
    setBoss(b) {
      boss = b;
      // Outside a transaction, jobs go through pg-boss's own database port (the shared pool).
      store.repos = makeRepos(db, new JobQueue(b, null));
    },
  };
  return store;
}
