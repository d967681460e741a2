import { Type } from '@sinclair/typebox';
import { Username } from '#src/modules/accounts/index.ts';
import type { Router } from '#src/platform/http/router.ts';
import { PageQuery } from '#src/platform/pagination.ts';
import { CaseRef } from '#src/platform/schemas.ts';
import { createCase, listCases, showCase, updateCase } from './cases.ts';
import { listMembers, removeMember, setMember } from './members.ts';
import {
  Case,
  CaseParams,
  CasePage,
  CreateCaseBody,
  MemberPage,
  Membership,
  SetMemberBody,
  UpdateCaseBody,
} from './schemas.ts';

const tags = ['cases'];
const managers = { kind: 'case_or_admin', permission: 'case.manage' } as const;

/** Cases and their members. */
export function caseRoutes(r: Router): void {
  r.get(
    '/api/cases',
    {
      access: { kind: 'authenticated' },
      tags,
      summary: 'Cases I can see',
      querystring: PageQuery(),
      response: CasePage,
    },
    (ctx, { query }) => listCases(ctx, query),
  );

  r.post(
    '/api/cases',
    {
      access: { kind: 'installation_admin' },
      tags,
      summary: 'Create a case (its creator becomes its admin)',
      body: CreateCaseBody,
      response: Case,
      status: 201,
    },
    (ctx, { body }) => createCase(ctx, body),
  );

  r.get(
    '/api/cases/:caseId',
    {
      access: { kind: 'case', permission: 'case.read' },
      tags,
      summary: 'One case',
      params: CaseParams,
      response: Case,
    },
    async (_ctx, { scope }) => showCase(scope),
  );

  r.get(
    '/api/cases/:caseId/members',
    {
      access: managers,
      tags,
      summary: 'Members of a case',
      params: CaseParams,
      querystring: PageQuery(),
      response: MemberPage,
    },
    (ctx, { scope, query }) => listMembers(ctx, scope, query),
  );

  r.post(
    '/api/cases/:caseId/members',
    {
      access: managers,
      tags,
      summary: 'Add a member or change their role',
      params: CaseParams,
      body: SetMemberBody,
      response: Membership,
    },
    (ctx, { scope, body }) => setMember(ctx, scope.case.id, body.username, body.role),
  );

  r.delete(
    '/api/cases/:caseId/members/:username',
    {
      access: managers,
      tags,
      summary: 'Remove a member',
      params: Type.Object({ caseId: CaseRef, username: Username }),
      status: 204,
    },
    (ctx, { scope, params }) => removeMember(ctx, scope.case.id, params.username),
  );

  r.patch(
    '/api/cases/:caseId',
    {
      access: managers,
      tags,
      summary: "Correct a case's title, description, time zone or start",
      params: CaseParams,
      body: UpdateCaseBody,
      response: Case,
    },
    (ctx, { scope, body }) => updateCase(ctx, scope, body),
  );
}
