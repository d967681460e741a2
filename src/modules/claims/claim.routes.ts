import { Type } from '@sinclair/typebox';
import { CaseParams } from '#src/modules/cases/index.ts';
import type { Router } from '#src/platform/http/router.ts';
import { jsonForHtml } from '#src/platform/http/safe-output.ts';
import { CaseRef, Uuid } from '#src/platform/schemas.ts';
import { addClaim, similarTo } from './add-claim.ts';
import { exportClaimReviews, previewClaimReview } from './claimreview.ts';
import { addEvidence, removeEvidence, updateEvidence } from './evidence.ts';
import { countClaims, getClaim, listClaims, searchClaims } from './read-claims.ts';
import {
  AddEvidenceBody,
  Claim,
  ClaimCounts,
  ClaimListQuery,
  ClaimReviewPreview,
  ClaimPage,
  ClaimSearchQuery,
  ClaimSearchResult,
  CreateClaimBody,
  CreatedClaim,
  UpdateClaimBody,
  VerdictBody,
  UpdateEvidenceBody,
  SimilarQuery,
  SimilarResult,
  WithdrawBody,
} from './schemas.ts';
import { updateClaim } from './update-claim.ts';
import { publishVerdict, setVerdict, startReview, withdrawVerdict } from './verdicts.ts';

const ClaimParams = Type.Object({ caseId: CaseRef, claimId: Uuid });
const tags = ['claims'];
const read = { kind: 'case', permission: 'case.read' } as const;
const write = { kind: 'case', permission: 'case.write' } as const;
const review = { kind: 'case', permission: 'claim.review' } as const;

/** Claims, their evidence and the verdict workflow: unverified → in_review → verdict → published. */
export function claimRoutes(r: Router): void {
  const C = '/api/cases/:caseId/claims';
  r.get(
    C,
    {
      access: read,
      tags,
      summary: 'Claims, newest first (cursor pagination); by status, verdict, published or not',
      params: CaseParams,
      querystring: ClaimListQuery,
      response: ClaimPage,
    },
    (ctx, { scope, query }) => listClaims(ctx, scope, query),
  );

  r.post(
    C,
    {
      access: write,
      tags,
      summary: 'Add a claim; answers with similar claims already in the installation',
      params: CaseParams,
      body: CreateClaimBody,
      response: CreatedClaim,
      status: 201,
    },
    (ctx, { scope, body }) => addClaim(ctx, scope, body),
  );

  r.get(
    `${C}/search`,
    {
      access: read,
      tags,
      summary: 'Full-text and trigram search (Arabic and Latin)',
      params: CaseParams,
      querystring: ClaimSearchQuery,
      response: ClaimSearchResult,
    },
    (ctx, { scope, query }) => searchClaims(ctx, scope, query.q, query.limit),
  );

  r.get(
    `${C}/counts`,
    {
      access: read,
      tags,
      summary: 'How many claims are in each status, and how many verdicts are published',
      params: CaseParams,
      response: ClaimCounts,
    },
    (ctx, { scope }) => countClaims(ctx, scope),
  );

  r.get(
    `${C}/:claimId/claimreview`,
    {
      access: read,
      tags,
      summary: "The claim's ClaimReview: as published, or as publishing it now would make it (preview)",
      params: ClaimParams,
      response: ClaimReviewPreview,
    },
    (ctx, { scope, params }) => previewClaimReview(ctx, scope, params.claimId),
  );

  r.get(
    `${C}/:claimId`,
    { access: read, tags, summary: 'One claim with its evidence', params: ClaimParams, response: Claim },
    (ctx, { scope, params }) => getClaim(ctx, scope, params.claimId),
  );

  r.patch(
    `${C}/:claimId`,
    {
      access: write,
      tags,
      summary:
        'Correct a claim (text, language, first seen, appearance, claimant); a changed text withdraws a publication',
      params: ClaimParams,
      body: UpdateClaimBody,
      response: Claim,
    },
    (ctx, { scope, params, body }) => updateClaim(ctx, scope, params.claimId, body),
  );

  r.post(
    `${C}/:claimId/review`,
    {
      access: write,
      tags,
      summary: 'Start reviewing a claim (unverified → in_review)',
      params: ClaimParams,
      response: Claim,
    },
    (ctx, { scope, params }) => startReview(ctx, scope, params.claimId),
  );

  r.post(
    `${C}/:claimId/verdict`,
    {
      access: review,
      tags,
      summary: 'Set or revise the verdict (reviewers)',
      params: ClaimParams,
      body: VerdictBody,
      response: Claim,
    },
    (ctx, { scope, params, body }) => setVerdict(ctx, scope, params.claimId, body),
  );

  r.post(
    `${C}/:claimId/publish`,
    { access: review, tags, summary: 'Publish the verdict', params: ClaimParams, response: Claim },
    (ctx, { scope, params }) => publishVerdict(ctx, scope, params.claimId),
  );

  r.post(
    `${C}/:claimId/evidence`,
    {
      access: write,
      tags,
      summary: 'Link evidence (statement, sweep, figure) with a stance',
      params: ClaimParams,
      body: AddEvidenceBody,
      response: Claim,
    },
    (ctx, { scope, params, body }) => addEvidence(ctx, scope, params.claimId, body),
  );

  r.post(
    `${C}/:claimId/withdraw`,
    {
      access: review,
      tags,
      summary: 'Withdraw a published verdict (reviewers), with the reason',
      params: ClaimParams,
      body: WithdrawBody,
      response: Claim,
    },
    (ctx, { scope, params, body }) => withdrawVerdict(ctx, scope, params.claimId, body.reason),
  );

  r.get(
    '/api/claims/similar',
    {
      access: { kind: 'authenticated' },
      tags,
      summary:
        'Claims that read like a text (your cases, and published verdicts): "was this rumour already checked?"',
      querystring: SimilarQuery,
      response: SimilarResult,
    },
    (ctx, { query }) => similarTo(ctx, query.q, query.limit),
  );

  const EvidenceParams = Type.Object({ caseId: CaseRef, claimId: Uuid, evidenceId: Uuid });
  r.patch(
    `${C}/:claimId/evidence/:evidenceId`,
    {
      access: write,
      tags,
      summary: 'Correct the stance or note of linked evidence',
      params: EvidenceParams,
      body: UpdateEvidenceBody,
      response: Claim,
    },
    (ctx, { scope, params, body }) => updateEvidence(ctx, scope, params.claimId, params.evidenceId, body),
  );

  r.delete(
    `${C}/:claimId/evidence/:evidenceId`,
    {
      access: write,
      tags,
      summary: 'Unlink evidence from a claim (the record itself stays)',
      params: EvidenceParams,
      status: 204,
    },
    (ctx, { scope, params }) => removeEvidence(ctx, scope, params.claimId, params.evidenceId),
  );

  r.get(
    '/api/cases/:caseId/claimreview',
    {
      access: read,
      tags,
      summary: 'schema.org ClaimReview JSON-LD for every published verdict',
      params: CaseParams,
    },
    async (ctx, { scope }, { reply }) => {
      void reply.type('application/ld+json; charset=utf-8');
      return jsonForHtml(await exportClaimReviews(ctx, scope));
    },
  );
}
