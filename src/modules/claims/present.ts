import type { Static } from '@sinclair/typebox';
import { presentWhen } from '#src/platform/when.ts';
import type { ClaimRow, EvidenceRow } from './claim.repository.ts';
import type { Claim, Evidence, SimilarClaim } from './schemas.ts';

export function presentEvidence(e: EvidenceRow): Static<typeof Evidence> {
  return {
    id: e.id,
    stance: e.stance,
    targetType: e.target_type,
    targetId: e.target_id,
    note: e.note,
    createdAt: e.created_at.toISOString(),
  };
}

export function presentClaim(c: ClaimRow, caseZone: string, evidence: readonly EvidenceRow[]): Claim {
  return {
    id: c.id,
    caseId: c.case_id,
    text: c.text,
    language: c.language,
    firstSeen: presentWhen(c.first_seen_at, c.first_seen_time_zone, c.first_seen_precision, caseZone),
    appearanceUrl: c.appearance_url,
    claimantSourceId: c.claimant_source_id,
    status: c.status,
    verdict: c.verdict,
    rating: c.rating,
    ratingOverridden: c.rating_overridden,
    summary: c.summary,
    reviewedBy: c.reviewed_by,
    reviewedAt: c.reviewed_at?.toISOString() ?? null,
    verdictAsOf: presentWhen(c.verdict_as_of, c.verdict_as_of_time_zone, c.verdict_as_of_precision, caseZone),
    publishedAt: c.published_at?.toISOString() ?? null,
    publicUrl: c.public_url,
    authorName: c.author_name,
    evidence: evidence.filter((e) => e.claim_id === c.id).map(presentEvidence),
    isDemo: c.is_demo,
    createdAt: c.created_at.toISOString(),
  };
}

export type SearchRow = ClaimRow & { score: number };

/**
 * A claim that reads like another. From a case the reader is a member of (`slugs` has its case),
 * all of it; from any other case — only published verdicts are found there — only what its
 * publication made public: the text, the verdict, when and where it was published.
 */
export function presentSimilar(
  r: SearchRow,
  slugs: ReadonlyMap<string, string>,
): Static<typeof SimilarClaim> {
  const slug = slugs.get(r.case_id);
  const score = Math.round(Number(r.score) * 1000) / 1000;
  const published = {
    id: r.id,
    text: r.text,
    verdict: r.verdict,
    publishedAt: r.published_at?.toISOString() ?? null,
    publicUrl: r.public_url,
    score,
  };
  if (slug === undefined) return { ...published, caseId: null, caseSlug: null, status: null };
  return { ...published, caseId: r.case_id, caseSlug: slug, status: r.status };
}
