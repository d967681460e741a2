import { sql, type Kysely } from 'kysely';
import type { DB } from '#src/platform/database/schema.ts';
import { migrate, pendingMigrations } from '#src/platform/database/migrate.ts';

/** The database itself: is it reachable, which migrations are pending, apply them. */
export class SystemRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async ping(): Promise<void> {
    await sql`SELECT 1`.execute(this.db);
  }

  pending(): Promise<number[]> {
    return pendingMigrations(this.db);
  }

  migrate(): Promise<number[]> {
    return migrate(this.db);
  }
}
