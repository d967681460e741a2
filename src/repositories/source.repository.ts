import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { DB, SourceTable, StatementTable } from '#src/db/schema.ts';

export type SourceRow = Selectable<SourceTable>;
export type StatementRow = Selectable<StatementTable>;

/** Sources (organisations, outlets, accounts) and what they said (statements). */
export class SourceRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async create(values: Insertable<SourceTable>): Promise<SourceRow> {
    return this.db.insertInto('source').values(values).returningAll().executeTakeFirstOrThrow();
  }

  async get(caseId: string, id: string): Promise<SourceRow | undefined> {
    return this.db.selectFrom('source').selectAll().where('case_id', '=', caseId).where('id', '=', id).executeTakeFirst();
  }

  async list(caseId: string): Promise<SourceRow[]> {
    return this.db.selectFrom('source').selectAll().where('case_id', '=', caseId).orderBy('name').orderBy('id').execute();
  }

  async update(id: string, values: Updateable<SourceTable>): Promise<SourceRow> {
    return this.db.updateTable('source').set(values).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  }

  async createStatement(values: Insertable<StatementTable>): Promise<StatementRow> {
    return this.db.insertInto('statement').values(values).returningAll().executeTakeFirstOrThrow();
  }

  async getStatement(caseId: string, id: string): Promise<StatementRow | undefined> {
    return this.db.selectFrom('statement').selectAll().where('case_id', '=', caseId).where('id', '=', id).executeTakeFirst();
  }

  async listStatements(caseId: string, sourceId?: string): Promise<StatementRow[]> {
    let q = this.db.selectFrom('statement').selectAll().where('case_id', '=', caseId);
    if (sourceId) q = q.where('source_id', '=', sourceId);
    return q.orderBy('stated_at', (ob) => ob.asc().nullsLast()).orderBy('id').execute();
  }

  async updateStatement(id: string, values: Updateable<StatementTable>): Promise<StatementRow> {
    return this.db.updateTable('statement').set(values).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  }
}
