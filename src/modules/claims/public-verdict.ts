import { sourcesById } from '#src/modules/casefile/index.ts';
import { findCase } from '#src/modules/cases/index.ts';
import type { Context } from '#src/platform/context.ts';
import { notFound } from '#src/platform/errors.ts';
import { ClaimRepository, type ClaimRow } from './claim.repository.ts';
import { claimReviewOf, type ClaimReview } from './claimreview.ts';

/**
 * A published verdict as the public may read it at its public URL: its ClaimReview, and the claim
 * it reviews. Nothing else of the case; a claim that is not published (or no longer) is not found.
 */
export async function publishedVerdict(
  ctx: Context,
  claimId: string,
): Promise<{ claim: ClaimRow; review: ClaimReview }> {
  const claim = await ctx.repo(ClaimRepository).findPublished(claimId);
  if (!claim) throw notFound('verdict.not_found', 'no published verdict here');
  const kase = await findCase(ctx, claim.case_id);
  const claimant = claim.claimant_source_id
    ? (await sourcesById(ctx, claim.case_id, [claim.claimant_source_id])).get(claim.claimant_source_id)
    : undefined;
  return { claim, review: claimReviewOf(claim, claimant, kase?.time_zone ?? 'UTC', ctx.config) };
}
