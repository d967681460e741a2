import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB } from '#src/platform/database/schema.ts';
import type { AuthThrottleTable } from './account.tables.ts';

export type ThrottleRow = Selectable<AuthThrottleTable>;

/** Failed attempts per account, shared by every athar process on the database. */
export class ThrottleRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async find(key: string): Promise<ThrottleRow | undefined> {
    return this.db.selectFrom('auth_throttle').selectAll().where('key', '=', key).executeTakeFirst();
  }

  /**
   * Counts one failure at `now`: a new window when the last began before `windowStart`; blocks the
   * key until `blockUntil` once `max` failures fall in one window. Returns the row after it.
   */
  async fail(key: string, now: Date, windowStart: Date, max: number, blockUntil: Date): Promise<ThrottleRow> {
    return this.db
      .insertInto('auth_throttle')
      .values({ key, failures: 1, first_failure_at: now, blocked_until: max <= 1 ? blockUntil : null })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          failures: sql`CASE WHEN auth_throttle.first_failure_at < ${windowStart} THEN 1 ELSE auth_throttle.failures + 1 END`,
          first_failure_at: sql`CASE WHEN auth_throttle.first_failure_at < ${windowStart} THEN ${now}::timestamptz ELSE auth_throttle.first_failure_at END`,
          blocked_until: sql`CASE WHEN auth_throttle.first_failure_at >= ${windowStart} AND auth_throttle.failures + 1 >= ${max} THEN ${blockUntil}::timestamptz ELSE auth_throttle.blocked_until END`,
        }),
      )
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async clear(key: string): Promise<void> {
    await this.db.deleteFrom('auth_throttle').where('key', '=', key).execute();
  }
}
