import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { DB } from '#src/platform/database/schema.ts';
import { keysetPage } from '#src/platform/database/keyset.ts';
import type { RowPage } from '#src/platform/pagination.ts';
import type { PersonEventTable, PersonTable } from './registry.tables.ts';

const RECORDED_ORDER = [{ column: 'created_at' }, { column: 'id' }];

export type PersonRow = Selectable<PersonTable>;
export type PersonEventRow = Selectable<PersonEventTable>;

/** Filters that narrow a search's candidates in SQL. */
export interface CandidateFilters {
  status?: PersonTable['status'] | undefined;
  placeId?: string | undefined;
  bornFrom?: number | undefined;
  bornTo?: number | undefined;
}

/**
 * Fewer candidates sharing a key than this: the trigram index is asked too (its scan grows with
 * the registry; keys find a name in either script, trigrams a spelling no key reaches).
 */
export const TRIGRAM_WHEN = 3;

const hasFilters = (f: CandidateFilters) =>
  Boolean(f.status || f.placeId || f.bornFrom !== undefined || f.bornTo !== undefined);

export class PersonRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async create(values: Insertable<PersonTable>): Promise<PersonRow> {
    return this.db.insertInto('person').values(values).returningAll().executeTakeFirstOrThrow();
  }

  async update(id: string, values: Updateable<PersonTable>): Promise<PersonRow> {
    return this.db
      .updateTable('person')
      .set({ ...values, updated_at: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async find(caseId: string, id: string): Promise<PersonRow | undefined> {
    return this.db
      .selectFrom('person')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /**
   * The person, locked until the transaction ends: two events added at once (on PostgreSQL) then
   * derive the status one after the other, the second seeing the first.
   */
  async lock(caseId: string, id: string): Promise<PersonRow | undefined> {
    return (
      this.db
        .selectFrom('person')
        .selectAll()
        .where('case_id', '=', caseId)
        .where('id', '=', id)
        // NO KEY UPDATE: rows that only reference the person (suggestions, tasks) are not blocked.
        .forNoKeyUpdate()
        .executeTakeFirst()
    );
  }

  async findById(id: string): Promise<PersonRow | undefined> {
    return this.db.selectFrom('person').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async findByExternalId(caseId: string, externalId: string): Promise<PersonRow | undefined> {
    return this.db
      .selectFrom('person')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('external_id', '=', externalId)
      .executeTakeFirst();
  }

  /** Whether any person of the case has an external id. */
  async anyExternalId(caseId: string): Promise<boolean> {
    const r = await this.db
      .selectFrom('person')
      .select('id')
      .where('case_id', '=', caseId)
      .where('external_id', 'is not', null)
      .limit(1)
      .executeTakeFirst();
    return r !== undefined;
  }

  async page(
    caseId: string,
    opts: { limit: number; after?: readonly [Date, string]; status?: PersonTable['status'] | undefined },
  ): Promise<RowPage<PersonRow>> {
    let q = this.db.selectFrom('person').selectAll().where('case_id', '=', caseId);
    if (opts.status) q = q.where('status', '=', opts.status);
    return keysetPage(q, RECORDED_ORDER, opts.after, opts.limit);
  }

  /** Replaces a person's retrieval keys and spelling texts (after any change to the names). */
  async replaceSearchTerms(
    caseId: string,
    personId: string,
    keys: readonly string[],
    spellings: readonly string[],
  ): Promise<void> {
    await this.db.deleteFrom('person_key').where('person_id', '=', personId).execute();
    await this.db.deleteFrom('person_spelling').where('person_id', '=', personId).execute();
    for (let i = 0; i < keys.length; i += 1000)
      await this.db
        .insertInto('person_key')
        .values(keys.slice(i, i + 1000).map((key) => ({ case_id: caseId, key, person_id: personId })))
        .onConflict((oc) => oc.doNothing())
        .execute();
    if (spellings.length > 0)
      await this.db
        .insertInto('person_spelling')
        .values(spellings.map((text, n) => ({ person_id: personId, n, case_id: caseId, text })))
        .execute();
  }

  /**
   * Persons sharing the most keys with the query, best first (ties by id), among those that pass
   * the filters: a filtered search looks for its candidates among the persons it may show.
   */
  async byKeys(
    caseId: string,
    keys: readonly string[],
    limit: number,
    f: CandidateFilters = {},
  ): Promise<{ id: string; hits: number }[]> {
    if (keys.length === 0) return [];
    let q = this.db
      .selectFrom('person_key')
      .select(['person_key.person_id as id', (eb) => eb.fn.countAll<string>().as('hits')])
      .where('person_key.case_id', '=', caseId)
      .where(sql<boolean>`person_key.key = ANY(${[...keys]}::text[])`);
    if (hasFilters(f))
      q = q.where((eb) =>
        eb.exists(this.filtered(caseId, f).where(sql<boolean>`person.id = person_key.person_id`)),
      );
    const rows = await q
      .groupBy('person_key.person_id')
      .orderBy('hits', 'desc')
      .orderBy('person_key.person_id')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ id: r.id, hits: Number(r.hits) }));
  }

  /** The persons of a case that pass the filters (a subquery for candidate searches). */
  private filtered(caseId: string, f: CandidateFilters) {
    let q = this.db.selectFrom('person').select('person.id').where('person.case_id', '=', caseId);
    if (f.status) q = q.where('person.status', '=', f.status);
    if (f.bornFrom !== undefined) q = q.where('person.birth_year_to', '>=', f.bornFrom);
    if (f.bornTo !== undefined) q = q.where('person.birth_year_from', '<=', f.bornTo);
    if (f.placeId) {
      const placeId = f.placeId;
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('person_event')
            .select('person_event.id')
            .whereRef('person_event.person_id', '=', 'person.id')
            .where('person_event.place_id', '=', placeId),
        ),
      );
    }
    return q;
  }

  /** Persons one of whose spellings is trigram-similar to `text` (pg_trgm's % operator), best first, among those the filters pass. */
  async byTrigrams(
    caseId: string,
    text: string,
    limit: number,
    f: CandidateFilters = {},
  ): Promise<{ id: string; similarity: number }[]> {
    if (text.trim() === '') return [];
    // Without filters every spelling of the case is allowed: no subquery over all its persons
    // (which would cost a scan of the case's persons per search).
    const allowed = hasFilters(f) ? sql`AND person_id IN (${this.filtered(caseId, f)})` : sql``;
    const r = await sql<{ id: string; s: number }>`
      SELECT person_id AS id, max(similarity(text, ${text})) AS s FROM person_spelling
      WHERE case_id = ${caseId} AND text % ${text} ${allowed}
      GROUP BY person_id ORDER BY s DESC, person_id LIMIT ${limit}`.execute(this.db);
    return r.rows.map((x) => ({ id: x.id, similarity: Number(x.s) }));
  }

  /** Many persons at once (an import's batch). */
  async createMany(rows: readonly Insertable<PersonTable>[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 500)
      await this.db
        .insertInto('person')
        .values(rows.slice(i, i + 500))
        .execute();
  }

  /** The search terms of many persons at once (new persons: nothing to replace). */
  async addSearchTerms(
    keys: readonly { case_id: string; key: string; person_id: string }[],
    spellings: readonly { person_id: string; n: number; case_id: string; text: string }[],
  ): Promise<void> {
    for (let i = 0; i < keys.length; i += 2000)
      await this.db
        .insertInto('person_key')
        .values(keys.slice(i, i + 2000))
        .onConflict((oc) => oc.doNothing())
        .execute();
    for (let i = 0; i < spellings.length; i += 2000)
      await this.db
        .insertInto('person_spelling')
        .values(spellings.slice(i, i + 2000))
        .execute();
  }

  async addEvents(rows: readonly Insertable<PersonEventTable>[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 500)
      await this.db
        .insertInto('person_event')
        .values(rows.slice(i, i + 500))
        .execute();
  }

  /**
   * The persons holding each of `keys`, with the key; a key held by more than `block` persons is
   * left out (a pair of names that common points at no one), found with at most block + 1 index
   * reads per key.
   */
  async holdersOf(
    caseId: string,
    keys: readonly string[],
    block: number,
  ): Promise<{ key: string; person_id: string }[]> {
    if (keys.length === 0) return [];
    const r = await sql<{ key: string; person_id: string }>`
      SELECT k.key, h.person_id FROM unnest(${[...keys]}::text[]) AS k(key)
      CROSS JOIN LATERAL (
        SELECT person_id FROM person_key WHERE case_id = ${caseId} AND key = k.key LIMIT ${block + 1}
      ) h`.execute(this.db);
    const counts = new Map<string, number>();
    for (const x of r.rows) counts.set(x.key, (counts.get(x.key) ?? 0) + 1);
    return r.rows.filter((x) => counts.get(x.key)! <= block);
  }

  async byIds(caseId: string, ids: readonly string[]): Promise<PersonRow[]> {
    if (ids.length === 0) return [];
    return this.db
      .selectFrom('person')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('id', 'in', ids)
      .execute();
  }

  async byExternalIds(caseId: string, externalIds: readonly string[]): Promise<PersonRow[]> {
    if (externalIds.length === 0) return [];
    return this.db
      .selectFrom('person')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('external_id', 'in', externalIds)
      .execute();
  }

  async addEvent(values: Insertable<PersonEventTable>): Promise<PersonEventRow> {
    return this.db.insertInto('person_event').values(values).returningAll().executeTakeFirstOrThrow();
  }

  async eventsOf(personIds: readonly string[]): Promise<PersonEventRow[]> {
    if (personIds.length === 0) return [];
    return this.db
      .selectFrom('person_event')
      .selectAll()
      .where('person_id', 'in', personIds)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  }
}
