import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { App } from '#src/app.ts';
import { Membership, SetMemberBody, Username } from '#src/schemas/auth.ts';
import { Case, CreateCaseBody, Timeline } from '#src/schemas/case.ts';
import { CaseRef, TimeZone } from '#src/schemas/common.ts';
import { actorOf, scopeOf } from '../plugins/auth.ts';

export const CaseParams = Type.Object({ caseId: CaseRef });

/** Cases, members, the timeline and the ClaimReview export. */
export function caseRoutes(fastify: FastifyInstance, athar: App): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { cases, timeline, claimReview } = athar.services;
  const tags = ['cases'];

  app.get('/api/cases', {
    config: { access: { kind: 'authenticated' } },
    schema: { tags, summary: 'Cases I can see', response: { 200: Type.Object({ cases: Type.Array(Case) }) } },
  }, async (req) => ({ cases: await cases.list(actorOf(req)) }));

  app.post('/api/cases', {
    config: { access: { kind: 'installation_admin' } },
    schema: { tags, summary: 'Create a case (its creator becomes its admin)', body: CreateCaseBody, response: { 201: Case } },
  }, async (req, reply) => reply.status(201).send(await cases.create(actorOf(req), req.body)));

  app.get('/api/cases/:caseId', {
    config: { access: { kind: 'case', permission: 'case.read' } },
    schema: { tags, summary: 'One case', params: CaseParams, response: { 200: Case } },
  }, async (req) => cases.show(scopeOf(req)));

  app.get('/api/cases/:caseId/members', {
    config: { access: { kind: 'case_or_admin', permission: 'case.manage' } },
    schema: { tags, summary: 'Members of a case', params: CaseParams, response: { 200: Type.Object({ members: Type.Array(Membership) }) } },
  }, async (req) => ({ members: await cases.members(scopeOf(req)) }));

  app.post('/api/cases/:caseId/members', {
    config: { access: { kind: 'case_or_admin', permission: 'case.manage' } },
    schema: { tags, summary: 'Add a member or change their role', params: CaseParams, body: SetMemberBody, response: { 200: Membership } },
  }, async (req) => cases.setMember(actorOf(req), scopeOf(req).case.id, req.body.username, req.body.role));

  app.delete('/api/cases/:caseId/members/:username', {
    config: { access: { kind: 'case_or_admin', permission: 'case.manage' } },
    schema: { tags, summary: 'Remove a member', params: Type.Object({ caseId: CaseRef, username: Username }) },
  }, async (req, reply) => {
    await cases.removeMember(actorOf(req), scopeOf(req).case.id, req.params.username);
    return reply.status(204).send();
  });

  app.get('/api/cases/:caseId/timeline', {
    config: { access: { kind: 'case', permission: 'case.read' } },
    schema: {
      tags, summary: 'Every dated thing in the case, in order, rendered in a zone (default: the case zone)', params: CaseParams,
      querystring: Type.Object({ zone: Type.Optional(TimeZone) }, { additionalProperties: false }), response: { 200: Timeline },
    },
  }, async (req) => timeline.build(scopeOf(req), req.query.zone));

  app.get('/api/cases/:caseId/claimreview', {
    config: { access: { kind: 'case', permission: 'case.read' } },
    schema: { tags: ['claims'], summary: 'schema.org ClaimReview JSON-LD for every published verdict', params: CaseParams },
  }, async (req, reply) => {
    const reviews = await claimReview.export(scopeOf(req));
    return reply.type('application/ld+json; charset=utf-8').send(JSON.stringify(reviews));
  });
}
