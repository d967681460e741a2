import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { DB } from '#src/platform/database/schema.ts';
import { keysetPage } from '#src/platform/database/keyset.ts';
import type { RowPage } from '#src/platform/pagination.ts';
import { uniqueViolation } from '#src/platform/database/database-errors.ts';
import { conflict } from '#src/platform/errors.ts';
import type { AppUserTable } from './account.tables.ts';

/** The refusal of a username that is taken. */
export const userExists = (username: string) =>
  conflict('user.exists', `user "${username}" already exists`, {
    issues: [{ field: '/username', message: 'taken' }],
  });

export type UserRow = Selectable<AppUserTable>;

/** Accounts. */
export class UserRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Creates a user; `user.exists` when the username was taken meanwhile (by a concurrent request). */
  async create(values: Insertable<AppUserTable>): Promise<UserRow> {
    try {
      return await this.db.insertInto('app_user').values(values).returningAll().executeTakeFirstOrThrow();
    } catch (e) {
      if (uniqueViolation(e) !== null) throw userExists(values.username);
      throw e;
    }
  }

  async findById(id: string): Promise<UserRow | undefined> {
    return this.db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async byIds(ids: readonly string[]): Promise<UserRow[]> {
    if (ids.length === 0) return [];
    return this.db.selectFrom('app_user').selectAll().where('id', 'in', ids).execute();
  }

  async findByUsername(username: string): Promise<UserRow | undefined> {
    return this.db.selectFrom('app_user').selectAll().where('username', '=', username).executeTakeFirst();
  }

  /** By username, a page at a time. */
  async page(opts: { limit: number; after?: string }): Promise<RowPage<UserRow>> {
    return keysetPage(
      this.db.selectFrom('app_user').selectAll(),
      [{ column: 'username' }],
      opts.after === undefined ? undefined : [opts.after],
      opts.limit,
    );
  }
  /** The first administrator who is not disabled (the local administrator). */
  async firstActiveAdmin(): Promise<UserRow | undefined> {
    return this.db
      .selectFrom('app_user')
      .selectAll()
      .where('is_admin', '=', true)
      .where('disabled_at', 'is', null)
      .orderBy('username')
      .limit(1)
      .executeTakeFirst();
  }

  /** Serialises first-start bootstrap across processes (transaction-scoped advisory lock). */
  async lockBootstrap(): Promise<void> {
    await sql`SELECT pg_advisory_xact_lock(4207003)`.execute(this.db);
  }

  async count(): Promise<number> {
    const r = await this.db
      .selectFrom('app_user')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async update(id: string, values: Updateable<AppUserTable>): Promise<UserRow> {
    return this.db
      .updateTable('app_user')
      .set(values)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }
}
