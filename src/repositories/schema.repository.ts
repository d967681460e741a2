import { sql, type Kysely } from 'kysely';
import type { DB } from '#src/db/schema.ts';
import { migrate, pendingMigrations } from '#src/db/migrate.ts';

/** The database itself: is it reachable, which migrations are pending, apply them. */
export class SchemaRepository {
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
