import type { Insertable, Kysely, Selectable } from 'kysely';
import { AUDIT_HEAD_KEY } from '#src/platform/audit/audit-trail.repository.ts';
import type { DB } from '#src/platform/database/schema.ts';
import type { TimeStampTable } from './timestamps.tables.ts';

export type TimeStampRow = Selectable<TimeStampTable>;

/** What a day's manifest gathers, and the stamps: the timestamps module's only SQL. */
export class TimeStampRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Every capture (file, upload or URL) recorded in [from, to), in order. */
  async capturesBetween(from: Date, to: Date) {
    return this.db
      .selectFrom('media_capture')
      .select(['id', 'item_id', 'case_id', 'sha256', 'method', 'captured_at'])
      .where('captured_at', '>=', from)
      .where('captured_at', '<', to)
      .orderBy('captured_at')
      .orderBy('id')
      .execute();
  }

  /** Every URL capture (its WARC) recorded in [from, to), in order. */
  async webCapturesBetween(from: Date, to: Date) {
    return this.db
      .selectFrom('web_capture')
      .select(['id', 'case_id', 'final_url', 'warc_sha256', 'captured_at'])
      .where('captured_at', '>=', from)
      .where('captured_at', '<', to)
      .orderBy('captured_at')
      .orderBy('id')
      .execute();
  }

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
