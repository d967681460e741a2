import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { DB } from '#src/platform/database/schema.ts';
import { keysetPage, timelineSortsAfter } from '#src/platform/database/keyset.ts';
import type { TimelineWindow } from '#src/platform/timeline.ts';
import type { RowPage } from '#src/platform/pagination.ts';
import type { PlaceTable, SweepTable } from './casefile.tables.ts';

const RECORDED_ORDER = [{ column: 'created_at' }, { column: 'id' }];
const SWEEP_ORDER = [{ column: 'started_at', nullable: true }, { column: 'id' }];
const SWEEP_NEWEST = [
  { column: 'started_at', nullable: true, desc: true },
  { column: 'id', desc: true },
];

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
    return keysetPage(
      this.db.selectFrom('place').selectAll().where('case_id', '=', caseId),
      RECORDED_ORDER,
      opts.after,
      opts.limit,
    );
  }
  async update(id: string, values: Updateable<PlaceTable>): Promise<PlaceRow> {
    return this.db
      .updateTable('place')
      .set(values)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** The places directly inside this one. */
  async children(caseId: string, id: string): Promise<PlaceRow[]> {
    return this.db
      .selectFrom('place')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('parent_id', '=', id)
      .orderBy('id')
      .execute();
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
    opts: { limit: number; newestFirst?: boolean; after?: readonly [Date | null, string] },
  ): Promise<RowPage<SweepRow>> {
    return keysetPage(
      this.db.selectFrom('sweep').selectAll().where('case_id', '=', caseId),
      opts.newestFirst ? SWEEP_NEWEST : SWEEP_ORDER,
      opts.after,
      opts.limit,
    );
  }
  /** A window of the case's sweeps that began (or ended) in timeline order: `kind` names which. */
  async datedSweeps(
    caseId: string,
    column: 'started_at' | 'ended_at',
    kind: string,
    window: TimelineWindow,
  ): Promise<SweepRow[]> {
    let q = this.db
      .selectFrom('sweep')
      .selectAll()
      .where('case_id', '=', caseId)
      .where(column, 'is not', null);
    if (window.after) q = q.where(timelineSortsAfter(column, 'id', kind, window.after));
    return q.orderBy(column).orderBy('id').limit(window.limit).execute();
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
