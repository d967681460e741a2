import { setTimeout as sleep } from 'node:timers/promises';
import { Type } from '@sinclair/typebox';
import { CaseParams } from '#src/modules/cases/index.ts';
import type { Config } from '#src/platform/config.ts';
import type { Router } from '#src/platform/http/router.ts';
import { CaseRef, Uuid } from '#src/platform/schemas.ts';
import {
  addInquiry,
  closeInquiry,
  decideInquiryMatch,
  eraseContact,
  finishTask,
  listInquiries,
  listTasks,
  matchOpenInquiries,
  revealContact,
  showInquiry,
} from './inquiries.ts';
import { ANSWER_MS, filePublicInquiry, openDesks, publicDeskOf, setPublicDesk } from './public-inquiries.ts';
import {
  CloseInquiryBody,
  ContactView,
  CreateInquiryBody,
  InquiryDecisionBody,
  InquiryDetail,
  InquiryListQuery,
  InquiryPage,
  MatchRun,
  PublicDesk,
  PublicDesks,
  PublicInquiryAnswer,
  PublicInquiryBody,
  RegistryTask,
  RegistryTasks,
  RevealContactBody,
} from './schemas.ts';

const ItemParams = Type.Object({ caseId: CaseRef, id: Uuid });
const read = { kind: 'case', permission: 'person.read' } as const;
const write = { kind: 'case', permission: 'person.write' } as const;

/** Family inquiries: the caseworkers' queue, and the public form. */
export function inquiryRoutes(r: Router, config: Pick<Config, 'publicInquiryRateLimit'>): void {
  const I = '/api/cases/:caseId/inquiries';
  r.get(
    I,
    {
      access: read,
      tags: ['inquiries'],
      summary: "A case's inquiries, oldest first, with their waiting and confirmed matches (recorded)",
      params: CaseParams,
      querystring: InquiryListQuery,
      response: InquiryPage,
      transaction: true,
    },
    (ctx, { scope, query }) => listInquiries(ctx, scope, query),
  );
  r.post(
    I,
    {
      access: write,
      tags: ['inquiries'],
      summary: "Record a family's inquiry (contact details sealed); it is matched at once",
      params: CaseParams,
      body: CreateInquiryBody,
      response: InquiryDetail,
      status: 201,
    },
    (ctx, { scope, body }) => addInquiry(ctx, scope, body),
  );
  r.post(
    `${I}/match`,
    {
      access: write,
      tags: ['inquiries'],
      summary: 'Match every open inquiry against the registry again (new suggestions only)',
      params: CaseParams,
      response: MatchRun,
      // Suggestions commit inquiry by inquiry (a long batch holds no transaction).
      transaction: false,
    },
    (ctx, { scope }) => matchOpenInquiries(ctx, scope),
  );
  r.get(
    `${I}/:id`,
    {
      access: read,
      tags: ['inquiries'],
      summary:
        'One inquiry with its suggested matches and tasks (the opening is recorded; no contact details)',
      params: ItemParams,
      response: InquiryDetail,
      transaction: true,
    },
    (ctx, { scope, params }) => showInquiry(ctx, scope, params.id),
  );
  r.post(
    `${I}/:id/contact`,
    {
      access: write,
      tags: ['inquiries'],
      summary: "The requester's contact details, for contacting them (give the reason; recorded)",
      params: ItemParams,
      body: RevealContactBody,
      response: ContactView,
    },
    async (ctx, { scope, params, body }, { reply }) => {
      void reply.header('cache-control', 'no-store');
      return revealContact(ctx, scope, params.id, body.reason);
    },
  );
  r.post(
    `${I}/:id/matches/:personId`,
    {
      access: write,
      tags: ['inquiries'],
      summary:
        "Confirm a suggested match (adds the family's report and a task to contact them) or reject it (remembered)",
      params: Type.Object({ caseId: CaseRef, id: Uuid, personId: Uuid }),
      body: InquiryDecisionBody,
      response: InquiryDetail,
    },
    (ctx, { scope, params, body }) =>
      decideInquiryMatch(ctx, scope, params.id, params.personId, body.decision),
  );
  r.post(
    `${I}/:id/close`,
    {
      access: write,
      tags: ['inquiries'],
      summary: 'Close an inquiry; its contact details are purged after the retention period',
      params: ItemParams,
      body: CloseInquiryBody,
      response: InquiryDetail,
    },
    (ctx, { scope, params, body }) => closeInquiry(ctx, scope, params.id, body.reason),
  );
  r.post(
    `${I}/:id/erase-contact`,
    {
      access: { kind: 'case', permission: 'person.erase' },
      tags: ['inquiries'],
      summary: "Erase the requester's contact details (destroys their key; case admins)",
      params: ItemParams,
      response: InquiryDetail,
    },
    (ctx, { scope, params }) => eraseContact(ctx, scope, params.id),
  );
  const T = '/api/cases/:caseId/registry-tasks';
  r.get(
    T,
    {
      access: read,
      tags: ['inquiries'],
      summary: 'Open tasks: families to contact',
      params: CaseParams,
      response: RegistryTasks,
    },
    (ctx, { scope }) => listTasks(ctx, scope),
  );
  r.post(
    `${T}/:id/done`,
    {
      access: write,
      tags: ['inquiries'],
      summary: 'Mark a task done',
      params: ItemParams,
      response: RegistryTask,
    },
    (ctx, { scope, params }) => finishTask(ctx, scope, params.id),
  );
  r.get(
    '/api/cases/:caseId/public-inquiry-desk',
    {
      access: read,
      tags: ['inquiries'],
      summary: 'Whether the case takes inquiries from the public form',
      params: CaseParams,
      response: PublicDesk,
    },
    (ctx, { scope }) => publicDeskOf(ctx, scope.case.id),
  );
  r.patch(
    '/api/cases/:caseId/public-inquiry-desk',
    {
      access: { kind: 'case', permission: 'case.manage' },
      tags: ['inquiries'],
      summary: 'Open or close the case to inquiries from the public form (case admins)',
      params: CaseParams,
      body: PublicDesk,
      response: PublicDesk,
    },
    (ctx, { scope, body }) => setPublicDesk(ctx, scope.case.id, body.open),
  );
  r.get(
    '/public/inquiry-desks',
    {
      access: { kind: 'public' },
      tags: ['public'],
      summary: 'The inquiry desks that take inquiries from the public form',
      response: PublicDesks,
    },
    (ctx) => openDesks(ctx),
  );
  r.post(
    '/public/inquiries',
    {
      access: { kind: 'public' },
      tags: ['public'],
      summary: 'File an inquiry (no account): always the same answer, in the same time',
      description:
        'The answer never says whether the person named is in the registry: it is the same body, sent no sooner than one second after the request arrived, whatever the inquiry matches (matching runs later). Rate limited per client address.',
      body: PublicInquiryBody,
      response: PublicInquiryAnswer,
      status: 202,
      transaction: false,
      rateLimit: { max: config.publicInquiryRateLimit, timeWindow: '1 hour' },
    },
    async (ctx, { body }, { reply }) => {
      const started = performance.now();
      void reply.header('cache-control', 'no-store');
      try {
        return await filePublicInquiry(ctx, body);
      } finally {
        // Every outcome waits out the same time: its answer tells nothing by when it comes.
        const left = ANSWER_MS - (performance.now() - started);
        if (left > 0) await sleep(left);
      }
    },
  );
}
