import type { Insertable, Kysely, Selectable } from 'kysely';
import { AUDIT_HEAD_KEY } from '#src/platform/audit/audit-trail.repository.ts';
import type { DB } from '#src/platform/database/schema.ts';
import type { TimeStampTable } from './timestamps.tables.ts';

export type TimeStampRow = Selectable<TimeStampTable>;

/** The stamps and the audit chain's head: the timestamps module's only SQL (the day's captures come from the media module). */
export class TimeStampRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** The audit chain's head as last written. */
  async auditHead(): Promise<{ seq: number; hash: string } | null> {
    const r = await this.db
      .selectFrom('installation')
      .select('value')
      .where('key', '=', AUDIT_HEAD_KEY)
      .executeTakeFirst();
    return r ? (r.value as { seq: number; hash: string }) : null;
  }

  async create(values: Insertable<TimeStampTable>): Promise<TimeStampRow> {
    return this.db.insertInto('time_stamp').values(values).returningAll().executeTakeFirstOrThrow();
  }

  async ofDay(day: string): Promise<TimeStampRow[]> {
    return this.db
      .selectFrom('time_stamp')
      .selectAll()
      .where('day', '=', day)
      .orderBy('created_at')
      .execute();
  }

  /** The stamps of these days, oldest first. */
  async ofDays(days: readonly string[]): Promise<TimeStampRow[]> {
    if (days.length === 0) return [];
    return this.db
      .selectFrom('time_stamp')
      .selectAll()
      .where('day', 'in', days)
      .orderBy('day')
      .orderBy('created_at')
      .execute();
  }

  async all(limit: number): Promise<TimeStampRow[]> {
    return this.db
      .selectFrom('time_stamp')
      .selectAll()
      .orderBy('day', 'desc')
      .orderBy('created_at', 'desc')
      .limit(limit)
      .execute();
  }

  async byId(id: string): Promise<TimeStampRow | undefined> {
    return this.db.selectFrom('time_stamp').selectAll().where('id', '=', id).executeTakeFirst();
  }
}
