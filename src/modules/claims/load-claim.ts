import type { CaseScope } from '#src/platform/access.ts';
import type { Context } from '#src/platform/context.ts';
import { notFound } from '#src/platform/errors.ts';
import { requireSource } from '#src/modules/casefile/index.ts';
import { ClaimRepository, type ClaimRow } from './claim.repository.ts';
import { presentClaim } from './present.ts';
import type { Claim } from './schemas.ts';

/** A claim of the scope's case, or `claim.not_found`. */
export async function loadClaim(ctx: Context, scope: CaseScope, id: string): Promise<ClaimRow> {
  const c = await ctx.repo(ClaimRepository).get(scope.case.id, id);
  if (!c) throw notFound('claim.not_found', `no claim ${id} in case ${scope.case.slug}`);
  return c;
}

/** A claim as the API shows it, with its evidence. */
export async function claimWithEvidence(ctx: Context, scope: CaseScope, c: ClaimRow): Promise<Claim> {
  return presentClaim(c, scope.case.time_zone, await ctx.repo(ClaimRepository).evidence([c.id]));
}

/** The claimant must be a source of the same case. */
export async function requireClaimant(
  ctx: Context,
  scope: CaseScope,
  sourceId: string | undefined,
): Promise<void> {
  if (sourceId !== undefined) await requireSource(ctx, scope.case.id, sourceId, '/claimantSourceId');
}
