import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnv, type TestEnv } from './harness.ts';

/**
 * Bad input is refused with problem+json naming the field, and a refused request leaves no
 * trace: no row, no audit event. Unknown errors answer 500 with a correlation id and nothing
 * of the internals.
 */

const TABLES = [
  'case_file',
  'membership',
  'app_user',
  'api_token',
  'source',
  'statement',
  'claim',
  'claim_evidence',
  'place',
  'sweep',
  'figure',
  'audit_event',
] as const;
const K = '/api/cases/val-case';

let env: TestEnv;
let sourceId: string;
let claimId: string;

async function counts(e: TestEnv): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of TABLES) {
    out[t] = Number(
      (await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(t)}`.execute(e.app.database.db))
        .rows[0]!.n,
    );
  }
  return out;
}

/** Sends a request that must be refused with `status`, and checks nothing was written. */
async function refused(
  method: string,
  url: string,
  payload: unknown,
  status: number,
  headers: Record<string, string> = env.admin,
) {
  const before = await counts(env);
  const r = await env.request(method, url, headers, payload);
  expect(r.status, `${method} ${url} ${JSON.stringify(r.body)}`).toBe(status);
  expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(r.body).toMatchObject({
    status,
    code: expect.any(String),
    type: expect.stringMatching(/^urn:athar:problem:/),
    correlationId: expect.any(String),
  });
  expect(await counts(env)).toEqual(before);
  return r.body as { code: string; detail: string; errors?: { field: string; message: string }[] };
}
const fields = (b: { errors?: { field: string }[] }) => (b.errors ?? []).map((e) => e.field);

describe('validation of input', () => {
  beforeAll(async () => {
    env = await testEnv({ env: { ATHAR_BODY_LIMIT_BYTES: '16384' } });
    expect(
      (
        await env.request('POST', '/api/cases', env.admin, {
          slug: 'val-case',
          title: 'Validation',
          timeZone: 'Asia/Damascus',
        })
      ).status,
    ).toBe(201);
    sourceId = (
      await env.request('POST', `${K}/sources`, env.admin, { kind: 'organisation', name: 'An association' })
    ).body.id;
    claimId = (
      await env.request('POST', `${K}/claims`, env.admin, {
        text: 'a rumour to link evidence to',
        language: 'en',
      })
    ).body.claim.id;
  });
  afterAll(() => env.close());

  it('refuses wrong types, naming each field', async () => {
    const b = await refused(
      'POST',
      `${K}/sources`,
      { kind: 'outlet', name: 42, url: ['https://x.example'] },
      400,
    );
    expect(b.code).toBe('validation.body');
    expect(fields(b)).toEqual(expect.arrayContaining(['/name', '/url']));
    const f = await refused('POST', `${K}/figures`, { label: 'dead', value: '30000', unit: 'people' }, 400);
    expect(fields(f)).toEqual(['/value']);
  });

  it('refuses unknown fields instead of dropping them', async () => {
    const b = await refused(
      'POST',
      `${K}/sources`,
      { kind: 'outlet', name: 'An outlet', colour: 'red' },
      400,
    );
    expect(b.errors).toEqual([{ field: '/colour', message: 'unknown field' }]);
    const nested = await refused(
      'POST',
      `${K}/places`,
      { kind: 'site', names: [{ lang: 'en', name: 'Prison', alias: 'x' }] },
      400,
    );
    expect(fields(nested)).toEqual(['/names/0/alias']);
  });

  it('refuses missing fields and values outside a fixed set', async () => {
    const b = await refused('POST', `${K}/sources`, { kind: 'blog' }, 400);
    expect(fields(b)).toEqual(expect.arrayContaining(['/name', '/kind']));
    expect(b.errors!.find((e) => e.field === '/kind')!.message).toMatch(
      /organisation, outlet, account, person/,
    );
  });

  it('refuses over-long text', async () => {
    const b = await refused('POST', `${K}/sources`, { kind: 'outlet', name: 'n'.repeat(501) }, 400);
    expect(fields(b)).toEqual(['/name']);
    const c = await refused('POST', `${K}/claims`, { text: 'c'.repeat(5001), language: 'en' }, 400);
    expect(fields(c)).toEqual(['/text']);
  });

  it('refuses NUL characters anywhere in a body', async () => {
    const b = await refused('POST', `${K}/sources`, { kind: 'outlet', name: 'bad\u0000name' }, 400);
    expect(fields(b)).toEqual(['/name']);
    const nested = await refused(
      'POST',
      `${K}/places`,
      {
        kind: 'site',
        names: [
          { lang: 'en', name: 'ok' },
          { lang: 'ar', name: 'x\u0000' },
        ],
      },
      400,
    );
    expect(fields(nested)).toEqual(['/names/1/name']);
  });

  it('refuses invalid time zones and impossible dates', async () => {
    const tz = await refused(
      'POST',
      '/api/cases',
      { slug: 'bad-zone', title: 'Bad zone', timeZone: 'Nowhere/Land' },
      400,
    );
    expect(fields(tz)).toEqual(['/timeZone']);
    const start = await refused(
      'POST',
      '/api/cases',
      { slug: 'bad-start', title: 'Bad start', timeZone: 'UTC', eventStart: { at: '2024-02-30' } },
      400,
    );
    expect(fields(start)).toEqual(['/eventStart/at']);
    const first = await refused(
      'POST',
      `${K}/claims`,
      { text: 'a dated rumour', language: 'en', firstSeen: { at: '2024-12-03', timeZone: 'Asia/Damscus' } },
      400,
    );
    expect(fields(first)).toEqual(['/firstSeen/timeZone']);
    const period = await refused(
      'POST',
      `${K}/figures`,
      { label: 'dead', value: 1, unit: 'people', periodFrom: '2018-02-30' },
      400,
    );
    expect(fields(period)).toEqual(['/periodFrom']);
    const month = await refused(
      'POST',
      `${K}/figures`,
      { label: 'dead', value: 1, unit: 'people', periodTo: '2021-13' },
      400,
    );
    expect(fields(month)).toEqual(['/periodTo']);
  });

  it('refuses bad query strings and path parameters', async () => {
    expect(fields(await refused('GET', `${K}/claims?limit=0`, undefined, 400))).toEqual(['/limit']);
    expect(fields(await refused('GET', `${K}/claims?limit=ten`, undefined, 400))).toEqual(['/limit']);
    expect(fields(await refused('GET', `${K}/claims?sort=asc`, undefined, 400))).toEqual(['/sort']);
    expect(fields(await refused('GET', `${K}/claims/not-a-uuid`, undefined, 400))).toEqual(['/claimId']);
  });

  it('refuses malformed JSON, a wrong content type and a too-large body', async () => {
    const json = { ...env.admin, 'content-type': 'application/json' };
    const bad = await refused('POST', `${K}/sources`, '{"kind": "outlet", "name": ', 400, json);
    expect(bad.code).toBe('request.body');
    const xml = await refused('POST', `${K}/sources`, '<source kind="outlet">x</source>', 415, {
      ...env.admin,
      'content-type': 'application/xml',
    });
    expect(xml.code).toBe('request.media_type');
    // plain text is read as a string, which is not the object the route takes
    const text = await refused('POST', `${K}/sources`, 'kind=outlet&name=x', 400, {
      ...env.admin,
      'content-type': 'text/plain',
    });
    expect(text.errors).toEqual([{ field: '/', message: 'must be object' }]);
    const big = await refused(
      'POST',
      `${K}/sources`,
      { kind: 'outlet', name: 'big', description: 'd'.repeat(20_000) },
      413,
    );
    expect(big.code).toBe('request.too_large');
  });

  it('writes nothing when a use case refuses after validation (unknown references)', async () => {
    const sweep = await refused(
      'POST',
      `${K}/sweeps`,
      { placeId: '00000000-0000-4000-8000-000000000000', result: 'nothing_found' },
      400,
    );
    expect(sweep).toMatchObject({ code: 'validation.reference', errors: [{ field: '/placeId' }] });
    const st = await refused(
      'POST',
      `${K}/statements`,
      { sourceId: '00000000-0000-4000-8000-000000000001', text: 'x', language: 'en' },
      400,
    );
    expect(fields(st)).toEqual(['/sourceId']);
    const claim = await refused(
      'POST',
      `${K}/claims`,
      { text: 'a claim by nobody', language: 'en', claimantSourceId: '00000000-0000-4000-8000-000000000002' },
      400,
    );
    expect(fields(claim)).toEqual(['/claimantSourceId']);
    const ev = await refused(
      'POST',
      `${K}/claims/${claimId}/evidence`,
      { stance: 'refutes', targetType: 'sweep', targetId: '00000000-0000-4000-8000-000000000003' },
      400,
    );
    expect(fields(ev)).toEqual(['/targetId']);
    const order = await refused(
      'POST',
      `${K}/sweeps`,
      {
        placeId: '00000000-0000-4000-8000-000000000000',
        result: 'nothing_found',
        started: { at: '2024-12-09T10:00' },
        ended: { at: '2024-12-09T09:00' },
      },
      400,
    );
    expect(fields(order)).toEqual(['/ended/at']);
    expect((await env.request('GET', `${K}/sources`)).body.sources.map((s: { id: string }) => s.id)).toEqual([
      sourceId,
    ]);
  });

  it('answers unknown routes with problem+json', async () => {
    const r = await env.request('GET', '/api/no-such-thing');
    expect(r.status).toBe(404);
    expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(r.body.code).toBe('route.not_found');
  });
});

describe('unknown errors', () => {
  it('answer 500 with a correlation id, leak nothing, and roll back what was written', async () => {
    const e = await testEnv();
    try {
      // A broken database: creating a case writes the case and its audit event, then fails on the membership.
      await sql`DROP TABLE membership`.execute(e.app.database.db);
      const caseCount = async () =>
        Number(
          (await sql<{ n: string }>`SELECT count(*) AS n FROM case_file`.execute(e.app.database.db)).rows[0]!
            .n,
        );
      const auditCount = async () =>
        Number(
          (await sql<{ n: string }>`SELECT count(*) AS n FROM audit_event`.execute(e.app.database.db))
            .rows[0]!.n,
        );
      const [cases, events] = [await caseCount(), await auditCount()];
      const r = await e.request('POST', '/api/cases', e.admin, {
        slug: 'doomed',
        title: 'Doomed',
        timeZone: 'UTC',
      });
      expect(r.status).toBe(500);
      expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(r.body).toMatchObject({
        code: 'internal',
        status: 500,
        correlationId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      });
      expect(r.body.detail).toContain(r.body.correlationId);
      const text = JSON.stringify(r.body);
      for (const leak of ['membership', 'relation "', 'does not exist', 'SELECT', 'INSERT', 'stack', '.ts'])
        expect(text).not.toContain(leak);
      expect(await caseCount()).toBe(cases);
      expect(await auditCount()).toBe(events);
      expect((await e.request('POST', '/api/audit/verify')).body.ok).toBe(true);
    } finally {
      await e.close();
    }
  });
});
