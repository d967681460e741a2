import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { DB } from '#src/platform/database/schema.ts';
import { keysetPage } from '#src/platform/database/keyset.ts';
import type { RowPage } from '#src/platform/pagination.ts';
import type {
  BlobCheckTable,
  MediaCaptureTable,
  MediaHashTable,
  MediaItemTable,
  MediaMatchTable,
  MediaStatus,
  MediaNoticeTable,
  UrlCheckTable,
  WebCaptureTable,
} from './media.tables.ts';

export type MediaItemRow = Selectable<MediaItemTable>;
export type MediaCaptureRow = Selectable<MediaCaptureTable>;
export type MediaHashRow = Selectable<MediaHashTable>;
/** Stored hashes of one item and variant, each column packed (see `hashGroups`). */
export interface HashGroup {
  itemId: string;
  variant: string;
  /** Seqs, comma-separated. */
  seqs: string;
  /** Seconds into a video, comma-separated, empty for a picture's hash. */
  ts: string;
  qualities: string;
  /** 64 hex digits per hash, concatenated. */
  hashes: string;
}
export type MediaMatchRow = Selectable<MediaMatchTable>;
export type WebCaptureRow = Selectable<WebCaptureTable>;
export type UrlCheckRow = Selectable<UrlCheckTable>;
export type MediaNoticeRow = Selectable<MediaNoticeTable>;

const ITEM_ORDER = [{ column: 'created_at' }, { column: 'id' }];

/** Media items, their captures, fingerprints and matches: the media module's only SQL. */
export class MediaRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /**
   * Creates the case's item for these bytes, or gives the one another upload of the same bytes
   * created first (an insert that meets it waits for that upload's transaction, then reads it).
   */
  async createItemOnce(
    values: Insertable<MediaItemTable>,
  ): Promise<{ item: MediaItemRow; created: boolean }> {
    const made = await this.db
      .insertInto('media_item')
      .values(values)
      .onConflict((oc) => oc.columns(['case_id', 'sha256']).doNothing())
      .returningAll()
      .executeTakeFirst();
    if (made) return { item: made, created: true };
    const existing = await this.itemBySha(values.case_id, values.sha256);
    if (!existing) throw new Error(`media item for ${values.sha256} neither created nor found`);
    return { item: existing, created: false };
  }

  /** The item of these bytes in this case, locked for the capture being added to it. */
  async itemBySha(caseId: string, sha256: string): Promise<MediaItemRow | undefined> {
    return this.db
      .selectFrom('media_item')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('sha256', '=', sha256)
      .forUpdate()
      .executeTakeFirst();
  }

  async item(id: string): Promise<MediaItemRow | undefined> {
    return this.db.selectFrom('media_item').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async items(ids: readonly string[]): Promise<MediaItemRow[]> {
    if (ids.length === 0) return [];
    return this.db.selectFrom('media_item').selectAll().where('id', 'in', ids).execute();
  }

  /** A case's items, oldest first (at most `limit`). */
  async itemsOfCase(caseId: string, limit: number): Promise<MediaItemRow[]> {
    return this.db
      .selectFrom('media_item')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('created_at')
      .orderBy('id')
      .limit(limit)
      .execute();
  }

  /** Every item holding these bytes, in any case (the same SHA-256 is a confirmed copy). */
  async itemsBySha(sha256: string): Promise<MediaItemRow[]> {
    return this.db.selectFrom('media_item').selectAll().where('sha256', '=', sha256).execute();
  }

  async page(
    caseId: string,
    opts: { limit: number; after?: readonly [Date, string]; status?: MediaStatus; kind?: string },
  ): Promise<RowPage<MediaItemRow>> {
    let q = this.db.selectFrom('media_item').selectAll().where('case_id', '=', caseId);
    if (opts.status) q = q.where('status', '=', opts.status);
    if (opts.kind) q = q.where('kind', '=', opts.kind as MediaItemRow['kind']);
    return keysetPage(q, ITEM_ORDER, opts.after, opts.limit);
  }

  async updateItem(id: string, values: Updateable<MediaItemTable>): Promise<void> {
    await this.db.updateTable('media_item').set(values).where('id', '=', id).execute();
  }

  async createCapture(values: Insertable<MediaCaptureTable>): Promise<MediaCaptureRow> {
    return this.db.insertInto('media_capture').values(values).returningAll().executeTakeFirstOrThrow();
  }

  async captures(itemIds: readonly string[]): Promise<MediaCaptureRow[]> {
    if (itemIds.length === 0) return [];
    return this.db
      .selectFrom('media_capture')
      .selectAll()
      .where('item_id', 'in', itemIds)
      .orderBy('captured_at')
      .orderBy('id')
      .execute();
  }

  async replaceHashes(itemId: string, rows: Omit<Insertable<MediaHashTable>, 'item_id'>[]): Promise<void> {
    await this.db.deleteFrom('media_hash').where('item_id', '=', itemId).execute();
    for (let i = 0; i < rows.length; i += 1000)
      await this.db
        .insertInto('media_hash')
        .values(rows.slice(i, i + 1000).map((r) => ({ ...r, item_id: itemId })))
        .execute();
  }

  async hashesOf(itemIds: readonly string[]): Promise<MediaHashRow[]> {
    if (itemIds.length === 0) return [];
    return this.db
      .selectFrom('media_hash')
      .selectAll()
      .where('item_id', 'in', itemIds)
      .orderBy('seq')
      .execute();
  }

  /**
   * The next `limit` stored hashes after `seq` (in seq order), grouped by item and variant with
   * each group's columns packed into one string apiece: a million rows read as a few thousand
   * (rows through the embedded database cost far more than the bytes in them). With `only`, the
   * rows with those seqs instead (the index's watched gaps).
   */
  async hashGroups(after: number, limit: number, only?: readonly number[]): Promise<HashGroup[]> {
    const picked = only
      ? sql`SELECT * FROM media_hash WHERE seq = ANY(${only.map(String)}::bigint[])`
      : sql`SELECT * FROM media_hash WHERE seq > ${String(after)} ORDER BY seq LIMIT ${limit}`;
    const r = await sql<HashGroup>`
      SELECT item_id AS "itemId", variant,
        string_agg(seq::text, ',' ORDER BY seq) AS seqs,
        string_agg(coalesce(t::text, ''), ',' ORDER BY seq) AS ts,
        string_agg(quality::text, ',' ORDER BY seq) AS qualities,
        string_agg(hash, '' ORDER BY seq) AS hashes
      FROM (${picked}) b GROUP BY item_id, variant`.execute(this.db);
    return r.rows;
  }

  /** How many hashes are stored with seq ≤ `seq`, and the item of the one at `seq` (a saved index's check). */
  async hashCountTo(seq: number): Promise<{ count: number; itemAt: string | null }> {
    const [c, at] = await Promise.all([
      this.db
        .selectFrom('media_hash')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('seq', '<=', String(seq))
        .executeTakeFirstOrThrow(),
      this.db.selectFrom('media_hash').select('item_id').where('seq', '=', String(seq)).executeTakeFirst(),
    ]);
    return { count: Number(c.n), itemAt: at?.item_id ?? null };
  }

  /** Records a match once; a decision already made (confirmed, rejected) is kept. */
  async upsertMatch(values: Insertable<MediaMatchTable>): Promise<void> {
    await this.db
      .insertInto('media_match')
      .values(values)
      .onConflict((oc) =>
        oc.columns(['item_a', 'item_b']).doUpdateSet({
          how: sql`excluded.how`,
          distance: sql`excluded.distance`,
          detail: sql`excluded.detail`,
          status: sql`CASE WHEN media_match.decided_by IS NOT NULL THEN media_match.status ELSE excluded.status END`,
        }),
      )
      .execute();
  }

  async matchesOf(itemIds: readonly string[]): Promise<MediaMatchRow[]> {
    if (itemIds.length === 0) return [];
    return this.db
      .selectFrom('media_match')
      .selectAll()
      .where((eb) => eb.or([eb('item_a', 'in', itemIds), eb('item_b', 'in', itemIds)]))
      .execute();
  }

  async match(a: string, b: string): Promise<MediaMatchRow | undefined> {
    const [x, y] = a < b ? [a, b] : [b, a];
    return this.db
      .selectFrom('media_match')
      .selectAll()
      .where('item_a', '=', x)
      .where('item_b', '=', y)
      .executeTakeFirst();
  }

  async decideMatch(
    a: string,
    b: string,
    status: 'confirmed' | 'rejected',
    by: string,
    at: Date,
  ): Promise<void> {
    const [x, y] = a < b ? [a, b] : [b, a];
    await this.db
      .updateTable('media_match')
      .set({ status, decided_by: by, decided_at: at })
      .where('item_a', '=', x)
      .where('item_b', '=', y)
      .execute();
  }

  /** Every stored original the database knows of — items' files and captured WARCs (for `blobs verify`). */
  async allBlobs(): Promise<{ sha256: string; size: number }[]> {
    const items = await this.db
      .selectFrom('media_item')
      .select(['sha256', sql<string>`max(size)`.as('size')])
      .groupBy('sha256')
      .execute();
    const warcs = await this.db
      .selectFrom('web_capture')
      .select(['warc_sha256 as sha256', sql<string>`max(warc_size)`.as('size')])
      .groupBy('warc_sha256')
      .execute();
    const all = new Map<string, number>();
    for (const r of [...items, ...warcs]) all.set(r.sha256, Number(r.size));
    return [...all].sort(([a], [b]) => (a < b ? -1 : 1)).map(([sha256, size]) => ({ sha256, size }));
  }

  /** Which of these hashes an item or a web capture refers to. */
  async referenced(sha256s: readonly string[]): Promise<Set<string>> {
    if (sha256s.length === 0) return new Set();
    const rows = await this.db
      .selectFrom('media_item')
      .select('sha256')
      .where('sha256', 'in', sha256s)
      .union(
        this.db.selectFrom('web_capture').select('warc_sha256 as sha256').where('warc_sha256', 'in', sha256s),
      )
      .execute();
    return new Set(rows.map((r) => r.sha256));
  }

  /** Tells a case of a match from another case, once per match (later finds of it change nothing). */
  async notify(values: Insertable<MediaNoticeTable>): Promise<void> {
    await this.db
      .insertInto('media_notice')
      .values(values)
      .onConflict((oc) => oc.columns(['case_id', 'match_key']).doNothing())
      .execute();
  }

  async notices(caseId: string, limit: number): Promise<(MediaNoticeRow & { item_name: string })[]> {
    return this.db
      .selectFrom('media_notice')
      .innerJoin('media_item', 'media_item.id', 'media_notice.item_id')
      .selectAll('media_notice')
      .select('media_item.name as item_name')
      .where('media_notice.case_id', '=', caseId)
      .orderBy('media_notice.created_at', 'desc')
      .limit(limit)
      .execute();
  }

  async createWebCapture(values: Insertable<WebCaptureTable>): Promise<WebCaptureRow> {
    return this.db.insertInto('web_capture').values(values).returningAll().executeTakeFirstOrThrow();
  }

  async setWebCaptureItem(id: string, itemId: string): Promise<void> {
    await this.db.updateTable('web_capture').set({ item_id: itemId }).where('id', '=', id).execute();
  }

  /** The web captures that made an item (newest last). */
  async webCapturesOf(itemId: string): Promise<WebCaptureRow[]> {
    return this.db
      .selectFrom('web_capture')
      .selectAll()
      .where('item_id', '=', itemId)
      .orderBy('captured_at')
      .execute();
  }

  /** The web captures that made any of these items, oldest first. */
  async webCapturesOfItems(itemIds: readonly string[]): Promise<WebCaptureRow[]> {
    if (itemIds.length === 0) return [];
    return this.db
      .selectFrom('web_capture')
      .selectAll()
      .where('item_id', 'in', itemIds)
      .orderBy('captured_at')
      .orderBy('id')
      .execute();
  }

  async webCapturesById(ids: readonly string[]): Promise<WebCaptureRow[]> {
    if (ids.length === 0) return [];
    return this.db.selectFrom('web_capture').selectAll().where('id', 'in', ids).execute();
  }

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

  /** A case's URL captures, newest first. */
  async webCaptures(caseId: string, limit: number): Promise<WebCaptureRow[]> {
    return this.db
      .selectFrom('web_capture')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('captured_at', 'desc')
      .orderBy('id')
      .limit(limit)
      .execute();
  }

  async webCapture(id: string): Promise<WebCaptureRow | undefined> {
    return this.db.selectFrom('web_capture').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Every distinct URL athar captured (the final address of each), for the re-check. */
  async capturedUrls(): Promise<string[]> {
    const rows = await this.db
      .selectFrom('web_capture')
      .select('final_url')
      .distinct()
      .orderBy('final_url')
      .execute();
    return rows.map((r) => r.final_url);
  }

  async recordUrlCheck(values: Insertable<UrlCheckTable>): Promise<void> {
    await this.db.insertInto('url_check').values(values).execute();
  }

  /** Each URL's checks, oldest first. */
  async urlChecks(urls: readonly string[]): Promise<UrlCheckRow[]> {
    if (urls.length === 0) return [];
    return this.db
      .selectFrom('url_check')
      .selectAll()
      .where('url', 'in', urls)
      .orderBy('checked_at')
      .orderBy('id')
      .execute();
  }

  /** Items whose processing never finished (a server killed mid-ingest), to send again. */
  async unfinished(limit: number): Promise<MediaItemRow[]> {
    return this.db
      .selectFrom('media_item')
      .selectAll()
      .where('status', 'in', ['received', 'processing'])
      .orderBy('created_at')
      .limit(limit)
      .execute();
  }

  async recordBlobCheck(values: Insertable<BlobCheckTable>): Promise<void> {
    await this.db.insertInto('blob_check').values(values).execute();
  }
}
