import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { App } from '#src/app.ts';
import {
  AddEvidenceBody, Claim, ClaimListQuery, ClaimPage, ClaimSearchQuery, ClaimSearchResult, CreateClaimBody, CreatedClaim, UpdateClaimBody, VerdictBody,
} from '#src/schemas/claim.ts';
import { CaseRef, Uuid } from '#src/schemas/common.ts';
import { actorOf, scopeOf } from '../plugins/auth.ts';
import { CaseParams } from './cases.routes.ts';

const ClaimParams = Type.Object({ caseId: CaseRef, claimId: Uuid });
const tags = ['claims'];

/** Claims, their evidence and the verdict workflow: unverified → in_review → verdict → published. */
export function claimRoutes(fastify: FastifyInstance, athar: App): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { claims } = athar.services;

  app.get('/api/cases/:caseId/claims', {
    config: { access: { kind: 'case', permission: 'case.read' } },
    schema: { tags, summary: 'Claims, newest first (cursor pagination)', params: CaseParams, querystring: ClaimListQuery, response: { 200: ClaimPage } },
  }, async (req) => claims.list(scopeOf(req), req.query));

  app.post('/api/cases/:caseId/claims', {
    config: { access: { kind: 'case', permission: 'case.write' } },
    schema: { tags, summary: 'Add a claim; answers with similar claims already in the installation', params: CaseParams, body: CreateClaimBody, response: { 201: CreatedClaim } },
  }, async (req, reply) => reply.status(201).send(await claims.add(actorOf(req), scopeOf(req), req.body)));

  app.get('/api/cases/:caseId/claims/search', {
    config: { access: { kind: 'case', permission: 'case.read' } },
    schema: { tags, summary: 'Full-text and trigram search (Arabic and Latin)', params: CaseParams, querystring: ClaimSearchQuery, response: { 200: ClaimSearchResult } },
  }, async (req) => claims.search(scopeOf(req), req.query.q, req.query.limit));

  app.get('/api/cases/:caseId/claims/:claimId', {
    config: { access: { kind: 'case', permission: 'case.read' } },
    schema: { tags, summary: 'One claim with its evidence', params: ClaimParams, response: { 200: Claim } },
  }, async (req) => claims.get(scopeOf(req), req.params.claimId));

  app.patch('/api/cases/:caseId/claims/:claimId', {
    config: { access: { kind: 'case', permission: 'case.write' } },
    schema: { tags, summary: 'Correct a claim (text, language, first seen, appearance, claimant); a changed text withdraws a publication', params: ClaimParams, body: UpdateClaimBody, response: { 200: Claim } },
  }, async (req) => claims.update(actorOf(req), scopeOf(req), req.params.claimId, req.body));

  app.post('/api/cases/:caseId/claims/:claimId/review', {
    config: { access: { kind: 'case', permission: 'case.write' } },
    schema: { tags, summary: 'Start reviewing a claim (unverified → in_review)', params: ClaimParams, response: { 200: Claim } },
  }, async (req) => claims.startReview(actorOf(req), scopeOf(req), req.params.claimId));

  app.post('/api/cases/:caseId/claims/:claimId/verdict', {
    config: { access: { kind: 'case', permission: 'claim.review' } },
    schema: { tags, summary: 'Set or revise the verdict (reviewers)', params: ClaimParams, body: VerdictBody, response: { 200: Claim } },
  }, async (req) => claims.setVerdict(actorOf(req), scopeOf(req), req.params.claimId, req.body));

  app.post('/api/cases/:caseId/claims/:claimId/publish', {
    config: { access: { kind: 'case', permission: 'claim.review' } },
    schema: { tags, summary: 'Publish the verdict', params: ClaimParams, response: { 200: Claim } },
  }, async (req) => claims.publish(actorOf(req), scopeOf(req), req.params.claimId));

  app.post('/api/cases/:caseId/claims/:claimId/evidence', {
    config: { access: { kind: 'case', permission: 'case.write' } },
    schema: { tags, summary: 'Link evidence (statement, sweep, figure) with a stance', params: ClaimParams, body: AddEvidenceBody, response: { 200: Claim } },
  }, async (req) => claims.addEvidence(actorOf(req), scopeOf(req), req.params.claimId, req.body));
}
