import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { DB } from '#src/platform/database/schema.ts';
import { keysetPage } from '#src/platform/database/keyset.ts';
import type { RowPage } from '#src/platform/pagination.ts';
import type { FigureTable } from './casefile.tables.ts';

const RECORDED_ORDER = [{ column: 'created_at' }, { column: 'id' }];

export type FigureRow = Selectable<FigureTable>;

/** Figures: numbers with their period, range, unit, source and method. */
export class FigureRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async create(values: Insertable<FigureTable>): Promise<FigureRow> {
    return this.db.insertInto('figure').values(values).returningAll().executeTakeFirstOrThrow();
  }

  async update(id: string, values: Updateable<FigureTable>): Promise<FigureRow> {
    return this.db
      .updateTable('figure')
      .set(values)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
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
    return keysetPage(
      this.db.selectFrom('figure').selectAll().where('case_id', '=', caseId),
      RECORDED_ORDER,
      opts.after,
      opts.limit,
    );
  }
}
