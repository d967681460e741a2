import type { Static } from '@sinclair/typebox';
import { caseIdsOf, caseSlugs } from '#src/modules/cases/index.ts';
import { foldText } from '#src/engines/text/fold.ts';
import type { CaseScope } from '#src/platform/access.ts';
import type { Context } from '#src/platform/context.ts';
import { invalid } from '#src/platform/errors.ts';
import { readWhen } from '#src/platform/when.ts';
import { ClaimRepository } from './claim.repository.ts';
import { claimWithEvidence, requireClaimant } from './load-claim.ts';
import { presentSimilar } from './present.ts';
import type { Claim, SimilarClaim } from './schemas.ts';
import type { CreateClaimBody } from './schemas.ts';

/** How close two claims' folded texts must be to be offered as "already checked?". */
const SIMILAR_MIN_SCORE = 0.3;

/**
 * Claims that read like `folded`: from the cases the actor is a member of, and published verdicts
 * of any case (of those, only what their publication made public).
 */
export async function similarClaims(
  ctx: Context,
  folded: string,
  opts: { excluding?: string; limit?: number } = {},
): Promise<Static<typeof SimilarClaim>[]> {
  const limit = opts.limit ?? 5;
  const mine = await caseIdsOf(ctx, ctx.actor.userId);
  const rows = (
    await ctx
      .repo(ClaimRepository)
      .search(folded, { caseIds: mine, alsoPublished: true, limit: limit + 1, minScore: SIMILAR_MIN_SCORE })
  )
    .filter((r) => r.id !== opts.excluding)
    .slice(0, limit);
  const slugs = await caseSlugs(
    ctx,
    rows.map((r) => r.case_id).filter((id) => mine.includes(id)),
  );
  return rows.map((r) => presentSimilar(r, slugs));
}

/** "Was this rumour already checked?" as someone types it: the similar claims, nothing written. */
export async function similarTo(
  ctx: Context,
  text: string,
  limit = 5,
): Promise<{ similar: Static<typeof SimilarClaim>[] }> {
  const folded = foldText(text);
  return { similar: folded.length === 0 ? [] : await similarClaims(ctx, folded, { limit }) };
}

/** The folded text of a claim, refusing a text with no words. */
export function foldClaimText(text: string): string {
  const folded = foldText(text);
  if (folded.length === 0)
    throw invalid('validation.text', 'the claim has no words', {
      issues: [{ field: '/text', message: 'no letters or digits' }],
    });
  return folded;
}

/**
 * Adds a claim and answers "was this rumour already checked?": similar claims from the actor's
 * cases, and published verdicts from any case (those are public anyway).
 */
export async function addClaim(
  ctx: Context,
  scope: CaseScope,
  input: Static<typeof CreateClaimBody>,
  opts: { isDemo?: boolean; similar?: boolean } = {},
): Promise<{ claim: Claim; similar: Static<typeof SimilarClaim>[] }> {
  const firstSeen = input.firstSeen ? readWhen(input.firstSeen, scope.case.time_zone, '/firstSeen') : null;
  const folded = foldClaimText(input.text);
  await requireClaimant(ctx, scope, input.claimantSourceId);
  const claims = ctx.repo(ClaimRepository);
  const c = await claims.create({
    id: ctx.ids.uuid(),
    case_id: scope.case.id,
    text: input.text,
    text_folded: folded,
    language: input.language,
    first_seen_at: firstSeen?.at ?? null,
    first_seen_precision: firstSeen?.precision ?? null,
    first_seen_time_zone: firstSeen?.timeZone ?? null,
    appearance_url: input.appearanceUrl ?? null,
    claimant_source_id: input.claimantSourceId ?? null,
    is_demo: opts.isDemo ?? false,
  });
  const claim = await claimWithEvidence(ctx, scope, c);
  ctx.audit({
    action: 'claim.created',
    entityType: 'claim',
    entityId: c.id,
    caseId: scope.case.id,
    after: claim,
  });
  // Bulk loading (a generated benchmark case, later imports) asks for no similar claims: the
  // search costs more than the insert.
  const similar = opts.similar === false ? [] : await similarClaims(ctx, folded, { excluding: c.id });
  return { claim, similar };
}
