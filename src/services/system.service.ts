import type { ServiceDeps } from './context.ts';

export type Readiness =
  | { status: 'ready'; database: 'pglite' | 'postgres' }
  | { status: 'migrations_pending'; pending: number[] }
  | { status: 'database_unavailable' };

/** Readiness and schema administration, so the HTTP layer never touches the database itself. */
export class SystemService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly databaseKind: 'pglite' | 'postgres',
  ) {}

  async readiness(): Promise<Readiness> {
    const { schema } = this.deps.store.repos;
    try {
      await schema.ping();
      const pending = await schema.pending();
      return pending.length > 0 ? { status: 'migrations_pending', pending } : { status: 'ready', database: this.databaseKind };
    } catch {
      return { status: 'database_unavailable' };
    }
  }

  /** Applies pending migrations; returns the versions applied now. */
  migrate(): Promise<number[]> {
    return this.deps.store.repos.schema.migrate();
  }
}
