import type { Static } from '@sinclair/typebox';
import type { Verdict } from '#src/db/schema.ts';
import { foldText } from '#src/engines/text/fold.ts';
import { invalid, notFound } from '#src/errors.ts';
import type { ClaimRow, EvidenceRow } from '#src/repositories/claim.repository.ts';
import type { Repos } from '#src/repositories/index.ts';
import type { AddEvidenceBody, Claim, CreateClaimBody, SimilarClaim, UpdateClaimBody, VerdictBody } from '#src/schemas/claim.ts';
import { audit, type Actor, type CaseScope, type ServiceDeps } from './context.ts';
import { presentWhen, readWhen } from './when.ts';

/** The rating a verdict implies on ClaimReview's 1–5 scale, unless the reviewer sets one. */
export const VERDICT_RATING: Record<Verdict, number> = { false: 1, misleading: 2, unproven: 3, true: 5 };

/** How close two claims' folded texts must be to be offered as "already checked?". */
const SIMILAR_MIN_SCORE = 0.3;

function presentEvidence(e: EvidenceRow) {
  return { id: e.id, stance: e.stance, targetType: e.target_type, targetId: e.target_id, note: e.note, createdAt: e.created_at.toISOString() };
}

export function presentClaim(c: ClaimRow, caseZone: string, evidence: EvidenceRow[]): Claim {
  return {
    id: c.id, caseId: c.case_id, text: c.text, language: c.language,
    firstSeen: presentWhen(c.first_seen_at, c.first_seen_time_zone, c.first_seen_precision, caseZone),
    appearanceUrl: c.appearance_url, claimantSourceId: c.claimant_source_id, status: c.status, verdict: c.verdict, rating: c.rating,
    ratingOverridden: c.rating_overridden, summary: c.summary, reviewedBy: c.reviewed_by, reviewedAt: c.reviewed_at?.toISOString() ?? null,
    verdictAsOf: presentWhen(c.verdict_as_of, c.verdict_as_of_time_zone, c.verdict_as_of_precision, caseZone), publishedAt: c.published_at?.toISOString() ?? null, publicUrl: c.public_url,
    authorName: c.author_name, evidence: evidence.filter((e) => e.claim_id === c.id).map(presentEvidence), isDemo: c.is_demo,
    createdAt: c.created_at.toISOString(),
  };
}

type SearchRow = ClaimRow & { case_slug: string; score: number };
function presentSimilar(r: SearchRow): Static<typeof SimilarClaim> {
  return {
    id: r.id, caseId: r.case_id, caseSlug: r.case_slug, text: r.text, status: r.status, verdict: r.verdict,
    publishedAt: r.published_at?.toISOString() ?? null, publicUrl: r.public_url, score: Math.round(Number(r.score) * 1000) / 1000,
  };
}

export interface Cursor {
  createdAt: Date;
  id: string;
}
export const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify([c.createdAt.toISOString(), c.id])).toString('base64url');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function decodeCursor(s: string): Cursor {
  try {
    const [at, id] = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as [string, string];
    const createdAt = new Date(at);
    if (typeof id !== 'string' || !UUID.test(id) || Number.isNaN(createdAt.getTime())) throw new Error('bad');
    return { createdAt, id };
  } catch {
    throw invalid('validation.cursor', 'the cursor is not one this server gave out', { issues: [{ field: '/cursor', message: 'invalid cursor' }] });
  }
}

/** Claims: the rumours a desk tracks, their evidence, the verdict workflow and publication. */
export class ClaimService {
  constructor(private readonly deps: ServiceDeps) {}

  private async load(repos: Repos, scope: CaseScope, id: string): Promise<ClaimRow> {
    const c = await repos.claims.get(scope.case.id, id);
    if (!c) throw notFound('claim.not_found', `no claim ${id} in case ${scope.case.slug}`);
    return c;
  }

  private async present(repos: Repos, scope: CaseScope, c: ClaimRow): Promise<Claim> {
    return presentClaim(c, scope.case.time_zone, await repos.claims.evidence([c.id]));
  }

  /** Case ids whose claims the actor may see, for installation-wide similarity. */
  private async visibleCaseIds(actor: Actor): Promise<string[]> {
    if (!actor.userId) return [];
    return (await this.deps.store.repos.cases.list(actor.userId)).map((c) => c.id);
  }

  /**
   * Adds a claim and answers "was this rumour already checked?": similar claims from the
   * actor's cases, and published verdicts from any case (those are public anyway).
   */
  async add(actor: Actor, scope: CaseScope, input: Static<typeof CreateClaimBody>, opts: { isDemo?: boolean } = {}) {
    const firstSeen = input.firstSeen ? readWhen(input.firstSeen, scope.case.time_zone, '/firstSeen') : null;
    const folded = foldText(input.text);
    if (folded.length === 0) throw invalid('validation.text', 'the claim has no words', { issues: [{ field: '/text', message: 'no letters or digits' }] });
    const created = await this.deps.store.transaction(async (repos) => {
      if (input.claimantSourceId && !(await repos.sources.get(scope.case.id, input.claimantSourceId))) {
        throw invalid('validation.reference', `no source ${input.claimantSourceId} in this case`, { issues: [{ field: '/claimantSourceId', message: 'unknown source' }] });
      }
      const c = await repos.claims.create({
        id: this.deps.ids.uuid(), case_id: scope.case.id, text: input.text, text_folded: folded, language: input.language,
        first_seen_at: firstSeen?.at ?? null, first_seen_precision: firstSeen?.precision ?? null, first_seen_time_zone: firstSeen?.timeZone ?? null,
        appearance_url: input.appearanceUrl ?? null, claimant_source_id: input.claimantSourceId ?? null, is_demo: opts.isDemo ?? false,
      });
      const out = await this.present(repos, scope, c);
      await audit(repos, this.deps, actor, { action: 'claim.created', entityType: 'claim', entityId: c.id, caseId: scope.case.id, after: out });
      return out;
    });
    const similar = (
      await this.deps.store.repos.claims.search(folded, {
        caseIds: await this.visibleCaseIds(actor), alsoPublished: true, limit: 6, minScore: SIMILAR_MIN_SCORE,
      })
    ).filter((r) => r.id !== created.id);
    return { claim: created, similar: similar.slice(0, 5).map(presentSimilar) };
  }

  async get(scope: CaseScope, id: string): Promise<Claim> {
    const repos = this.deps.store.repos;
    return this.present(repos, scope, await this.load(repos, scope, id));
  }

  async list(scope: CaseScope, q: { limit?: number | undefined; cursor?: string | undefined; status?: Claim['status'] | undefined }) {
    const repos = this.deps.store.repos;
    const page = await repos.claims.list(scope.case.id, {
      limit: q.limit ?? 50, ...(q.cursor ? { after: decodeCursor(q.cursor) } : {}), ...(q.status ? { status: q.status } : {}),
    });
    const evidence = await repos.claims.evidence(page.rows.map((r) => r.id));
    return { claims: page.rows.map((r) => presentClaim(r, scope.case.time_zone, evidence)), nextCursor: page.next ? encodeCursor(page.next) : null };
  }

  /** Full-text and trigram search within a case, across Arabic and Latin script (folded forms). */
  async search(scope: CaseScope, query: string, limit = 20) {
    const folded = foldText(query);
    if (folded.length === 0) throw invalid('validation.query', 'the query has no words', { issues: [{ field: '/q', message: 'no letters or digits' }] });
    const rows = await this.deps.store.repos.claims.search(folded, { caseIds: [scope.case.id], limit, minScore: 0.2 });
    return { results: rows.map(presentSimilar) };
  }

  /**
   * Corrects a claim's record. Changing the text of a published claim withdraws the
   * publication: what the public sees must be what a reviewer published.
   */
  async update(actor: Actor, scope: CaseScope, id: string, input: Static<typeof UpdateClaimBody>): Promise<Claim> {
    const firstSeen = input.firstSeen ? readWhen(input.firstSeen, scope.case.time_zone, '/firstSeen') : null;
    const folded = input.text !== undefined ? foldText(input.text) : null;
    if (folded !== null && folded.length === 0) throw invalid('validation.text', 'the claim has no words', { issues: [{ field: '/text', message: 'no letters or digits' }] });
    return this.deps.store.transaction(async (repos) => {
      const c = await this.load(repos, scope, id);
      if (input.claimantSourceId && !(await repos.sources.get(scope.case.id, input.claimantSourceId))) {
        throw invalid('validation.reference', `no source ${input.claimantSourceId} in this case`, { issues: [{ field: '/claimantSourceId', message: 'unknown source' }] });
      }
      const textChanged = input.text !== undefined && input.text !== c.text;
      const u = await repos.claims.update(c.id, {
        ...(input.text !== undefined ? { text: input.text, text_folded: folded! } : {}),
        ...(input.language !== undefined ? { language: input.language } : {}),
        ...(firstSeen ? { first_seen_at: firstSeen.at, first_seen_precision: firstSeen.precision, first_seen_time_zone: firstSeen.timeZone } : {}),
        ...(input.appearanceUrl !== undefined ? { appearance_url: input.appearanceUrl } : {}),
        ...(input.claimantSourceId !== undefined ? { claimant_source_id: input.claimantSourceId } : {}),
        ...(textChanged && c.published_at ? { published_at: null, published_by: null } : {}),
        updated_at: this.deps.clock.now(),
      });
      const before = await this.present(repos, scope, c);
      const after = await this.present(repos, scope, u);
      await audit(repos, this.deps, actor, { action: 'claim.updated', entityType: 'claim', entityId: c.id, caseId: scope.case.id, before, after });
      return after;
    });
  }

  async startReview(actor: Actor, scope: CaseScope, id: string): Promise<Claim> {
    return this.deps.store.transaction(async (repos) => {
      const c = await this.load(repos, scope, id);
      if (c.status !== 'unverified') {
        throw invalid('claim.bad_transition', `the claim is ${c.status}; only an unverified claim goes into review`);
      }
      const u = await repos.claims.update(c.id, { status: 'in_review', updated_at: this.deps.clock.now() });
      await audit(repos, this.deps, actor, { action: 'claim.review_started', entityType: 'claim', entityId: c.id, caseId: scope.case.id, before: { status: c.status }, after: { status: u.status } });
      return this.present(repos, scope, u);
    });
  }

  /**
   * Sets (or revises) a verdict. The claim must have been in review. The rating follows from
   * the verdict unless the reviewer sets one. Revising a published verdict withdraws the
   * publication until it is published again, so nothing public changes unreviewed.
   */
  async setVerdict(actor: Actor, scope: CaseScope, id: string, input: Static<typeof VerdictBody>): Promise<Claim> {
    const asOf = input.asOf ? readWhen(input.asOf, scope.case.time_zone, '/asOf') : null;
    return this.deps.store.transaction(async (repos) => {
      const c = await this.load(repos, scope, id);
      if (c.status === 'unverified') {
        throw invalid('claim.verdict_requires_review', 'put the claim in review before giving a verdict', { issues: [{ field: '/verdict', message: 'claim is unverified' }] });
      }
      const now = this.deps.clock.now();
      const u = await repos.claims.update(c.id, {
        status: 'verdict', verdict: input.verdict, summary: input.summary, rating: input.rating ?? VERDICT_RATING[input.verdict],
        rating_overridden: input.rating !== undefined && input.rating !== VERDICT_RATING[input.verdict], reviewed_by: actor.userId,
        reviewed_at: now, verdict_as_of: asOf?.at ?? now, verdict_as_of_precision: asOf?.precision ?? 'second',
        verdict_as_of_time_zone: asOf?.timeZone ?? null, published_at: null, published_by: null, updated_at: now,
      });
      await audit(repos, this.deps, actor, {
        action: 'claim.verdict_set', entityType: 'claim', entityId: c.id, caseId: scope.case.id,
        before: { status: c.status, verdict: c.verdict, rating: c.rating, summary: c.summary, publishedAt: c.published_at },
        after: { status: u.status, verdict: u.verdict, rating: u.rating, summary: u.summary, publishedAt: null },
      });
      return this.present(repos, scope, u);
    });
  }

  /** Publishes the verdict under the configured organisation, at a URL built from the public base URL. */
  async publish(actor: Actor, scope: CaseScope, id: string): Promise<Claim> {
    return this.deps.store.transaction(async (repos) => {
      const c = await this.load(repos, scope, id);
      if (c.status !== 'verdict') throw invalid('claim.publish_requires_verdict', 'only a claim with a verdict can be published');
      const now = this.deps.clock.now();
      const u = await repos.claims.update(c.id, {
        published_at: now, published_by: actor.userId, public_url: `${this.deps.config.publicBaseUrl}/verdicts/${c.id}`,
        author_name: this.deps.config.organisationName, updated_at: now,
      });
      await audit(repos, this.deps, actor, {
        action: 'claim.published', entityType: 'claim', entityId: c.id, caseId: scope.case.id,
        before: { publishedAt: c.published_at }, after: { publishedAt: u.published_at, publicUrl: u.public_url, authorName: u.author_name },
      });
      return this.present(repos, scope, u);
    });
  }

  async addEvidence(actor: Actor, scope: CaseScope, id: string, input: Static<typeof AddEvidenceBody>): Promise<Claim> {
    return this.deps.store.transaction(async (repos) => {
      const c = await this.load(repos, scope, id);
      const exists = await (async () => {
        switch (input.targetType) {
          case 'statement': return !!(await repos.sources.getStatement(scope.case.id, input.targetId));
          case 'sweep': return !!(await repos.places.getSweep(scope.case.id, input.targetId));
          case 'figure': return !!(await repos.places.getFigure(scope.case.id, input.targetId));
          case 'media_item':
          case 'person':
            throw invalid('evidence.target_unsupported', `${input.targetType} evidence arrives with the media and registry features`, { issues: [{ field: '/targetType', message: 'not available yet' }] });
        }
      })();
      if (!exists) throw invalid('validation.reference', `no ${input.targetType} ${input.targetId} in this case`, { issues: [{ field: '/targetId', message: `unknown ${input.targetType}` }] });
      const dup = (await repos.claims.evidence([c.id])).some((e) => e.target_type === input.targetType && e.target_id === input.targetId);
      if (dup) throw invalid('evidence.duplicate', 'this evidence is already linked to the claim', { issues: [{ field: '/targetId', message: 'already linked' }] });
      const e = await repos.claims.addEvidence({ id: this.deps.ids.uuid(), claim_id: c.id, stance: input.stance, target_type: input.targetType, target_id: input.targetId, note: input.note ?? '' });
      await audit(repos, this.deps, actor, { action: 'claim.evidence_added', entityType: 'claim', entityId: c.id, caseId: scope.case.id, after: presentEvidence(e) });
      return this.present(repos, scope, c);
    });
  }
}
