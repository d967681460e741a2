import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken, createUser } from '#src/modules/accounts/index.ts';
import { setMember } from '#src/modules/cases/index.ts';
import { deskFiles } from '#src/modules/desk/index.ts';
import type { Actor } from '#src/platform/context.ts';
import { ffmpeg } from '#test/support/media.ts';
import { startTestAuthority, type TestAuthority } from '#test/support/tsa.ts';
import { testEnv, type TestEnv } from './harness.ts';

/**
 * The role × route matrix. Every route the server registers must have a row here saying who
 * may call it; a new route without a row (or without an access rule) fails this test. Each
 * row also says how to call the route with a valid request, so that the access decision —
 * not validation or a missing id — decides the outcome.
 */

const WHO = [
  'anonymous',
  'outsider',
  'viewer',
  'caseworker',
  'editor',
  'reviewer',
  'caseAdmin',
  'installationAdmin',
  'localAdmin',
] as const;
type Who = (typeof WHO)[number];

const EVERYONE: readonly Who[] = WHO;
const SIGNED_IN: readonly Who[] = WHO.filter((w) => w !== 'anonymous');
const INSTALLATION_ADMINS: readonly Who[] = ['installationAdmin', 'localAdmin'];
const CASE_READERS: readonly Who[] = [
  'viewer',
  'caseworker',
  'editor',
  'reviewer',
  'caseAdmin',
  'localAdmin',
];
const CASE_WRITERS: readonly Who[] = ['editor', 'reviewer', 'caseAdmin', 'localAdmin'];
const REVIEWERS: readonly Who[] = ['reviewer', 'caseAdmin', 'localAdmin'];
const CASE_MANAGERS: readonly Who[] = ['caseAdmin', 'installationAdmin', 'localAdmin'];
/** audit.read, person.export: the case's admins. */
const CASE_AUDITORS: readonly Who[] = ['caseAdmin', 'localAdmin'];
/** media.export: those who collect evidence and the case's admins (src/platform/access.ts). */
const EXPORTERS: readonly Who[] = ['editor', 'reviewer', 'caseAdmin', 'localAdmin'];
/** person.read / person.write: the registry is the caseworkers' and the case admins' alone. */
const PERSON_KEEPERS: readonly Who[] = ['caseworker', 'caseAdmin', 'localAdmin'];
/** Members of the demo case (the local administrator loaded it, so it is its admin). */
const MEMBERS: readonly Who[] = ['viewer', 'caseworker', 'editor', 'reviewer', 'caseAdmin', 'localAdmin'];

const CASE = 'sednaya-2024';
const C = `/api/cases/${CASE}`;

interface Call {
  url: string;
  payload?: unknown;
  headers?: Record<string, string>;
}
interface Row {
  allowed: readonly Who[];
  call: (who: Who) => Call | Promise<Call>;
}

let env: TestEnv;
let headers: Record<Who, Record<string, string>>;
let local: Actor;
let ids: {
  source: string;
  statement: string;
  place: string;
  claim: string;
  sweep: string;
  figure: string;
  published: string;
};
const OCTET = { 'content-type': 'application/octet-stream' };
/** A processed picture and a processed copy of it (matched), for the media routes. */
const media = {
  picture: Buffer.alloc(0),
  item: '',
  copy: '',
  webCapture: '',
  pageUrl: '',
  stamp: '',
  video: '',
};
/** An RFC 3161 authority made with openssl for the trusted-time routes. */
let tsa: TestAuthority | null = null;
/** A web server on loopback for the URL capture routes (the matrix's env allows private addresses). */
let web: http.Server | null = null;
let n = 0;
const unique = (p: string) => `${p}-${++n}`;

const passwords: Partial<Record<Who, string>> = {};
const usernames: Record<Who, string | null> = {
  anonymous: null,
  outsider: 'outsider',
  viewer: 'viewer',
  caseworker: 'caseworker',
  editor: 'editor',
  reviewer: 'reviewer',
  caseAdmin: 'case-admin',
  installationAdmin: 'installation-admin',
  localAdmin: 'admin',
};

async function newClaim(): Promise<string> {
  const r = await env.request('POST', `${C}/claims`, env.admin, {
    text: `claim for the access matrix ${unique('c')}`,
    language: 'en',
  });
  expect(r.status).toBe(201);
  return r.body.claim.id as string;
}
async function claimInReview(): Promise<string> {
  const id = await newClaim();
  expect((await env.request('POST', `${C}/claims/${id}/review`)).status).toBe(200);
  return id;
}
/** A claim with one statement linked as evidence: the claim and the link. */
async function claimWithEvidence(): Promise<{ claim: string; evidence: string }> {
  const claim = await newClaim();
  const r = await env.request('POST', `${C}/claims/${claim}/evidence`, env.admin, {
    stance: 'context',
    targetType: 'statement',
    targetId: ids.statement,
  });
  expect(r.status).toBe(200);
  return { claim, evidence: r.body.evidence[0].id as string };
}

async function claimWithVerdict(): Promise<string> {
  const id = await claimInReview();
  expect(
    (
      await env.request('POST', `${C}/claims/${id}/verdict`, env.admin, {
        verdict: 'unproven',
        summary: 'not shown',
      })
    ).status,
  ).toBe(200);
  return id;
}

/**
 * An upload begun by this user (an upload is its creator's alone); for a role that may not begin
 * one, an id that exists nowhere, so that the access rule — not the lookup — refuses it.
 */
async function uploadOf(who: Who): Promise<string> {
  const r = await env.request('POST', `${C}/media/uploads`, headers[who], { size: 3, name: 'u.bin' });
  return r.status === 201 ? (r.body as { id: string }).id : '00000000-0000-4000-8000-000000000000';
}

const registry = { person: '', list: '' };

/** A release list made by this caller (one whose line 1 offers the fixture person), or an id that exists nowhere. */
async function listOf(who: Who): Promise<string> {
  const r = await env.request(
    'POST',
    `${C}/release-lists?title=Own%20list`,
    { ...headers[who], ...OCTET },
    Buffer.from('Fictional Person\n'),
  );
  return r.status === 201 ? (r.body as { id: string }).id : '00000000-0000-4000-8000-000000000000';
}

const INQUIRY = {
  names: { lat: { given: 'Fictional', family: 'Person' } },
  relation: 'cousin',
  contact: { phone: '+000 0000 0000' },
  consent: { processing: true },
};
const NOWHERE = '00000000-0000-4000-8000-000000000000';

/** An inquiry filed by this caller (suggesting the fixture person), or an id that exists nowhere. */
async function inquiryOf(who: Who): Promise<string> {
  const r = await env.request('POST', `${C}/inquiries`, headers[who], INQUIRY);
  return r.status === 201 ? (r.body as { id: string }).id : NOWHERE;
}

/** An open task of this caller's own (a confirmed inquiry), or an id that exists nowhere. */
async function taskOf(who: Who): Promise<string> {
  const id = await inquiryOf(who);
  if (id === NOWHERE) return NOWHERE;
  const r = await env.request('POST', `${C}/inquiries/${id}/matches/${registry.person}`, headers[who], {
    decision: 'confirm',
  });
  return (r.body as { tasks: { id: string }[] }).tasks[0]!.id;
}

/** An inquiry made by a case admin, for the routes a caseworker may not call (erasure). */
async function adminInquiry(): Promise<string> {
  const r = await env.request('POST', `${C}/inquiries`, env.admin, INQUIRY);
  return (r.body as { id: string }).id;
}

/** A person recorded by this caller (to link), or an id that exists nowhere. */
async function personOf(who: Who): Promise<string> {
  const r = await env.request('POST', `${C}/persons`, headers[who], {
    names: { lat: { given: 'Linked', family: 'Record' } },
  });
  return r.status === 201 ? (r.body as { id: string }).id : NOWHERE;
}

/** A person linked (by a case admin) to the fixture person, to unlink. */
async function linkedOf(who: Who): Promise<string> {
  void who;
  const id = await personOf('localAdmin');
  const r = await env.request('POST', `${C}/persons/${id}/links`, env.admin, {
    personId: registry.person,
    kind: 'possible_duplicate',
    certainty: 'reported',
  });
  expect(r.status).toBe(201);
  return id;
}

const TABLE: Record<string, Row> = {
  'GET /api/cases/:caseId/inquiries': { allowed: PERSON_KEEPERS, call: () => ({ url: `${C}/inquiries` }) },
  'POST /api/cases/:caseId/inquiries': {
    allowed: PERSON_KEEPERS,
    call: () => ({ url: `${C}/inquiries`, payload: INQUIRY }),
  },
  'POST /api/cases/:caseId/inquiries/match': {
    allowed: PERSON_KEEPERS,
    call: () => ({ url: `${C}/inquiries/match` }),
  },
  'GET /api/cases/:caseId/inquiries/:id': {
    allowed: PERSON_KEEPERS,
    call: async () => ({ url: `${C}/inquiries/${await adminInquiry()}` }),
  },
  'POST /api/cases/:caseId/inquiries/:id/contact': {
    allowed: PERSON_KEEPERS,
    call: async () => ({
      url: `${C}/inquiries/${await adminInquiry()}/contact`,
      payload: { reason: 'the matrix asks' },
    }),
  },
  'POST /api/cases/:caseId/inquiries/:id/matches/:personId': {
    allowed: PERSON_KEEPERS,
    call: async (who) => ({
      url: `${C}/inquiries/${await inquiryOf(who)}/matches/${registry.person}`,
      payload: { decision: 'reject' },
    }),
  },
  'POST /api/cases/:caseId/inquiries/:id/close': {
    allowed: PERSON_KEEPERS,
    call: async (who) => ({
      url: `${C}/inquiries/${await inquiryOf(who)}/close`,
      payload: { reason: 'matrix' },
    }),
  },
  'POST /api/cases/:caseId/inquiries/:id/erase-contact': {
    allowed: CASE_AUDITORS,
    call: async () => ({ url: `${C}/inquiries/${await adminInquiry()}/erase-contact` }),
  },
  'GET /api/cases/:caseId/registry-tasks': {
    allowed: PERSON_KEEPERS,
    call: () => ({ url: `${C}/registry-tasks` }),
  },
  'POST /api/cases/:caseId/registry-tasks/:id/done': {
    allowed: PERSON_KEEPERS,
    call: async (who) => ({ url: `${C}/registry-tasks/${await taskOf(who)}/done` }),
  },
  'GET /api/cases/:caseId/public-inquiry-desk': {
    allowed: PERSON_KEEPERS,
    call: () => ({ url: `${C}/public-inquiry-desk` }),
  },
  'PATCH /api/cases/:caseId/public-inquiry-desk': {
    allowed: CASE_AUDITORS,
    call: () => ({ url: `${C}/public-inquiry-desk`, payload: { open: true } }),
  },
  'GET /public/inquiry-desks': { allowed: EVERYONE, call: () => ({ url: '/public/inquiry-desks' }) },
  'POST /public/inquiries': {
    allowed: EVERYONE,
    call: () => ({ url: '/public/inquiries', payload: { case: CASE, ...INQUIRY } }),
  },
  'GET /api/cases/:caseId/persons': { allowed: PERSON_KEEPERS, call: () => ({ url: `${C}/persons` }) },
  'POST /api/cases/:caseId/persons': {
    allowed: PERSON_KEEPERS,
    call: () => ({ url: `${C}/persons`, payload: { names: { lat: { given: 'Matrix' } } } }),
  },
  'POST /api/cases/:caseId/persons/import': {
    allowed: PERSON_KEEPERS,
    call: () => ({
      url: `${C}/persons/import?dryRun=true`,
      payload: Buffer.from('given_name,family_name\nFictional,Person\n'),
      headers: OCTET,
    }),
  },
  'POST /api/cases/:caseId/persons/export': {
    allowed: CASE_AUDITORS,
    call: () => ({ url: `${C}/persons/export`, payload: { format: 'json' } }),
  },
  'POST /api/cases/:caseId/release-lists': {
    allowed: PERSON_KEEPERS,
    call: () => ({
      url: `${C}/release-lists?title=Matrix%20list`,
      payload: Buffer.from('Fictional Person\n'),
      headers: OCTET,
    }),
  },
  'GET /api/cases/:caseId/release-lists': {
    allowed: PERSON_KEEPERS,
    call: () => ({ url: `${C}/release-lists` }),
  },
  'GET /api/cases/:caseId/release-lists/:id': {
    allowed: PERSON_KEEPERS,
    call: () => ({ url: `${C}/release-lists/${registry.list}` }),
  },
  'POST /api/cases/:caseId/release-lists/:id/lines/:line/decision': {
    allowed: PERSON_KEEPERS,
    // A reject of the list's one candidate; decided once, so each allowed caller has its own list.
    call: async (who) => ({
      url: `${C}/release-lists/${await listOf(who)}/lines/1/decision`,
      payload: { personId: registry.person, decision: 'reject' },
    }),
  },
  'GET /api/cases/:caseId/persons/search': {
    allowed: PERSON_KEEPERS,
    call: () => ({ url: `${C}/persons/search?q=Fictional%20Person` }),
  },
  'GET /api/cases/:caseId/persons/:id': {
    allowed: PERSON_KEEPERS,
    call: () => ({ url: `${C}/persons/${registry.person}` }),
  },
  'PATCH /api/cases/:caseId/persons/:id': {
    allowed: PERSON_KEEPERS,
    call: () => ({ url: `${C}/persons/${registry.person}`, payload: { description: 'checked' } }),
  },
  'POST /api/cases/:caseId/persons/:id/events': {
    allowed: PERSON_KEEPERS,
    call: () => ({
      url: `${C}/persons/${registry.person}/events`,
      payload: { kind: 'seen', certainty: 'reported' },
    }),
  },
  'GET /api/cases/:caseId/persons/:id/links': {
    allowed: PERSON_KEEPERS,
    call: () => ({ url: `${C}/persons/${registry.person}/links` }),
  },
  'POST /api/cases/:caseId/persons/:id/links': {
    allowed: PERSON_KEEPERS,
    call: async (who) => ({
      url: `${C}/persons/${await personOf(who)}/links`,
      payload: { personId: registry.person, kind: 'possible_duplicate', certainty: 'reported' },
    }),
  },
  'DELETE /api/cases/:caseId/persons/:id/links/:otherId': {
    allowed: PERSON_KEEPERS,
    call: async (who) => ({ url: `${C}/persons/${await linkedOf(who)}/links/${registry.person}` }),
  },
  'GET /api/persons/:id': {
    allowed: PERSON_KEEPERS,
    call: () => ({ url: `/api/persons/${registry.person}` }),
  },
  'GET /': { allowed: EVERYONE, call: () => ({ url: '/' }) },
  'GET /healthz': { allowed: EVERYONE, call: () => ({ url: '/healthz' }) },
  'GET /readyz': { allowed: EVERYONE, call: () => ({ url: '/readyz' }) },
  'GET /api/openapi.json': { allowed: EVERYONE, call: () => ({ url: '/api/openapi.json' }) },
  'GET /api/docs': { allowed: EVERYONE, call: () => ({ url: '/api/docs' }) },
  'GET /api/docs/static/index.html': {
    allowed: EVERYONE,
    call: () => ({ url: '/api/docs/static/index.html' }),
  },
  'GET /api/docs/static/swagger-initializer.js': {
    allowed: EVERYONE,
    call: () => ({ url: '/api/docs/static/swagger-initializer.js' }),
  },
  'GET /api/docs/json': { allowed: EVERYONE, call: () => ({ url: '/api/docs/json' }) },
  'GET /api/docs/yaml': { allowed: EVERYONE, call: () => ({ url: '/api/docs/yaml' }) },
  'GET /api/docs/static/*': { allowed: EVERYONE, call: () => ({ url: '/api/docs/static/swagger-ui.css' }) },

  'POST /api/auth/login': {
    allowed: EVERYONE,
    call: () => ({
      url: '/api/auth/login',
      payload: { username: 'login-target', password: 'login-target password long' },
    }),
  },
  'POST /api/auth/logout': { allowed: SIGNED_IN, call: () => ({ url: '/api/auth/logout' }) },
  'GET /api/auth/me': { allowed: SIGNED_IN, call: () => ({ url: '/api/auth/me' }) },
  'POST /api/auth/password': {
    allowed: SIGNED_IN,
    call: (who) => {
      const current = passwords[who] ?? 'not a password at all';
      const next = `${current} changed`;
      passwords[who] = next;
      return { url: '/api/auth/password', payload: { currentPassword: current, newPassword: next } };
    },
  },
  'GET /api/users': { allowed: INSTALLATION_ADMINS, call: () => ({ url: '/api/users' }) },
  'POST /api/users': {
    allowed: INSTALLATION_ADMINS,
    call: () => ({
      url: '/api/users',
      payload: { username: unique('new-user'), password: 'a long enough password' },
    }),
  },
  'POST /api/users/:username/disable': {
    allowed: INSTALLATION_ADMINS,
    call: () => ({ url: '/api/users/disable-target/disable' }),
  },
  'POST /api/users/:username/reset-password': {
    allowed: INSTALLATION_ADMINS,
    call: () => ({ url: '/api/users/reset-target/reset-password' }),
  },
  'GET /api/tokens': { allowed: SIGNED_IN, call: () => ({ url: '/api/tokens' }) },
  'POST /api/tokens': {
    allowed: SIGNED_IN,
    call: () => ({ url: '/api/tokens', payload: { name: 'matrix' } }),
  },
  'POST /api/tokens/:id/revoke': {
    allowed: SIGNED_IN,
    // Each caller revokes a token of its own (a stranger's token is "not found" for non-admins).
    call: async (who) => {
      const t = await env.run(local, (ctx) =>
        createToken(ctx, { name: 'to revoke', username: usernames[who] ?? 'outsider' }),
      );
      return { url: `/api/tokens/${t.token.id}/revoke` };
    },
  },

  'GET /api/cases': { allowed: SIGNED_IN, call: () => ({ url: '/api/cases' }) },
  'POST /api/cases': {
    allowed: INSTALLATION_ADMINS,
    call: () => ({
      url: '/api/cases',
      payload: { slug: unique('matrix-case'), title: 'Matrix case', timeZone: 'UTC' },
    }),
  },
  'GET /api/cases/:caseId': { allowed: CASE_READERS, call: () => ({ url: C }) },
  'GET /api/cases/:caseId/members': { allowed: CASE_MANAGERS, call: () => ({ url: `${C}/members` }) },
  'POST /api/cases/:caseId/members': {
    allowed: CASE_MANAGERS,
    call: () => ({ url: `${C}/members`, payload: { username: 'bystander', role: 'viewer' } }),
  },
  'DELETE /api/cases/:caseId/members/:username': {
    allowed: CASE_MANAGERS,
    call: async () => {
      await env.run(local, (ctx) => setMember(ctx, CASE, 'leaver', 'viewer'));
      return { url: `${C}/members/leaver` };
    },
  },
  'GET /api/cases/:caseId/timeline': { allowed: CASE_READERS, call: () => ({ url: `${C}/timeline` }) },
  'GET /api/cases/:caseId/claimreview': { allowed: CASE_READERS, call: () => ({ url: `${C}/claimreview` }) },
  'GET /api/cases/:caseId/sources': { allowed: CASE_READERS, call: () => ({ url: `${C}/sources` }) },
  'POST /api/cases/:caseId/sources': {
    allowed: CASE_WRITERS,
    call: () => ({ url: `${C}/sources`, payload: { kind: 'outlet', name: unique('outlet') } }),
  },
  'PATCH /api/cases/:caseId/sources/:id': {
    allowed: CASE_WRITERS,
    call: () => ({ url: `${C}/sources/${ids.source}`, payload: { description: unique('corrected') } }),
  },
  'GET /api/cases/:caseId/statements': { allowed: CASE_READERS, call: () => ({ url: `${C}/statements` }) },
  'POST /api/cases/:caseId/statements': {
    allowed: CASE_WRITERS,
    call: () => ({
      url: `${C}/statements`,
      payload: { sourceId: ids.source, text: 'said something', language: 'en', stated: { at: '2024-12-09' } },
    }),
  },
  'PATCH /api/cases/:caseId/statements/:id': {
    allowed: CASE_WRITERS,
    call: () => ({ url: `${C}/statements/${ids.statement}`, payload: { quote: unique('quote') } }),
  },
  'GET /api/cases/:caseId/places': { allowed: CASE_READERS, call: () => ({ url: `${C}/places` }) },
  'POST /api/cases/:caseId/places': {
    allowed: CASE_WRITERS,
    call: () => ({
      url: `${C}/places`,
      payload: { kind: 'town', names: [{ lang: 'en', name: unique('town') }] },
    }),
  },
  'GET /api/cases/:caseId/sweeps': { allowed: CASE_READERS, call: () => ({ url: `${C}/sweeps` }) },
  'POST /api/cases/:caseId/sweeps': {
    allowed: CASE_WRITERS,
    call: () => ({ url: `${C}/sweeps`, payload: { placeId: ids.place, result: 'ongoing' } }),
  },
  'PATCH /api/cases/:caseId/sweeps/:id': {
    allowed: CASE_WRITERS,
    call: () => ({ url: `${C}/sweeps/${ids.sweep}`, payload: { notes: unique('notes') } }),
  },
  'GET /api/cases/:caseId/figures': { allowed: CASE_READERS, call: () => ({ url: `${C}/figures` }) },
  'POST /api/cases/:caseId/figures': {
    allowed: CASE_WRITERS,
    call: () => ({ url: `${C}/figures`, payload: { label: 'counted', value: 3, unit: 'people' } }),
  },
  'GET /api/cases/:caseId/claims': { allowed: CASE_READERS, call: () => ({ url: `${C}/claims?limit=2` }) },
  'POST /api/cases/:caseId/claims': {
    allowed: CASE_WRITERS,
    call: () => ({ url: `${C}/claims`, payload: { text: `a new rumour ${unique('r')}`, language: 'en' } }),
  },
  'GET /api/cases/:caseId/claims/search': {
    allowed: CASE_READERS,
    call: () => ({ url: `${C}/claims/search?q=basements` }),
  },
  'GET /api/cases/:caseId/claims/:claimId': {
    allowed: CASE_READERS,
    call: () => ({ url: `${C}/claims/${ids.claim}` }),
  },
  'PATCH /api/cases/:caseId/claims/:claimId': {
    allowed: CASE_WRITERS,
    call: async () => ({ url: `${C}/claims/${await newClaim()}`, payload: { language: 'fr' } }),
  },
  'POST /api/cases/:caseId/claims/:claimId/review': {
    allowed: CASE_WRITERS,
    call: async () => ({ url: `${C}/claims/${await newClaim()}/review` }),
  },
  'POST /api/cases/:caseId/claims/:claimId/verdict': {
    allowed: REVIEWERS,
    call: async () => ({
      url: `${C}/claims/${await claimInReview()}/verdict`,
      payload: { verdict: 'false', summary: 'refuted' },
    }),
  },
  'POST /api/cases/:caseId/claims/:claimId/publish': {
    allowed: REVIEWERS,
    call: async () => ({ url: `${C}/claims/${await claimWithVerdict()}/publish` }),
  },
  'POST /api/cases/:caseId/claims/:claimId/evidence': {
    allowed: CASE_WRITERS,
    call: async () => ({
      url: `${C}/claims/${await newClaim()}/evidence`,
      payload: { stance: 'context', targetType: 'statement', targetId: ids.statement },
    }),
  },

  'POST /api/audit/verify': { allowed: INSTALLATION_ADMINS, call: () => ({ url: '/api/audit/verify' }) },
  'POST /api/timestamps': {
    allowed: INSTALLATION_ADMINS,
    call: () => ({ url: '/api/timestamps', payload: {} }),
  },
  'GET /api/timestamps': { allowed: INSTALLATION_ADMINS, call: () => ({ url: '/api/timestamps' }) },
  'POST /api/timestamps/verify': {
    allowed: INSTALLATION_ADMINS,
    call: () => ({ url: '/api/timestamps/verify' }),
  },
  'GET /api/timestamps/:id/manifest': {
    allowed: INSTALLATION_ADMINS,
    call: () => ({ url: `/api/timestamps/${media.stamp}/manifest` }),
  },
  'GET /api/timestamps/:id/token': {
    allowed: INSTALLATION_ADMINS,
    call: () => ({ url: `/api/timestamps/${media.stamp}/token` }),
  },
  'POST /api/cases/:caseId/media': {
    allowed: CASE_WRITERS,
    call: () => ({ url: `${C}/media?name=m.jpg`, payload: media.picture, headers: OCTET }),
  },
  'POST /api/cases/:caseId/media/uploads': {
    allowed: CASE_WRITERS,
    call: () => ({ url: `${C}/media/uploads`, payload: { size: 3, name: 'u.bin' } }),
  },
  'GET /api/cases/:caseId/media/uploads/:id': {
    allowed: CASE_WRITERS,
    call: async (who) => ({ url: `${C}/media/uploads/${await uploadOf(who)}` }),
  },
  'PATCH /api/cases/:caseId/media/uploads/:id': {
    allowed: CASE_WRITERS,
    call: async (who) => ({
      url: `${C}/media/uploads/${await uploadOf(who)}?offset=0`,
      payload: Buffer.from('abc'),
      headers: OCTET,
    }),
  },
  'DELETE /api/cases/:caseId/media/uploads/:id': {
    allowed: CASE_WRITERS,
    call: async (who) => ({ url: `${C}/media/uploads/${await uploadOf(who)}` }),
  },
  'POST /api/cases/:caseId/media/capture': {
    allowed: CASE_WRITERS,
    call: () => ({ url: `${C}/media/capture`, payload: { url: media.pageUrl } }),
  },
  'GET /api/cases/:caseId/media/captures': {
    allowed: CASE_READERS,
    call: () => ({ url: `${C}/media/captures` }),
  },
  'GET /api/cases/:caseId/media/captures/:id/warc': {
    allowed: CASE_READERS,
    call: () => ({ url: `${C}/media/captures/${media.webCapture}/warc` }),
  },
  'POST /api/cases/:caseId/media/check': {
    allowed: CASE_READERS,
    call: () => ({ url: `${C}/media/check?name=m.jpg`, payload: media.picture, headers: OCTET }),
  },
  'POST /api/cases/:caseId/media/export': {
    allowed: EXPORTERS,
    call: () => ({ url: `${C}/media/export`, payload: { items: [media.item] } }),
  },
  'GET /api/cases/:caseId/media': { allowed: CASE_READERS, call: () => ({ url: `${C}/media` }) },
  'GET /api/cases/:caseId/media/notices': {
    allowed: ['caseAdmin', 'localAdmin'],
    call: () => ({ url: `${C}/media/notices` }),
  },
  'GET /api/cases/:caseId/media/:id': {
    allowed: CASE_READERS,
    call: () => ({ url: `${C}/media/${media.item}` }),
  },
  'PATCH /api/cases/:caseId/media/:id': {
    allowed: CASE_WRITERS,
    call: () => ({ url: `${C}/media/${media.item}`, payload: { sensitivity: ['graphic'] } }),
  },
  'GET /api/cases/:caseId/media/:id/original': {
    allowed: CASE_READERS,
    call: () => ({ url: `${C}/media/${media.item}/original` }),
  },
  'GET /api/cases/:caseId/media/:id/thumbnail': {
    allowed: CASE_READERS,
    call: () => ({ url: `${C}/media/${media.item}/thumbnail` }),
  },
  'GET /api/cases/:caseId/media/:id/keyframes': {
    allowed: CASE_READERS,
    call: () => ({ url: `${C}/media/${media.video}/keyframes` }),
  },
  'GET /api/cases/:caseId/media/:id/rendition': {
    allowed: CASE_READERS,
    call: () => ({ url: `${C}/media/${media.video}/rendition` }),
  },
  'POST /api/cases/:caseId/media/:id/matches': {
    allowed: REVIEWERS,
    call: () => ({
      url: `${C}/media/${media.item}/matches`,
      payload: { otherId: media.copy, decision: 'confirmed' },
    }),
  },
  'GET /api/media/:id': { allowed: MEMBERS, call: () => ({ url: `/api/media/${media.item}` }) },
  'POST /api/blobs/verify': { allowed: INSTALLATION_ADMINS, call: () => ({ url: '/api/blobs/verify' }) },
  'GET /api/audit/events': {
    allowed: INSTALLATION_ADMINS,
    call: () => ({ url: '/api/audit/events?limit=3' }),
  },
  'GET /api/cases/:caseId/audit': { allowed: CASE_AUDITORS, call: () => ({ url: `${C}/audit?limit=3` }) },
  'POST /api/admin/demo': { allowed: INSTALLATION_ADMINS, call: () => ({ url: '/api/admin/demo' }) },
  'POST /api/admin/migrate': { allowed: INSTALLATION_ADMINS, call: () => ({ url: '/api/admin/migrate' }) },

  'PATCH /api/cases/:caseId': {
    allowed: CASE_MANAGERS,
    call: () => ({ url: C, payload: { description: unique('described') } }),
  },
  'PATCH /api/cases/:caseId/places/:id': {
    allowed: CASE_WRITERS,
    call: () => ({ url: `${C}/places/${ids.place}`, payload: { description: unique('place') } }),
  },
  'PATCH /api/cases/:caseId/figures/:id': {
    allowed: CASE_WRITERS,
    call: () => ({ url: `${C}/figures/${ids.figure}`, payload: { method: unique('method') } }),
  },
  'PATCH /api/cases/:caseId/claims/:claimId/evidence/:evidenceId': {
    allowed: CASE_WRITERS,
    call: async () => {
      const e = await claimWithEvidence();
      return { url: `${C}/claims/${e.claim}/evidence/${e.evidence}`, payload: { note: unique('note') } };
    },
  },
  'DELETE /api/cases/:caseId/claims/:claimId/evidence/:evidenceId': {
    allowed: CASE_WRITERS,
    call: async () => {
      const e = await claimWithEvidence();
      return { url: `${C}/claims/${e.claim}/evidence/${e.evidence}` };
    },
  },
  'PATCH /api/users/:username': {
    allowed: INSTALLATION_ADMINS,
    call: () => ({ url: '/api/users/bystander', payload: { displayName: unique('Bystander') } }),
  },
  'GET /public/verdicts/:claimId': {
    allowed: EVERYONE,
    call: () => ({ url: `/public/verdicts/${ids.published}` }),
  },
  'POST /api/cases/:caseId/claims/:claimId/withdraw': {
    allowed: REVIEWERS,
    call: async () => {
      const id = await claimWithVerdict();
      expect((await env.request('POST', `${C}/claims/${id}/publish`)).status).toBe(200);
      return { url: `${C}/claims/${id}/withdraw`, payload: { reason: unique('reason') } };
    },
  },
  'GET /api/cases/:caseId/claims/counts': {
    allowed: CASE_READERS,
    call: () => ({ url: `${C}/claims/counts` }),
  },
  'GET /api/cases/:caseId/claims/:claimId/claimreview': {
    allowed: CASE_READERS,
    call: () => ({ url: `${C}/claims/${ids.published}/claimreview` }),
  },
  'GET /api/cases/:caseId/sources/:id': {
    allowed: CASE_READERS,
    call: () => ({ url: `${C}/sources/${ids.source}` }),
  },
  'GET /api/cases/:caseId/statements/:id': {
    allowed: CASE_READERS,
    call: () => ({ url: `${C}/statements/${ids.statement}` }),
  },
  'GET /api/cases/:caseId/places/:id': {
    allowed: CASE_READERS,
    call: () => ({ url: `${C}/places/${ids.place}` }),
  },
  'GET /api/cases/:caseId/sweeps/:id': {
    allowed: CASE_READERS,
    call: () => ({ url: `${C}/sweeps/${ids.sweep}` }),
  },
  'GET /api/cases/:caseId/figures/:id': {
    allowed: CASE_READERS,
    call: () => ({ url: `${C}/figures/${ids.figure}` }),
  },
  'GET /api/claims/similar': { allowed: SIGNED_IN, call: () => ({ url: '/api/claims/similar?q=basements' }) },
  'GET /api/cases/:caseId/history': { allowed: CASE_READERS, call: () => ({ url: `${C}/history?limit=3` }) },
  // The desk (built at install): its page, its files and its own routes are public; what it shows
  // comes from the API above.
  'GET /assets/:file': { allowed: EVERYONE, call: () => ({ url: deskAsset() }) },
  'GET /*': { allowed: EVERYONE, call: () => ({ url: `/cases/${CASE}/claims` }) },
  'GET /public/verdicts/:claimId/claimreview.json': {
    allowed: EVERYONE,
    call: () => ({ url: `/public/verdicts/${ids.published}/claimreview.json` }),
  },
};

/** One built file of the desk (the test needs the desk built: `npm install` or `npm run build`). */
function deskAsset(): string {
  const asset = [...deskFiles().keys()].find((k) => k.startsWith('/assets/'));
  if (!asset) throw new Error('the web desk is not built (web/dist): run npm run build');
  return asset;
}

/** What a refusal must look like: 401 for nobody, 404 for a case one is not a member of, else 403. */
function expectedRefusal(who: Who, url: string): { status: number; code?: string } {
  if (who === 'anonymous') return { status: 401, code: 'auth.required' };
  if (url.includes(':caseId') && !MEMBERS.includes(who)) return { status: 404, code: 'case.not_found' };
  // An item asked for by its id alone does not exist for anyone outside its case.
  if (url.startsWith('/api/media/') && !MEMBERS.includes(who))
    return { status: 404, code: 'media.not_found' };
  if (url.startsWith('/api/persons/') && !MEMBERS.includes(who))
    return { status: 404, code: 'person.not_found' };
  return { status: 403 };
}

describe('role × route access matrix', () => {
  beforeAll(async () => {
    // The job queue runs (an upload sends its processing job); the media jobs are run by hand below.
    tsa = await startTestAuthority();
    env = await testEnv({
      jobs: true,
      env: {
        ATHAR_LOGIN_RATE_LIMIT: '1000',
        ATHAR_PUBLIC_INQUIRY_LIMIT: '1000',
        ATHAR_CAPTURE_ALLOW_PRIVATE: 'true',
        ATHAR_TSA_URL: tsa.url,
        ATHAR_TSA_CERT: tsa.caFile,
      },
    });
    web = http.createServer((_req, res) =>
      res.writeHead(200, { 'Content-Type': 'text/plain' }).end('a page'),
    );
    await new Promise<void>((ok) => web!.listen(0, '127.0.0.1', ok));
    media.pageUrl = `http://127.0.0.1:${(web.address() as AddressInfo).port}/page`;
    expect((await env.request('POST', '/api/admin/demo')).status).toBe(200);
    local = await env.localActor();
    const made = await env.request('POST', `${C}/persons`, env.admin, {
      names: { lat: { given: 'Fictional', family: 'Person' } },
    });
    expect(made.status).toBe(201);
    registry.person = made.body.id;
    const list = await env.request(
      'POST',
      `${C}/release-lists?title=Fixture`,
      { ...env.admin, ...OCTET },
      Buffer.from('Fictional Person\n'),
    );
    expect(list.status).toBe(201);
    registry.list = list.body.id;
    passwords.localAdmin = 'admin password for tests';
    headers = {
      anonymous: {},
      outsider: await env.user('outsider'),
      viewer: await env.user('viewer', { caseSlug: CASE, role: 'viewer' }),
      caseworker: await env.user('caseworker', { caseSlug: CASE, role: 'caseworker' }),
      editor: await env.user('editor', { caseSlug: CASE, role: 'editor' }),
      reviewer: await env.user('reviewer', { caseSlug: CASE, role: 'reviewer' }),
      caseAdmin: await env.user('case-admin', { caseSlug: CASE, role: 'admin' }),
      installationAdmin: await env.user('installation-admin', { isAdmin: true }),
      localAdmin: env.admin,
    };
    for (const w of WHO)
      if (usernames[w] && w !== 'localAdmin') passwords[w] = `${usernames[w]} password long`;
    for (const u of ['login-target', 'disable-target', 'reset-target', 'bystander', 'leaver']) {
      await env.run(local, (ctx) => createUser(ctx, { username: u, password: `${u} password long` }));
    }
    const [sources, statements, places, claims, sweeps] = await Promise.all([
      env.request('GET', `${C}/sources`),
      env.request('GET', `${C}/statements`),
      env.request('GET', `${C}/places`),
      env.request('GET', `${C}/claims`),
      env.request('GET', `${C}/sweeps`),
    ]);
    media.picture = await sharp({
      create: { width: 96, height: 96, channels: 3, background: '#204060' },
    })
      .composite([
        {
          input: Buffer.from(
            '<svg width="96" height="96"><circle cx="30" cy="40" r="22" fill="#f0c030"/><rect x="55" y="10" width="30" height="70" fill="#902020"/></svg>',
          ),
        },
      ])
      .jpeg()
      .toBuffer();
    const process = env.app.modules
      .find((m) => m.name === 'media')!
      .jobs!.find((j) => j.name === 'media.process')!;
    for (const [key, bytes] of [
      ['item', media.picture],
      ['copy', await sharp(media.picture).jpeg({ quality: 40 }).toBuffer()],
    ] as const) {
      const up = await env.request('POST', `${C}/media?name=${key}.jpg`, { ...env.admin, ...OCTET }, bytes);
      expect(up.status).toBe(201);
      media[key] = up.body.item.id;
      await env.run(
        local,
        (ctx) => process.handle(ctx, { itemId: up.body.item.id }, { retry: 0, last: true }),
        {
          transaction: false,
        },
      );
    }
    // A video browsers would not play as it is (MPEG-4 Part 2 in AVI): it has keyframes and a rendition.
    const avi = path.join(env.config.dataDir, 'matrix.avi');
    await ffmpeg(['-f', 'lavfi', '-i', 'testsrc2=size=160x120:rate=5:duration=2', '-c:v', 'mpeg4', avi]);
    const video = await env.request(
      'POST',
      `${C}/media?name=v.avi`,
      { ...env.admin, ...OCTET },
      readFileSync(avi),
    );
    expect(video.status).toBe(201);
    media.video = video.body.item.id;
    await env.run(local, (ctx) => process.handle(ctx, { itemId: media.video }, { retry: 0, last: true }), {
      transaction: false,
    });
    const captured = await env.request('POST', `${C}/media/capture`, env.admin, { url: media.pageUrl });
    expect(captured.status).toBe(201);
    media.webCapture = captured.body.capture.id;
    const stamped = await env.request('POST', '/api/timestamps', env.admin, {});
    expect(stamped.status).toBe(201);
    media.stamp = stamped.body.id;
    ids = {
      source: sources.body.sources[0].id,
      statement: statements.body.statements[0].id,
      place: places.body.places[0].id,
      claim: claims.body.claims[0].id,
      sweep: sweeps.body.sweeps[0].id,
      figure: (await env.request('GET', `${C}/figures`)).body.figures[0].id,
      published: claims.body.claims.find((c: { publishedAt: string | null }) => c.publishedAt).id,
    };
  });
  afterAll(async () => {
    await env.close();
    web?.closeAllConnections();
    await new Promise((ok) => web?.close(ok));
    await tsa?.close();
  });

  it('has a row for every registered route, and every route declares an access rule', () => {
    const registered = env.server.routes.map((r) => `${r.method} ${r.url}`);
    expect(new Set(registered).size).toBe(registered.length);
    expect(
      registered.filter((k) => !(k in TABLE)),
      'routes without a row in the access table',
    ).toEqual([]);
    expect(
      Object.keys(TABLE).filter((k) => !registered.includes(k)),
      'rows for routes that no longer exist',
    ).toEqual([]);
    expect(
      env.server.routes.filter((r) => r.access === null).map((r) => `${r.method} ${r.url}`),
      'routes without an access rule',
    ).toEqual([]);
  });

  it('allows exactly the roles in the table and refuses the others', async () => {
    const wrong: string[] = [];
    for (const route of env.server.routes) {
      const key = `${route.method} ${route.url}`;
      const row = TABLE[key];
      if (!row) continue; // reported by the test above
      for (const who of WHO) {
        const call = await row.call(who);
        const r = await env.request(
          route.method,
          call.url,
          { ...headers[who], ...call.headers },
          call.payload,
        );
        const code = (r.body as { code?: string } | null)?.code;
        if (row.allowed.includes(who)) {
          if (r.status >= 400) wrong.push(`${who} ${key}: expected allowed, got ${r.status} ${code}`);
        } else {
          const want = expectedRefusal(who, route.url);
          if (r.status !== want.status || (want.code && code !== want.code)) {
            wrong.push(`${who} ${key}: expected ${want.status} ${want.code ?? ''}, got ${r.status} ${code}`);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});
