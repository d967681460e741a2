import type { Insertable, Kysely, Selectable } from 'kysely';
import type { DB } from '#src/platform/database/schema.ts';
import type { ReleaseDecisionTable, ReleaseLineTable, ReleaseListTable } from './registry.tables.ts';

export type ReleaseListRow = Selectable<ReleaseListTable>;
export type ReleaseLineRow = Selectable<ReleaseLineTable>;
export type ReleaseDecisionRow = Selectable<ReleaseDecisionTable>;

export class ReleaseRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async create(
    list: Insertable<ReleaseListTable>,
    lines: readonly Insertable<ReleaseLineTable>[],
  ): Promise<void> {
    await this.db.insertInto('release_list').values(list).execute();
    for (let i = 0; i < lines.length; i += 500)
      await this.db
        .insertInto('release_line')
        .values(lines.slice(i, i + 500))
        .execute();
  }

  async find(caseId: string, id: string): Promise<ReleaseListRow | undefined> {
    return this.db
      .selectFrom('release_list')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  async ofCase(caseId: string): Promise<ReleaseListRow[]> {
    return this.db
      .selectFrom('release_list')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(500)
      .execute();
  }

  async lines(listId: string): Promise<ReleaseLineRow[]> {
    return this.db
      .selectFrom('release_line')
      .selectAll()
      .where('list_id', '=', listId)
      .orderBy('n')
      .execute();
  }

  async line(listId: string, n: number): Promise<ReleaseLineRow | undefined> {
    return this.db
      .selectFrom('release_line')
      .selectAll()
      .where('list_id', '=', listId)
      .where('n', '=', n)
      .executeTakeFirst();
  }

  async decisions(listId: string): Promise<ReleaseDecisionRow[]> {
    return this.db.selectFrom('release_decision').selectAll().where('list_id', '=', listId).execute();
  }

  /** Records a decision once: a second decision on the same candidate is refused by the key. */
  async decide(values: Insertable<ReleaseDecisionTable>): Promise<boolean> {
    const r = await this.db
      .insertInto('release_decision')
      .values(values)
      .onConflict((oc) => oc.columns(['list_id', 'n', 'person_id']).doNothing())
      .returning('person_id')
      .executeTakeFirst();
    return r !== undefined;
  }
}
