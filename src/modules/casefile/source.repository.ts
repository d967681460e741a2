import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { DB } from '#src/platform/database/schema.ts';
import { keysetPage, timelineSortsAfter } from '#src/platform/database/keyset.ts';
import type { TimelineWindow } from '#src/platform/timeline.ts';
import type { RowPage } from '#src/platform/pagination.ts';
import type { SourceTable, StatementTable } from './casefile.tables.ts';

const SOURCE_ORDER = [{ column: 'name' }, { column: 'id' }];
const STATEMENT_ORDER = [{ column: 'stated_at', nullable: true }, { column: 'id' }];
// Newest first, still undated last: the index serves the oldest-first order; this one sorts
// (a top-N sort of one case's statements, for "the latest").
const STATEMENT_NEWEST = [
  { column: 'stated_at', nullable: true, desc: true },
  { column: 'id', desc: true },
];

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
    return keysetPage(
      this.db.selectFrom('source').selectAll().where('case_id', '=', caseId),
      SOURCE_ORDER,
      opts.after,
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

  /** In the order they were said, or newest first (undated last), a page at a time; one source's, or all. */
  async statementPage(
    caseId: string,
    opts: {
      sourceId?: string | undefined;
      newestFirst?: boolean;
      limit: number;
      after?: readonly [Date | null, string];
    },
  ): Promise<RowPage<StatementRow>> {
    let q = this.db.selectFrom('statement').selectAll().where('case_id', '=', caseId);
    if (opts.sourceId) q = q.where('source_id', '=', opts.sourceId);
    return keysetPage(q, opts.newestFirst ? STATEMENT_NEWEST : STATEMENT_ORDER, opts.after, opts.limit);
  }
  /** A window of the case's dated statements in timeline order (time, then id). */
  async datedStatements(caseId: string, window: TimelineWindow): Promise<StatementRow[]> {
    let q = this.db
      .selectFrom('statement')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('stated_at', 'is not', null);
    if (window.after) q = q.where(timelineSortsAfter('stated_at', 'id', 'statement', window.after));
    return q.orderBy('stated_at').orderBy('id').limit(window.limit).execute();
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
