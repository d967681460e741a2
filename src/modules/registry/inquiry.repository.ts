import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { DB } from '#src/platform/database/schema.ts';
import { keysetPage } from '#src/platform/database/keyset.ts';
import type { RowPage } from '#src/platform/pagination.ts';
import type { InquiryMatchTable, InquiryTable, MatchState, RegistryTaskTable } from './registry.tables.ts';

export type InquiryRow = Selectable<InquiryTable>;
export type InquiryMatchRow = Selectable<InquiryMatchTable>;
export type TaskRow = Selectable<RegistryTaskTable>;

const RECORDED_ORDER = [{ column: 'created_at' }, { column: 'id' }];

export class InquiryRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async create(values: Insertable<InquiryTable>): Promise<InquiryRow> {
    return this.db.insertInto('inquiry').values(values).returningAll().executeTakeFirstOrThrow();
  }

  async update(id: string, values: Updateable<InquiryTable>): Promise<InquiryRow> {
    return this.db
      .updateTable('inquiry')
      .set({ ...values, updated_at: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async find(caseId: string, id: string): Promise<InquiryRow | undefined> {
    return this.db
      .selectFrom('inquiry')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  async lock(caseId: string, id: string): Promise<InquiryRow | undefined> {
    return (
      this.db
        .selectFrom('inquiry')
        .selectAll()
        .where('case_id', '=', caseId)
        .where('id', '=', id)
        // NO KEY UPDATE: decisions on one inquiry wait for each other, while inserts that only
        // reference it (suggestions, tasks: a key share) go on.
        .forNoKeyUpdate()
        .executeTakeFirst()
    );
  }

  async page(
    caseId: string,
    opts: { limit: number; after?: readonly [Date, string]; status?: 'open' | 'closed' | undefined },
  ): Promise<RowPage<InquiryRow>> {
    let q = this.db.selectFrom('inquiry').selectAll().where('case_id', '=', caseId);
    if (opts.status) q = q.where('status', '=', opts.status);
    return keysetPage(q, RECORDED_ORDER, opts.after, opts.limit);
  }

  /** Open inquiries of a case after `afterId`, in id order (a batch's walk). */
  async openAfter(caseId: string, afterId: string | null, limit: number): Promise<InquiryRow[]> {
    let q = this.db
      .selectFrom('inquiry')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('status', '=', 'open');
    if (afterId) q = q.where('id', '>', afterId);
    return q.orderBy('id').limit(limit).execute();
  }

  async byIds(caseId: string, ids: readonly string[]): Promise<InquiryRow[]> {
    if (ids.length === 0) return [];
    return this.db
      .selectFrom('inquiry')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('id', 'in', ids)
      .execute();
  }

  async openByIds(caseId: string, ids: readonly string[]): Promise<InquiryRow[]> {
    if (ids.length === 0) return [];
    return this.db
      .selectFrom('inquiry')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('status', '=', 'open')
      .where('id', 'in', ids)
      .execute();
  }

  async countOpen(caseId: string): Promise<number> {
    const r = await this.db
      .selectFrom('inquiry')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('case_id', '=', caseId)
      .where('status', '=', 'open')
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async replaceSearchTerms(
    caseId: string,
    inquiryId: string,
    keys: readonly string[],
    spellings: readonly string[],
  ): Promise<void> {
    await this.db.deleteFrom('inquiry_key').where('inquiry_id', '=', inquiryId).execute();
    await this.db.deleteFrom('inquiry_spelling').where('inquiry_id', '=', inquiryId).execute();
    for (let i = 0; i < keys.length; i += 1000)
      await this.db
        .insertInto('inquiry_key')
        .values(keys.slice(i, i + 1000).map((key) => ({ case_id: caseId, key, inquiry_id: inquiryId })))
        .onConflict((oc) => oc.doNothing())
        .execute();
    if (spellings.length > 0)
      await this.db
        .insertInto('inquiry_spelling')
        .values(spellings.map((text, n) => ({ inquiry_id: inquiryId, n, case_id: caseId, text })))
        .execute();
  }

  /** Open inquiries sharing the most keys with a name, best first. */
  async openByKeys(caseId: string, keys: readonly string[], limit: number): Promise<string[]> {
    if (keys.length === 0) return [];
    const r = await sql<{ id: string }>`
      SELECT k.inquiry_id AS id FROM inquiry_key k JOIN inquiry i ON i.id = k.inquiry_id
      WHERE k.case_id = ${caseId} AND k.key = ANY(${[...keys]}::text[]) AND i.status = 'open'
      GROUP BY k.inquiry_id ORDER BY count(*) DESC, k.inquiry_id LIMIT ${limit}`.execute(this.db);
    return r.rows.map((x) => x.id);
  }

  /** Open inquiries one of whose spellings is trigram-similar to `text`. */
  async openByTrigrams(caseId: string, text: string, limit: number): Promise<string[]> {
    if (text.trim() === '') return [];
    const r = await sql<{ id: string }>`
      SELECT s.inquiry_id AS id FROM inquiry_spelling s JOIN inquiry i ON i.id = s.inquiry_id
      WHERE s.case_id = ${caseId} AND s.text % ${text} AND i.status = 'open'
      GROUP BY s.inquiry_id ORDER BY max(similarity(s.text, ${text})) DESC, s.inquiry_id
      LIMIT ${limit}`.execute(this.db);
    return r.rows.map((x) => x.id);
  }

  /** Suggestions, each once: a pair already suggested, confirmed or rejected is left as it is. */
  async suggest(rows: readonly Insertable<InquiryMatchTable>[]): Promise<number> {
    let made = 0;
    for (let i = 0; i < rows.length; i += 500) {
      const r = await this.db
        .insertInto('inquiry_match')
        .values(rows.slice(i, i + 500))
        .onConflict((oc) => oc.columns(['inquiry_id', 'person_id']).doNothing())
        .returning('inquiry_id')
        .execute();
      made += r.length;
    }
    return made;
  }

  async matchesOf(inquiryId: string): Promise<InquiryMatchRow[]> {
    return this.db
      .selectFrom('inquiry_match')
      .selectAll()
      .where('inquiry_id', '=', inquiryId)
      .orderBy('score', 'desc')
      .orderBy('person_id')
      .execute();
  }

  async matchesOfPerson(personId: string, state?: MatchState): Promise<InquiryMatchRow[]> {
    let q = this.db.selectFrom('inquiry_match').selectAll().where('person_id', '=', personId);
    if (state) q = q.where('state', '=', state);
    return q.execute();
  }

  /** The case's waiting suggestions, oldest first. */
  async queue(caseId: string, limit: number): Promise<InquiryMatchRow[]> {
    return this.db
      .selectFrom('inquiry_match')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('state', '=', 'suggested')
      .orderBy('created_at')
      .orderBy('inquiry_id')
      .orderBy('score', 'desc')
      .limit(limit)
      .execute();
  }

  /** Decides a waiting suggestion; undefined when it was not waiting (decided already, or none). */
  async decide(
    inquiryId: string,
    personId: string,
    values: { state: 'confirmed' | 'rejected'; decided_by: string; event_id: string | null },
  ): Promise<InquiryMatchRow | undefined> {
    return this.db
      .updateTable('inquiry_match')
      .set({ ...values, decided_at: new Date() })
      .where('inquiry_id', '=', inquiryId)
      .where('person_id', '=', personId)
      .where('state', '=', 'suggested')
      .returningAll()
      .executeTakeFirst();
  }

  async addTask(values: Insertable<RegistryTaskTable>): Promise<TaskRow> {
    return this.db.insertInto('registry_task').values(values).returningAll().executeTakeFirstOrThrow();
  }

  async tasks(caseId: string, state: 'open' | 'done', limit: number): Promise<TaskRow[]> {
    return this.db
      .selectFrom('registry_task')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('state', '=', state)
      .orderBy('created_at')
      .orderBy('id')
      .limit(limit)
      .execute();
  }

  async tasksOf(inquiryId: string): Promise<TaskRow[]> {
    return this.db
      .selectFrom('registry_task')
      .selectAll()
      .where('inquiry_id', '=', inquiryId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  }

  async finishTask(caseId: string, id: string, by: string): Promise<TaskRow | undefined> {
    return this.db
      .updateTable('registry_task')
      .set({ state: 'done', done_by: by, done_at: new Date() })
      .where('case_id', '=', caseId)
      .where('id', '=', id)
      .where('state', '=', 'open')
      .returningAll()
      .executeTakeFirst();
  }

  /** Closed inquiries whose contact details are still sealed, closed before `before`. */
  async dueForPurge(before: Date, limit: number): Promise<InquiryRow[]> {
    return (
      this.db
        .selectFrom('inquiry')
        .selectAll()
        .where('status', '=', 'closed')
        .where('contact_state', '=', 'sealed')
        .where('closed_at', '<', before)
        .orderBy('closed_at')
        .limit(limit)
        // Locked until the sweep's transaction ends (an erasure at the same time waits, then finds
        // nothing left to erase); rows another sweep holds are left to it.
        .forNoKeyUpdate()
        .skipLocked()
        .execute()
    );
  }

  async desk(caseId: string) {
    return this.db
      .selectFrom('public_inquiry_desk')
      .selectAll()
      .where('case_id', '=', caseId)
      .executeTakeFirst();
  }

  async openDesk(caseId: string, by: string): Promise<void> {
    await this.db
      .insertInto('public_inquiry_desk')
      .values({ case_id: caseId, opened_by: by })
      .onConflict((oc) => oc.column('case_id').doNothing())
      .execute();
  }

  async closeDesk(caseId: string): Promise<void> {
    await this.db.deleteFrom('public_inquiry_desk').where('case_id', '=', caseId).execute();
  }

  /** The ids of the cases taking public inquiries. */
  async openDeskCases(): Promise<string[]> {
    return (await this.db.selectFrom('public_inquiry_desk').select('case_id').execute()).map(
      (r) => r.case_id,
    );
  }
}
