import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { ClaimEvidenceTable, ClaimStatus, ClaimTable, DB } from '#src/db/schema.ts';

export type ClaimRow = Selectable<ClaimTable>;
export type EvidenceRow = Selectable<ClaimEvidenceTable>;

export interface ClaimPage {
  rows: ClaimRow[];
  next: { createdAt: Date; id: string } | null;
}

/** Claims (rumours and assertions), their evidence links, and search over their text. */
export class ClaimRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async create(values: Insertable<ClaimTable>): Promise<ClaimRow> {
    return this.db.insertInto('claim').values(values).returningAll().executeTakeFirstOrThrow();
  }

  async get(caseId: string, id: string): Promise<ClaimRow | undefined> {
    return this.db.selectFrom('claim').selectAll().where('case_id', '=', caseId).where('id', '=', id).executeTakeFirst();
  }

  async update(id: string, values: Updateable<ClaimTable>): Promise<ClaimRow> {
    return this.db.updateTable('claim').set(values).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  }

  /** Newest first, keyset-paginated on (created_at, id) so pages stay stable under inserts. */
  async list(
    caseId: string,
    opts: { limit: number; after?: { createdAt: Date; id: string }; status?: ClaimStatus; published?: boolean },
  ): Promise<ClaimPage> {
    let q = this.db.selectFrom('claim').selectAll().where('case_id', '=', caseId);
    if (opts.status) q = q.where('status', '=', opts.status);
    if (opts.published === true) q = q.where('published_at', 'is not', null);
    // created_at is stored to the millisecond (migration 0001), exactly what a cursor carries, so
    // the keyset compares equal values and the (case_id, created_at, id) index serves the query.
    if (opts.after) {
      const { createdAt, id } = opts.after;
      q = q.where((eb) => eb.or([eb('created_at', '<', createdAt), eb.and([eb('created_at', '=', createdAt), eb('id', '<', id)])]));
    }
    const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(opts.limit + 1).execute();
    const more = rows.length > opts.limit;
    if (more) rows.pop();
    const last = rows[rows.length - 1];
    return { rows, next: more && last ? { createdAt: last.created_at, id: last.id } : null };
  }

  /**
   * Full-text and trigram search over folded text. `caseIds` null = every case. A row matches
   * when its words contain the query's words, or when it is close to the query as trigrams
   * (catches misspellings and other inflections).
   */
  async search(folded: string, opts: { caseIds: string[] | null; alsoPublished?: boolean; limit: number; minScore: number }) {
    const score = sql<number>`greatest(similarity(claim.text_folded, ${folded}), word_similarity(${folded}, claim.text_folded),
      case when to_tsvector('simple', claim.text_folded) @@ plainto_tsquery('simple', ${folded}) then 0.5 + 0.5 * word_similarity(${folded}, claim.text_folded) else 0 end)`;
    let q = this.db
      .selectFrom('claim')
      .innerJoin('case_file', 'case_file.id', 'claim.case_id')
      .selectAll('claim')
      .select(['case_file.slug as case_slug'])
      .select(score.as('score'))
      .where(score, '>=', opts.minScore);
    if (opts.caseIds !== null) {
      const ids = opts.caseIds;
      q = q.where((eb) => {
        const visible = ids.length > 0 ? [eb('claim.case_id', 'in', ids)] : [];
        if (opts.alsoPublished) visible.push(eb('claim.published_at', 'is not', null));
        return visible.length > 0 ? eb.or(visible) : eb.val(false);
      });
    }
    return q.orderBy('score', 'desc').orderBy('claim.created_at', 'desc').limit(opts.limit).execute();
  }

  async addEvidence(values: Insertable<ClaimEvidenceTable>): Promise<EvidenceRow> {
    return this.db.insertInto('claim_evidence').values(values).returningAll().executeTakeFirstOrThrow();
  }

  async evidence(claimIds: string[]): Promise<EvidenceRow[]> {
    if (claimIds.length === 0) return [];
    return this.db.selectFrom('claim_evidence').selectAll().where('claim_id', 'in', claimIds).orderBy('created_at').orderBy('id').execute();
  }

  async listAll(caseId: string): Promise<ClaimRow[]> {
    return this.db.selectFrom('claim').selectAll().where('case_id', '=', caseId).orderBy('created_at').orderBy('id').execute();
  }

  async listPublished(caseId: string): Promise<ClaimRow[]> {
    return this.db
      .selectFrom('claim')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('published_at', 'is not', null)
      .orderBy('published_at')
      .orderBy('id')
      .execute();
  }
}
