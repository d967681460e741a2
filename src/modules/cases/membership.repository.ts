import type { Kysely, Selectable } from 'kysely';
import type { Role } from '#src/platform/access.ts';
import type { DB } from '#src/platform/database/schema.ts';
import { keysetPage } from '#src/platform/database/keyset.ts';
import type { RowPage } from '#src/platform/pagination.ts';
import type { MembershipTable } from './case.tables.ts';

export type MembershipRow = Selectable<MembershipTable>;
/** Who is a member of which case, in which role. */
export class MembershipRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async find(caseId: string, userId: string): Promise<MembershipRow | undefined> {
    return this.db
      .selectFrom('membership')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
  }

  async set(caseId: string, userId: string, role: Role): Promise<MembershipRow> {
    return this.db
      .insertInto('membership')
      .values({ case_id: caseId, user_id: userId, role })
      .onConflict((oc) => oc.columns(['case_id', 'user_id']).doUpdateSet({ role }))
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async remove(caseId: string, userId: string): Promise<void> {
    await this.db
      .deleteFrom('membership')
      .where('case_id', '=', caseId)
      .where('user_id', '=', userId)
      .execute();
  }

  /** Ids of the cases a user is a member of. */
  async caseIdsOf(userId: string): Promise<string[]> {
    return (
      await this.db.selectFrom('membership').select('case_id').where('user_id', '=', userId).execute()
    ).map((r) => r.case_id);
  }

  /** The user's role in each of these cases where they have one. */
  async rolesOf(userId: string, caseIds: readonly string[]): Promise<Map<string, Role>> {
    if (caseIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('membership')
      .select(['case_id', 'role'])
      .where('user_id', '=', userId)
      .where('case_id', 'in', caseIds)
      .execute();
    return new Map(rows.map((r) => [r.case_id, r.role]));
  }

  /** A case's members in the order they joined, a page at a time. */
  async page(
    caseId: string,
    opts: { limit: number; after?: readonly [Date, string] },
  ): Promise<RowPage<MembershipRow>> {
    const order = [{ column: 'created_at' }, { column: 'user_id' }];
    return keysetPage(
      this.db.selectFrom('membership').selectAll().where('case_id', '=', caseId),
      order,
      opts.after,
      opts.limit,
    );
  }
}
