import type { Static } from '@sinclair/typebox';
import type { CaseScope } from '#src/platform/access.ts';
import type { Context } from '#src/platform/context.ts';
import { invalid } from '#src/platform/errors.ts';
import { cursorCodec, pageSize, presentPage, type PageRequest } from '#src/platform/pagination.ts';
import { foldText } from '#src/engines/text/fold.ts';
import { ClaimRepository } from './claim.repository.ts';
import { claimWithEvidence, loadClaim } from './load-claim.ts';
import { presentClaim, presentSimilar } from './present.ts';
import type { Claim, ClaimCounts, ClaimSearchResult } from './schemas.ts';

export async function getClaim(ctx: Context, scope: CaseScope, id: string): Promise<Claim> {
  return claimWithEvidence(ctx, scope, await loadClaim(ctx, scope, id));
}

const claimCursor = cursorCodec('claims', ['instant', 'uuid']);

/** Claims of a case, newest first. */
export async function listClaims(
  ctx: Context,
  scope: CaseScope,
  q: PageRequest & {
    status?: Claim['status'] | undefined;
    verdict?: NonNullable<Claim['verdict']> | undefined;
    published?: boolean | undefined;
  },
): Promise<{ claims: Claim[]; nextCursor: string | null }> {
  const claims = ctx.repo(ClaimRepository);
  const page = await claims.page(scope.case.id, {
    limit: pageSize(q),
    ...(q.cursor ? { after: claimCursor.decode(q.cursor) } : {}),
    ...(q.status ? { status: q.status } : {}),
    ...(q.verdict ? { verdict: q.verdict } : {}),
    ...(q.published !== undefined ? { published: q.published } : {}),
  });
  const evidence = await claims.evidence(page.rows.map((r) => r.id));
  const { items, nextCursor } = presentPage(
    page,
    claimCursor,
    (c) => [c.created_at, c.id],
    (c) => presentClaim(c, scope.case.time_zone, evidence),
  );
  return { claims: items, nextCursor };
}

/** How many claims are unverified, in review, with a verdict, and with a published verdict. */
export async function countClaims(ctx: Context, scope: CaseScope): Promise<Static<typeof ClaimCounts>> {
  const counts = { unverified: 0, in_review: 0, verdict: 0, published: 0, total: 0 };
  for (const row of await ctx.repo(ClaimRepository).counts(scope.case.id)) {
    counts[row.status] += row.n;
    if (row.published) counts.published += row.n;
    counts.total += row.n;
  }
  return counts;
}

/** Full-text and trigram search within a case, across Arabic and Latin script (folded forms). */
export async function searchClaims(
  ctx: Context,
  scope: CaseScope,
  query: string,
  limit = 20,
): Promise<Static<typeof ClaimSearchResult>> {
  const folded = foldText(query);
  if (folded.length === 0)
    throw invalid('validation.query', 'the query has no words', {
      issues: [{ field: '/q', message: 'no letters or digits' }],
    });
  const rows = await ctx
    .repo(ClaimRepository)
    .search(folded, { caseIds: [scope.case.id], limit, minScore: 0.2 });
  const slugs = new Map([[scope.case.id, scope.case.slug]]);
  return { results: rows.map((r) => presentSimilar(r, slugs)) };
}
