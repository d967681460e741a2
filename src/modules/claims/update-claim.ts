import type { Static } from '@sinclair/typebox';
import type { CaseScope } from '#src/platform/access.ts';
import type { Context } from '#src/platform/context.ts';
import { readWhen } from '#src/platform/when.ts';
import { foldClaimText } from './add-claim.ts';
import { ClaimRepository } from './claim.repository.ts';
import { claimWithEvidence, loadClaim, requireClaimant } from './load-claim.ts';
import { changedFacts, publishedFactsOfClaim, withdrawPublication } from './publication.ts';
import type { Claim, UpdateClaimBody } from './schemas.ts';

/**
 * Corrects a claim's record. A correction that changes what its published ClaimReview shows (the
 * text, language, first sighting, appearance or claimant) withdraws the publication until a
 * reviewer publishes again: what the public sees must be what a reviewer published.
 */
export async function updateClaim(
  ctx: Context,
  scope: CaseScope,
  id: string,
  input: Static<typeof UpdateClaimBody>,
): Promise<Claim> {
  const firstSeen = input.firstSeen ? readWhen(input.firstSeen, scope.case.time_zone, '/firstSeen') : null;
  const folded = input.text !== undefined ? foldClaimText(input.text) : null;
  const c = await loadClaim(ctx, scope, id);
  await requireClaimant(ctx, scope, input.claimantSourceId);
  let u = await ctx.repo(ClaimRepository).update(c.id, {
    ...(input.text !== undefined ? { text: input.text, text_folded: folded! } : {}),
    ...(input.language !== undefined ? { language: input.language } : {}),
    ...(firstSeen
      ? {
          first_seen_at: firstSeen.at,
          first_seen_precision: firstSeen.precision,
          first_seen_time_zone: firstSeen.timeZone,
        }
      : {}),
    ...(input.appearanceUrl !== undefined ? { appearance_url: input.appearanceUrl } : {}),
    ...(input.claimantSourceId !== undefined ? { claimant_source_id: input.claimantSourceId } : {}),
    updated_at: ctx.clock.now(),
  });
  const before = await claimWithEvidence(ctx, scope, c);
  ctx.audit({
    action: 'claim.updated',
    entityType: 'claim',
    entityId: c.id,
    caseId: scope.case.id,
    before,
    after: await claimWithEvidence(ctx, scope, u),
  });
  const changed = changedFacts(publishedFactsOfClaim(c), publishedFactsOfClaim(u));
  if (c.published_at && changed.length > 0)
    u = await withdrawPublication(ctx, u, `the published claim was corrected (${changed.join(', ')})`);
  return claimWithEvidence(ctx, scope, u);
}
