import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { DB } from '#src/platform/database/schema.ts';
import { sortsAfter } from '#src/platform/database/keyset.ts';
import { toRowPage, type RowPage } from '#src/platform/pagination.ts';
import type { PlaceTable, SweepTable } from './casefile.tables.ts';

export type PlaceRow = Selectable<PlaceTable>;
export type SweepRow = Selectable<SweepTable>;

/** Places (site → building → floor → zone) and the sweeps that searched them. */
export class PlaceRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async create(values: Insertable<PlaceTable>): Promise<PlaceRow> {
    return this.db.insertInto('place').values(values).returningAll().executeTakeFirstOrThrow();
  }

  async get(caseId: string, id: string): Promise<PlaceRow | undefined> {
    return this.db
      .selectFrom('place')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  async byIds(caseId: string, ids: readonly string[]): Promise<PlaceRow[]> {
    if (ids.length === 0) return [];
    return this.db
      .selectFrom('place')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('id', 'in', ids)
      .execute();
  }

  /** In the order they were recorded, a page at a time. */
  async page(
    caseId: string,
    opts: { limit: number; after?: readonly [Date, string] },
  ): Promise<RowPage<PlaceRow>> {
    let q = this.db.selectFrom('place').selectAll().where('case_id', '=', caseId);
    if (opts.after) q = q.where(sortsAfter([{ column: 'created_at' }, { column: 'id' }], opts.after));
    return toRowPage(
      await q
        .orderBy('created_at')
        .orderBy('id')
        .limit(opts.limit + 1)
        .execute(),
      opts.limit,
    );
  }

  async createSweep(values: Insertable<SweepTable>): Promise<SweepRow> {
    return this.db.insertInto('sweep').values(values).returningAll().executeTakeFirstOrThrow();
  }

  async getSweep(caseId: string, id: string): Promise<SweepRow | undefined> {
    return this.db
      .selectFrom('sweep')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /** By start (not yet started last), a page at a time. */
  async sweepPage(
    caseId: string,
    opts: { limit: number; after?: readonly [Date | null, string] },
  ): Promise<RowPage<SweepRow>> {
    let q = this.db.selectFrom('sweep').selectAll().where('case_id', '=', caseId);
    if (opts.after)
      q = q.where(sortsAfter([{ column: 'started_at', nullable: true }, { column: 'id' }], opts.after));
    const rows = await q
      .orderBy('started_at', (ob) => ob.asc().nullsLast())
      .orderBy('id')
      .limit(opts.limit + 1)
      .execute();
    return toRowPage(rows, opts.limit);
  }

  /** Every sweep with a start or an end (the timeline). */
  async datedSweeps(caseId: string): Promise<SweepRow[]> {
    return this.db
      .selectFrom('sweep')
      .selectAll()
      .where('case_id', '=', caseId)
      .where((eb) => eb.or([eb('started_at', 'is not', null), eb('ended_at', 'is not', null)]))
      .orderBy('id')
      .execute();
  }

  async updateSweep(id: string, values: Updateable<SweepTable>): Promise<SweepRow> {
    return this.db
      .updateTable('sweep')
      .set(values)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }
}
