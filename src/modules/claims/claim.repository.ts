import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { DB } from '#src/platform/database/schema.ts';
import { keysetPage, timelineSortsAfter } from '#src/platform/database/keyset.ts';
import type { TimelineWindow } from '#src/platform/timeline.ts';
import type { RowPage } from '#src/platform/pagination.ts';
import { uniqueViolation } from '#src/platform/database/database-errors.ts';
import { invalid } from '#src/platform/errors.ts';
import type { ClaimEvidenceTable, ClaimStatus, ClaimTable, Verdict } from './claim.tables.ts';

const NEWEST_FIRST = [
  { column: 'created_at', desc: true },
  { column: 'id', desc: true },
];

/** The refusal of evidence the claim already has. */
export const evidenceLinked = () =>
  invalid('evidence.duplicate', 'this evidence is already linked to the claim', {
    issues: [{ field: '/targetId', message: 'already linked' }],
  });

export type ClaimRow = Selectable<ClaimTable>;
export type EvidenceRow = Selectable<ClaimEvidenceTable>;

/** Claims (rumours and assertions), their evidence links, and search over their text. */
export class ClaimRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async create(values: Insertable<ClaimTable>): Promise<ClaimRow> {
    return this.db.insertInto('claim').values(values).returningAll().executeTakeFirstOrThrow();
  }

  async get(caseId: string, id: string): Promise<ClaimRow | undefined> {
    return this.db
      .selectFrom('claim')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  async update(id: string, values: Updateable<ClaimTable>): Promise<ClaimRow> {
    return this.db
      .updateTable('claim')
      .set(values)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** Newest first, keyset-paginated on (created_at, id) so pages stay stable under inserts. */
  async page(
    caseId: string,
    opts: {
      limit: number;
      after?: readonly [Date, string];
      status?: ClaimStatus;
      verdict?: Verdict;
      published?: boolean;
    },
  ): Promise<RowPage<ClaimRow>> {
    let q = this.db.selectFrom('claim').selectAll().where('case_id', '=', caseId);
    if (opts.status) q = q.where('status', '=', opts.status);
    if (opts.verdict) q = q.where('verdict', '=', opts.verdict);
    if (opts.published !== undefined) q = q.where('published_at', opts.published ? 'is not' : 'is', null);
    // created_at is stored to the millisecond (migration 0001), exactly what a cursor carries, so
    // the keyset compares equal values and the (case_id, created_at, id) index serves the query.
    return keysetPage(q, NEWEST_FIRST, opts.after, opts.limit);
  }
  /** How many claims of a case are in each status, and how many verdicts are published. */
  async counts(caseId: string): Promise<{ status: ClaimStatus; published: boolean; n: number }[]> {
    const rows = await this.db
      .selectFrom('claim')
      .select((eb) => [
        'status',
        sql<boolean>`published_at is not null`.as('published'),
        eb.fn.countAll<string>().as('n'),
      ])
      .where('case_id', '=', caseId)
      .groupBy(['status', sql`published_at is not null`])
      .execute();
    return rows.map((r) => ({ status: r.status, published: r.published, n: Number(r.n) }));
  }

  /**
   * Full-text and trigram search over folded text. `caseIds` null = every case. A row matches
   * when its words contain the query's words, or when it is close to the query as trigrams
   * (catches misspellings and other inflections).
   */
  async search(
    folded: string,
    opts: { caseIds: string[] | null; alsoPublished?: boolean; limit: number; minScore: number },
  ) {
    const score = sql<number>`greatest(similarity(claim.text_folded, ${folded}), word_similarity(${folded}, claim.text_folded),
      case when to_tsvector('simple', claim.text_folded) @@ plainto_tsquery('simple', ${folded}) then 0.5 + 0.5 * word_similarity(${folded}, claim.text_folded) else 0 end)`;
    let q = this.db
      .selectFrom('claim')
      .selectAll('claim')
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

  /** Links evidence; `evidence.duplicate` when the same record was linked meanwhile (by a concurrent request). */
  async addEvidence(values: Insertable<ClaimEvidenceTable>): Promise<EvidenceRow> {
    try {
      return await this.db
        .insertInto('claim_evidence')
        .values(values)
        .returningAll()
        .executeTakeFirstOrThrow();
    } catch (e) {
      if (uniqueViolation(e) !== null) throw evidenceLinked();
      throw e;
    }
  }

  async getEvidence(claimId: string, id: string): Promise<EvidenceRow | undefined> {
    return this.db
      .selectFrom('claim_evidence')
      .selectAll()
      .where('claim_id', '=', claimId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  async updateEvidence(id: string, values: Updateable<ClaimEvidenceTable>): Promise<EvidenceRow> {
    return this.db
      .updateTable('claim_evidence')
      .set(values)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async removeEvidence(id: string): Promise<void> {
    await this.db.deleteFrom('claim_evidence').where('id', '=', id).execute();
  }

  async evidence(claimIds: string[]): Promise<EvidenceRow[]> {
    if (claimIds.length === 0) return [];
    return this.db
      .selectFrom('claim_evidence')
      .selectAll()
      .where('claim_id', 'in', claimIds)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  }

  /** A window of the case's claims by one of their dates, in timeline order: `kind` names which. */
  async dated(
    caseId: string,
    column: 'first_seen_at' | 'verdict_as_of' | 'published_at',
    kind: string,
    window: TimelineWindow,
  ): Promise<ClaimRow[]> {
    let q = this.db
      .selectFrom('claim')
      .selectAll()
      .where('case_id', '=', caseId)
      .where(column, 'is not', null);
    if (column === 'verdict_as_of') q = q.where('verdict', 'is not', null);
    if (window.after) q = q.where(timelineSortsAfter(column, 'id', kind, window.after));
    return q.orderBy(column).orderBy('id').limit(window.limit).execute();
  }

  /** A claim by id, if it is published (from any case: what is published is public). */
  async findPublished(id: string): Promise<ClaimRow | undefined> {
    return this.db
      .selectFrom('claim')
      .selectAll()
      .where('id', '=', id)
      .where('published_at', 'is not', null)
      .executeTakeFirst();
  }

  /** The case's published claims whose claimant is this source. */
  async publishedWithClaimant(caseId: string, sourceId: string): Promise<ClaimRow[]> {
    return this.db
      .selectFrom('claim')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('claimant_source_id', '=', sourceId)
      .where('published_at', 'is not', null)
      .orderBy('id')
      .execute();
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
