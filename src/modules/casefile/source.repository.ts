import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { DB } from '#src/platform/database/schema.ts';
import { sortsAfter } from '#src/platform/database/keyset.ts';
import { toRowPage, type RowPage } from '#src/platform/pagination.ts';
import type { SourceTable, StatementTable } from './casefile.tables.ts';

export type SourceRow = Selectable<SourceTable>;
export type StatementRow = Selectable<StatementTable>;

/** Sources (organisations, outlets, accounts) and what they said (statements). */
export class SourceRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async create(values: Insertable<SourceTable>): Promise<SourceRow> {
    return this.db.insertInto('source').values(values).returningAll().executeTakeFirstOrThrow();
  }

  async get(caseId: string, id: string): Promise<SourceRow | undefined> {
    return this.db
      .selectFrom('source')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  async byIds(caseId: string, ids: readonly string[]): Promise<SourceRow[]> {
    if (ids.length === 0) return [];
    return this.db
      .selectFrom('source')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('id', 'in', ids)
      .execute();
  }

  /** By name, a page at a time. */
  async page(
    caseId: string,
    opts: { limit: number; after?: readonly [string, string] },
  ): Promise<RowPage<SourceRow>> {
    let q = this.db.selectFrom('source').selectAll().where('case_id', '=', caseId);
    if (opts.after) q = q.where(sortsAfter([{ column: 'name' }, { column: 'id' }], opts.after));
    return toRowPage(
      await q
        .orderBy('name')
        .orderBy('id')
        .limit(opts.limit + 1)
        .execute(),
      opts.limit,
    );
  }

  async update(id: string, values: Updateable<SourceTable>): Promise<SourceRow> {
    return this.db
      .updateTable('source')
      .set(values)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async createStatement(values: Insertable<StatementTable>): Promise<StatementRow> {
    return this.db.insertInto('statement').values(values).returningAll().executeTakeFirstOrThrow();
  }

  async getStatement(caseId: string, id: string): Promise<StatementRow | undefined> {
    return this.db
      .selectFrom('statement')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /** In the order they were said (undated last), a page at a time; one source's, or all. */
  async statementPage(
    caseId: string,
    opts: { sourceId?: string | undefined; limit: number; after?: readonly [Date | null, string] },
  ): Promise<RowPage<StatementRow>> {
    let q = this.db.selectFrom('statement').selectAll().where('case_id', '=', caseId);
    if (opts.sourceId) q = q.where('source_id', '=', opts.sourceId);
    if (opts.after)
      q = q.where(sortsAfter([{ column: 'stated_at', nullable: true }, { column: 'id' }], opts.after));
    const rows = await q
      .orderBy('stated_at', (ob) => ob.asc().nullsLast())
      .orderBy('id')
      .limit(opts.limit + 1)
      .execute();
    return toRowPage(rows, opts.limit);
  }

  /** Every dated statement of a case, in time order (the timeline). */
  async datedStatements(caseId: string): Promise<StatementRow[]> {
    return this.db
      .selectFrom('statement')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('stated_at', 'is not', null)
      .orderBy('stated_at')
      .orderBy('id')
      .execute();
  }

  async updateStatement(id: string, values: Updateable<StatementTable>): Promise<StatementRow> {
    return this.db
      .updateTable('statement')
      .set(values)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }
}
