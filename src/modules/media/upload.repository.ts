import type { Insertable, Kysely, Selectable } from 'kysely';
import type { DB } from '#src/platform/database/schema.ts';
import type { MediaUploadTable } from './upload.tables.ts';

export type MediaUploadRow = Selectable<MediaUploadTable>;

/** Resumable uploads: the rows that say how much of each file is safely on disk. */
export class UploadRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async create(values: Insertable<MediaUploadTable>): Promise<MediaUploadRow> {
    return this.db.insertInto('media_upload').values(values).returningAll().executeTakeFirstOrThrow();
  }

  async find(id: string, caseId: string): Promise<MediaUploadRow | undefined> {
    return this.db
      .selectFrom('media_upload')
      .selectAll()
      .where('id', '=', id)
      .where('case_id', '=', caseId)
      .executeTakeFirst();
  }

  /**
   * Takes the upload for one request writing at `offset`, until `until`: only when the offset is
   * the one on record, the file is not complete, and no other request holds it (or its hold ran
   * out). Undefined when any of that does not hold.
   */
  async claim(id: string, offset: number, now: Date, until: Date): Promise<MediaUploadRow | undefined> {
    return this.db
      .updateTable('media_upload')
      .set({ busy_until: until, updated_at: now })
      .where('id', '=', id)
      .where('received', '=', String(offset) as never)
      .where('item_id', 'is', null)
      .where((w) => w.or([w('busy_until', 'is', null), w('busy_until', '<', now)]))
      .returningAll()
      .executeTakeFirst();
  }

  /**
   * Records the bytes written (already flushed to disk) and lets the upload go — unless they
   * complete the file: then the hold stays while it is stored, and `complete` lets it go.
   */
  async advance(id: string, received: number, whole: boolean, now: Date): Promise<MediaUploadRow> {
    return this.db
      .updateTable('media_upload')
      .set({ received: String(received), ...(whole ? {} : { busy_until: null }), updated_at: now })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async release(id: string): Promise<void> {
    await this.db.updateTable('media_upload').set({ busy_until: null }).where('id', '=', id).execute();
  }

  /** The whole file was stored: the capture it became (in the capture's own transaction). */
  /** False when the upload was completed already (by another request): that capture stands. */
  async complete(id: string, itemId: string, captureId: string, now: Date): Promise<boolean> {
    const done = await this.db
      .updateTable('media_upload')
      .set({ item_id: itemId, capture_id: captureId, busy_until: null, updated_at: now })
      .where('id', '=', id)
      .where('item_id', 'is', null)
      .returning('id')
      .executeTakeFirst();
    return done !== undefined;
  }

  async remove(id: string): Promise<void> {
    await this.db.deleteFrom('media_upload').where('id', '=', id).execute();
  }

  /** Uploads untouched since `before` (abandoned, or completed long enough ago). */
  async stale(before: Date, limit = 500): Promise<MediaUploadRow[]> {
    return this.db
      .selectFrom('media_upload')
      .selectAll()
      .where('updated_at', '<', before)
      .orderBy('updated_at')
      .limit(limit)
      .execute();
  }
}
