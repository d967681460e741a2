import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { DB } from '#src/platform/database/schema.ts';
import { sortsAfter } from '#src/platform/database/keyset.ts';
import { toRowPage, type RowPage } from '#src/platform/pagination.ts';
import { isUuid } from '#src/platform/schemas.ts';
import { uniqueViolation } from '#src/platform/database/database-errors.ts';
import { conflict } from '#src/platform/errors.ts';
import type { CaseFileTable } from './case.tables.ts';

/** The refusal of a slug another case has. */
export const slugTaken = (slug: string) =>
  conflict('case.slug_taken', `a case with slug "${slug}" exists`, {
    issues: [{ field: '/slug', message: 'taken' }],
  });

export type CaseRow = Selectable<CaseFileTable>;

/** Case files. A case is addressed by its id or its slug everywhere. */
export class CaseRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Creates a case; `case.slug_taken` when the slug was taken meanwhile (by a concurrent request). */
  async create(values: Insertable<CaseFileTable>): Promise<CaseRow> {
    try {
      return await this.db.insertInto('case_file').values(values).returningAll().executeTakeFirstOrThrow();
    } catch (e) {
      if (uniqueViolation(e) !== null) throw slugTaken(values.slug);
      throw e;
    }
  }

  async find(ref: string): Promise<CaseRow | undefined> {
    const q = this.db.selectFrom('case_file').selectAll();
    return isUuid(ref)
      ? q.where('id', '=', ref).executeTakeFirst()
      : q.where('slug', '=', ref).executeTakeFirst();
  }

  async update(id: string, values: Updateable<CaseFileTable>): Promise<CaseRow> {
    return this.db
      .updateTable('case_file')
      .set(values)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async byIds(ids: readonly string[]): Promise<CaseRow[]> {
    if (ids.length === 0) return [];
    return this.db.selectFrom('case_file').selectAll().where('id', 'in', ids).execute();
  }

  /** Oldest first, a page at a time: every case, or those where `memberId` has a membership (with the role). */
  async page(opts: {
    memberId: string | null;
    limit: number;
    after?: readonly [Date, string];
  }): Promise<RowPage<CaseRow & { role: string | null }>> {
    const keyset = opts.after
      ? sortsAfter([{ column: 'case_file.created_at' }, { column: 'case_file.id' }], opts.after)
      : null;
    if (opts.memberId === null) {
      let q = this.db.selectFrom('case_file').selectAll();
      if (keyset) q = q.where(keyset);
      const rows = await q
        .orderBy('created_at')
        .orderBy('id')
        .limit(opts.limit + 1)
        .execute();
      return toRowPage(
        rows.map((r) => ({ ...r, role: null })),
        opts.limit,
      );
    }
    let q = this.db
      .selectFrom('case_file')
      .innerJoin('membership', 'membership.case_id', 'case_file.id')
      .selectAll('case_file')
      .select('membership.role')
      .where('membership.user_id', '=', opts.memberId);
    if (keyset) q = q.where(keyset);
    return toRowPage(
      await q
        .orderBy('case_file.created_at')
        .orderBy('case_file.id')
        .limit(opts.limit + 1)
        .execute(),
      opts.limit,
    );
  }
}
