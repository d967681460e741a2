import type { Static } from '@sinclair/typebox';
import type { CaseScope } from '#src/platform/access.ts';
import type { Context } from '#src/platform/context.ts';
import { invalid } from '#src/platform/errors.ts';
import { readWhen } from '#src/platform/when.ts';
import type { Verdict } from './claim.tables.ts';
import { ClaimRepository } from './claim.repository.ts';
import { publicVerdictUrl } from './claimreview.ts';
import { withdrawPublication } from './publication.ts';
import { claimWithEvidence, loadClaim } from './load-claim.ts';
import type { Claim, VerdictBody } from './schemas.ts';

/** The rating a verdict implies on ClaimReview's 1–5 scale, unless the reviewer sets one. */
const VERDICT_RATING: Record<Verdict, number> = { false: 1, misleading: 2, unproven: 3, true: 5 };

/** unverified → in_review. */
export async function startReview(ctx: Context, scope: CaseScope, id: string): Promise<Claim> {
  const c = await loadClaim(ctx, scope, id);
  if (c.status !== 'unverified')
    throw invalid(
      'claim.bad_transition',
      `the claim is ${c.status}; only an unverified claim goes into review`,
    );
  const u = await ctx
    .repo(ClaimRepository)
    .update(c.id, { status: 'in_review', updated_at: ctx.clock.now() });
  ctx.audit({
    action: 'claim.review_started',
    entityType: 'claim',
    entityId: c.id,
    caseId: scope.case.id,
    before: { status: c.status },
    after: { status: u.status },
  });
  return claimWithEvidence(ctx, scope, u);
}

/**
 * Sets (or revises) a verdict. The claim must have been in review. The rating follows from the
 * verdict unless the reviewer sets one. Revising a published verdict withdraws the publication
 * until it is published again, so nothing public changes unreviewed.
 */
export async function setVerdict(
  ctx: Context,
  scope: CaseScope,
  id: string,
  input: Static<typeof VerdictBody>,
): Promise<Claim> {
  const asOf = input.asOf ? readWhen(input.asOf, scope.case.time_zone, '/asOf') : null;
  const c = await loadClaim(ctx, scope, id);
  if (c.status === 'unverified') {
    throw invalid('claim.verdict_requires_review', 'put the claim in review before giving a verdict', {
      issues: [{ field: '/verdict', message: 'claim is unverified' }],
    });
  }
  const now = ctx.clock.now();
  const u = await ctx.repo(ClaimRepository).update(c.id, {
    status: 'verdict',
    verdict: input.verdict,
    summary: input.summary,
    rating: input.rating ?? VERDICT_RATING[input.verdict],
    rating_overridden: input.rating !== undefined && input.rating !== VERDICT_RATING[input.verdict],
    reviewed_by: ctx.actor.userId,
    reviewed_at: now,
    verdict_as_of: asOf?.at ?? now,
    verdict_as_of_precision: asOf?.precision ?? 'second',
    verdict_as_of_time_zone: asOf?.timeZone ?? null,
    published_at: null,
    published_by: null,
    updated_at: now,
  });
  ctx.audit({
    action: 'claim.verdict_set',
    entityType: 'claim',
    entityId: c.id,
    caseId: scope.case.id,
    before: {
      status: c.status,
      verdict: c.verdict,
      rating: c.rating,
      summary: c.summary,
      publishedAt: c.published_at,
    },
    after: { status: u.status, verdict: u.verdict, rating: u.rating, summary: u.summary, publishedAt: null },
  });
  return claimWithEvidence(ctx, scope, u);
}

/** Publishes the verdict under the configured organisation, at a URL built from the public base URL. */
export async function publishVerdict(ctx: Context, scope: CaseScope, id: string): Promise<Claim> {
  const c = await loadClaim(ctx, scope, id);
  if (c.status !== 'verdict')
    throw invalid('claim.publish_requires_verdict', 'only a claim with a verdict can be published');
  const now = ctx.clock.now();
  const u = await ctx.repo(ClaimRepository).update(c.id, {
    published_at: now,
    published_by: ctx.actor.userId,
    public_url: publicVerdictUrl(ctx.config, c.id),
    author_name: ctx.config.organisationName,
    updated_at: now,
  });
  ctx.audit({
    action: 'claim.published',
    entityType: 'claim',
    entityId: c.id,
    caseId: scope.case.id,
    before: { publishedAt: c.published_at },
    after: { publishedAt: u.published_at, publicUrl: u.public_url, authorName: u.author_name },
  });
  return claimWithEvidence(ctx, scope, u);
}

/** A reviewer takes a published verdict down until one publishes it again; the trail keeps their reason. */
export async function withdrawVerdict(
  ctx: Context,
  scope: CaseScope,
  id: string,
  reason: string,
): Promise<Claim> {
  const c = await loadClaim(ctx, scope, id);
  if (!c.published_at) throw invalid('claim.not_published', 'the verdict is not published');
  return claimWithEvidence(
    ctx,
    scope,
    await withdrawPublication(ctx, c, `withdrawn by a reviewer: ${reason}`),
  );
}
