import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { CaseFileTable, DB } from '#src/db/schema.ts';

export type CaseRow = Selectable<CaseFileTable>;
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Case files. A case is addressed by its id or its slug everywhere. */
export class CaseRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async create(values: Insertable<CaseFileTable>): Promise<CaseRow> {
    return this.db.insertInto('case_file').values(values).returningAll().executeTakeFirstOrThrow();
  }

  async find(ref: string): Promise<CaseRow | undefined> {
    const q = this.db.selectFrom('case_file').selectAll();
    return UUID_RE.test(ref) ? q.where('id', '=', ref).executeTakeFirst() : q.where('slug', '=', ref).executeTakeFirst();
  }

  /** All cases, or only those where `userId` has a membership. */
  async list(userId: string | null): Promise<(CaseRow & { role: string | null })[]> {
    if (userId === null) {
      const rows = await this.db.selectFrom('case_file').selectAll().orderBy('created_at').execute();
      return rows.map((r) => ({ ...r, role: null }));
    }
    return this.db
      .selectFrom('case_file')
      .innerJoin('membership', 'membership.case_id', 'case_file.id')
      .selectAll('case_file')
      .select('membership.role')
      .where('membership.user_id', '=', userId)
      .orderBy('case_file.created_at')
      .execute();
  }

  async update(id: string, values: Updateable<CaseFileTable>): Promise<CaseRow> {
    return this.db.updateTable('case_file').set(values).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  }
}
