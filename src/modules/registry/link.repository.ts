import type { Insertable, Kysely, Selectable } from 'kysely';
import type { DB } from '#src/platform/database/schema.ts';
import type { PersonLinkTable } from './registry.tables.ts';

export type PersonLinkRow = Selectable<PersonLinkTable>;

export class LinkRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async create(row: Insertable<PersonLinkTable>): Promise<PersonLinkRow> {
    return this.db.insertInto('person_link').values(row).returningAll().executeTakeFirstOrThrow();
  }

  /** The live link of a pair (in either order), if any. */
  async live(a: string, b: string): Promise<PersonLinkRow | undefined> {
    const [x, y] = a < b ? [a, b] : [b, a];
    return this.db
      .selectFrom('person_link')
      .selectAll()
      .where('person_a', '=', x)
      .where('person_b', '=', y)
      .where('removed_at', 'is', null)
      .executeTakeFirst();
  }

  /** The live links of any of these persons. */
  async liveOf(ids: readonly string[]): Promise<PersonLinkRow[]> {
    if (ids.length === 0) return [];
    return this.db
      .selectFrom('person_link')
      .selectAll()
      .where('removed_at', 'is', null)
      .where((eb) => eb.or([eb('person_a', 'in', ids), eb('person_b', 'in', ids)]))
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  }

  async remove(id: string, by: string): Promise<PersonLinkRow | undefined> {
    return this.db
      .updateTable('person_link')
      .set({ removed_by: by, removed_at: new Date() })
      .where('id', '=', id)
      .where('removed_at', 'is', null)
      .returningAll()
      .executeTakeFirst();
  }
}
