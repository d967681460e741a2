import type { Context } from '#src/platform/context.ts';
import { SystemRepository } from './system.repository.ts';

export type Readiness =
  | { status: 'ready'; database: 'pglite' | 'postgres' }
  | { status: 'migrations_pending'; pending: number[] }
  | { status: 'database_unavailable' };

/** Whether athar can serve: the database answers and no migration is pending. */
export async function readiness(ctx: Context): Promise<Readiness> {
  const system = ctx.repo(SystemRepository);
  try {
    await system.ping();
    const pending = await system.pending();
    return pending.length > 0
      ? { status: 'migrations_pending', pending }
      : { status: 'ready', database: ctx.databaseKind };
  } catch {
    return { status: 'database_unavailable' };
  }
}

/** Applies pending migrations; returns the versions applied now. */
export function applyMigrations(ctx: Context): Promise<number[]> {
  return ctx.repo(SystemRepository).migrate();
}
