import type { SourceUpdated } from '#src/modules/casefile/index.ts';
import type { Context } from '#src/platform/context.ts';
import { ClaimRepository, type ClaimRow } from './claim.repository.ts';

/**
 * What a published ClaimReview shows of a claim (claimReviewed, inLanguage, the Claim's
 * datePublished and appearance, its author) and of its claimant source (name, handle, sameAs, and
 * whether it is a Person or an Organization). A correction that changes any of it withdraws the
 * publication until a reviewer publishes again: what the public reads must be what a reviewer
 * published.
 */
export function publishedFactsOfClaim(
  c: Pick<
    ClaimRow,
    | 'text'
    | 'language'
    | 'appearance_url'
    | 'claimant_source_id'
    | 'first_seen_at'
    | 'first_seen_precision'
    | 'first_seen_time_zone'
  >,
) {
  return {
    text: c.text,
    language: c.language,
    appearanceUrl: c.appearance_url,
    claimantSourceId: c.claimant_source_id,
    firstSeen: c.first_seen_at
      ? `${c.first_seen_at.toISOString()} ${c.first_seen_precision ?? ''} ${c.first_seen_time_zone ?? ''}`
      : null,
  };
}

const CLAIMANT_FACTS = ['kind', 'name', 'handle', 'url'] as const;

/** The names of the facts that differ between two sets of published facts. */
export function changedFacts<T extends Record<string, unknown>>(
  before: T,
  after: T,
  keys: readonly (keyof T & string)[] = Object.keys(before),
): string[] {
  return keys.filter((k) => before[k] !== after[k]);
}

/** Withdraws a claim's publication, recording why. */
export async function withdrawPublication(ctx: Context, c: ClaimRow, because: string): Promise<ClaimRow> {
  const u = await ctx
    .repo(ClaimRepository)
    .update(c.id, { published_at: null, published_by: null, updated_at: ctx.clock.now() });
  ctx.audit({
    action: 'claim.publication_withdrawn',
    entityType: 'claim',
    entityId: c.id,
    caseId: c.case_id,
    before: { publishedAt: c.published_at },
    after: { publishedAt: null, withdrawnBecause: because },
  });
  return u;
}

/** A corrected source withdraws the published verdicts that show it as their claimant, when what they show of it changed. */
export async function onSourceUpdated(ctx: Context, e: SourceUpdated): Promise<void> {
  const changed = changedFacts(e.before, e.after, CLAIMANT_FACTS);
  if (changed.length === 0) return;
  for (const c of await ctx.repo(ClaimRepository).publishedWithClaimant(e.caseId, e.after.id)) {
    await withdrawPublication(ctx, c, `its claimant source was corrected (${changed.join(', ')})`);
  }
}
