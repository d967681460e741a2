import type { Insertable, Kysely, Selectable } from 'kysely';
import type { DB } from '#src/platform/database/schema.ts';
import { sortsAfter } from '#src/platform/database/keyset.ts';
import { toRowPage, type RowPage } from '#src/platform/pagination.ts';
import type { FigureTable } from './casefile.tables.ts';

export type FigureRow = Selectable<FigureTable>;

/** Figures: numbers with their period, range, unit, source and method. */
export class FigureRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async create(values: Insertable<FigureTable>): Promise<FigureRow> {
    return this.db.insertInto('figure').values(values).returningAll().executeTakeFirstOrThrow();
  }

  async get(caseId: string, id: string): Promise<FigureRow | undefined> {
    return this.db
      .selectFrom('figure')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /** In the order they were recorded, a page at a time. */
  async page(
    caseId: string,
    opts: { limit: number; after?: readonly [Date, string] },
  ): Promise<RowPage<FigureRow>> {
    let q = this.db.selectFrom('figure').selectAll().where('case_id', '=', caseId);
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
}
