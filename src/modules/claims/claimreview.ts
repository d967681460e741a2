import { sourcesById, type SourceRow } from '#src/modules/casefile/index.ts';
import { formatInZone, isoInstant } from '#src/engines/time/zoned.ts';
import type { CaseScope } from '#src/platform/access.ts';
import type { Context } from '#src/platform/context.ts';
import type { Precision } from '#src/platform/database/schema.ts';
import type { Verdict } from './claim.tables.ts';
import { ClaimRepository, type ClaimRow } from './claim.repository.ts';
import type { Config } from '#src/platform/config.ts';
import { invalid } from '#src/platform/errors.ts';
import { loadClaim } from './load-claim.ts';

function partialOrInstant(at: Date, precision: Precision | null, zone: string): string {
  return precision === 'day' || precision === 'month' || precision === 'year'
    ? formatInZone(at, zone, precision)
    : isoInstant(at);
}

const VERDICT_NAME: Record<Verdict, string> = {
  false: 'False',
  misleading: 'Misleading',
  unproven: 'Unproven',
  true: 'True',
};

/** Where the public reads a published verdict (served by the public verdict route). */
export function publicVerdictUrl(config: Pick<Config, 'publicBaseUrl'>, claimId: string): string {
  return `${config.publicBaseUrl}/public/verdicts/${claimId}`;
}

/** schema.org ClaimReview (JSON-LD), one object per claim with a published verdict. */
export type ClaimReview = Record<string, unknown> & { '@context': string; '@type': 'ClaimReview' };

/** The ClaimReview of one published claim, with its claimant source (if any) and its case's zone. */
export function claimReviewOf(
  c: ClaimRow,
  claimant: SourceRow | undefined,
  caseZone: string,
  config: Config,
): ClaimReview {
  const appearance = c.appearance_url ? { '@type': 'CreativeWork', url: c.appearance_url } : undefined;
  const itemReviewed: Record<string, unknown> = { '@type': 'Claim' };
  if (claimant) {
    itemReviewed.author = {
      '@type': claimant.kind === 'person' ? 'Person' : 'Organization',
      name: claimant.handle ? `${claimant.name} (${claimant.handle})` : claimant.name,
      ...(claimant.url ? { sameAs: claimant.url } : {}),
    };
  }
  // A first sighting known to the day is a schema.org Date, not a midnight instant.
  const firstSeen = c.first_seen_at
    ? partialOrInstant(c.first_seen_at, c.first_seen_precision, c.first_seen_time_zone ?? caseZone)
    : null;
  if (firstSeen) itemReviewed.datePublished = firstSeen;
  if (appearance) {
    itemReviewed.appearance = [appearance];
    itemReviewed.firstAppearance = { ...appearance, ...(firstSeen ? { datePublished: firstSeen } : {}) };
  }
  const author: Record<string, unknown> = {
    '@type': 'Organization',
    name: c.author_name ?? config.organisationName,
  };
  if (config.organisationUrl) author.url = config.organisationUrl;
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: c.public_url ?? publicVerdictUrl(config, c.id),
    datePublished: isoInstant(c.published_at!),
    author,
    claimReviewed: c.text,
    inLanguage: c.language,
    ...(c.summary ? { reviewBody: c.summary } : {}),
    reviewRating: {
      '@type': 'Rating',
      ratingValue: c.rating,
      bestRating: 5,
      worstRating: 1,
      alternateName: VERDICT_NAME[c.verdict!],
    },
    itemReviewed,
  } satisfies ClaimReview;
}

/** The ClaimReview of every published verdict of a case. */
export async function exportClaimReviews(ctx: Context, scope: CaseScope): Promise<ClaimReview[]> {
  const claims = await ctx.repo(ClaimRepository).listPublished(scope.case.id);
  const byId = await sourcesById(
    ctx,
    scope.case.id,
    claims.flatMap((c) => (c.claimant_source_id ? [c.claimant_source_id] : [])),
  );
  return claims.map((c) =>
    claimReviewOf(
      c,
      c.claimant_source_id ? byId.get(c.claimant_source_id) : undefined,
      scope.case.time_zone,
      ctx.config,
    ),
  );
}

/**
 * The ClaimReview of one claim's verdict: as published, or — before it is — as publishing it now
 * would make it (the reviewer's preview). A claim without a verdict has none.
 */
export async function previewClaimReview(
  ctx: Context,
  scope: CaseScope,
  id: string,
): Promise<{ published: boolean; claimReview: ClaimReview }> {
  const c = await loadClaim(ctx, scope, id);
  if (c.status !== 'verdict' || !c.verdict)
    throw invalid('claim.no_verdict', 'the claim has no verdict yet: there is no ClaimReview to show');
  const published = c.published_at !== null;
  const row: ClaimRow = published
    ? c
    : {
        ...c,
        published_at: ctx.clock.now(),
        public_url: publicVerdictUrl(ctx.config, c.id),
        author_name: ctx.config.organisationName,
      };
  const claimant = c.claimant_source_id
    ? (await sourcesById(ctx, scope.case.id, [c.claimant_source_id])).get(c.claimant_source_id)
    : undefined;
  return { published, claimReview: claimReviewOf(row, claimant, scope.case.time_zone, ctx.config) };
}
