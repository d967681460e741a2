import type { Static } from '@sinclair/typebox';
import type { CaseScope } from '#src/platform/access.ts';
import type { Context } from '#src/platform/context.ts';
import { readWhen } from '#src/platform/when.ts';
import { foldClaimText } from './add-claim.ts';
import { ClaimRepository } from './claim.repository.ts';
import { claimWithEvidence, loadClaim, requireClaimant } from './load-claim.ts';
import type { Claim, UpdateClaimBody } from './schemas.ts';

/**
 * Corrects a claim's record. Changing the text of a published claim withdraws the publication:
 * what the public sees must be what a reviewer published.
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
  const textChanged = input.text !== undefined && input.text !== c.text;
  const u = await ctx.repo(ClaimRepository).update(c.id, {
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
    ...(textChanged && c.published_at ? { published_at: null, published_by: null } : {}),
    updated_at: ctx.clock.now(),
  });
  const before = await claimWithEvidence(ctx, scope, c);
  const after = await claimWithEvidence(ctx, scope, u);
  ctx.audit({
    action: 'claim.updated',
    entityType: 'claim',
    entityId: c.id,
    caseId: scope.case.id,
    before,
    after,
  });
  return after;
}
