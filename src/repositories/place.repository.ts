import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { DB, FigureTable, PlaceTable, SweepTable } from '#src/db/schema.ts';

export type PlaceRow = Selectable<PlaceTable>;
export type SweepRow = Selectable<SweepTable>;
export type FigureRow = Selectable<FigureTable>;

/** Places (site → building → floor → zone), the sweeps that searched them, and figures. */
export class PlaceRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async create(values: Insertable<PlaceTable>): Promise<PlaceRow> {
    return this.db.insertInto('place').values(values).returningAll().executeTakeFirstOrThrow();
  }

  async get(caseId: string, id: string): Promise<PlaceRow | undefined> {
    return this.db.selectFrom('place').selectAll().where('case_id', '=', caseId).where('id', '=', id).executeTakeFirst();
  }

  async list(caseId: string): Promise<PlaceRow[]> {
    return this.db.selectFrom('place').selectAll().where('case_id', '=', caseId).orderBy('created_at').orderBy('id').execute();
  }

  async update(id: string, values: Updateable<PlaceTable>): Promise<PlaceRow> {
    return this.db.updateTable('place').set(values).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  }

  async createSweep(values: Insertable<SweepTable>): Promise<SweepRow> {
    return this.db.insertInto('sweep').values(values).returningAll().executeTakeFirstOrThrow();
  }

  async getSweep(caseId: string, id: string): Promise<SweepRow | undefined> {
    return this.db.selectFrom('sweep').selectAll().where('case_id', '=', caseId).where('id', '=', id).executeTakeFirst();
  }

  async listSweeps(caseId: string): Promise<SweepRow[]> {
    return this.db
      .selectFrom('sweep')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('started_at', (ob) => ob.asc().nullsLast())
      .orderBy('id')
      .execute();
  }

  async updateSweep(id: string, values: Updateable<SweepTable>): Promise<SweepRow> {
    return this.db.updateTable('sweep').set(values).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  }

  async createFigure(values: Insertable<FigureTable>): Promise<FigureRow> {
    return this.db.insertInto('figure').values(values).returningAll().executeTakeFirstOrThrow();
  }

  async getFigure(caseId: string, id: string): Promise<FigureRow | undefined> {
    return this.db.selectFrom('figure').selectAll().where('case_id', '=', caseId).where('id', '=', id).executeTakeFirst();
  }

  async listFigures(caseId: string): Promise<FigureRow[]> {
    return this.db.selectFrom('figure').selectAll().where('case_id', '=', caseId).orderBy('created_at').orderBy('id').execute();
  }
}
