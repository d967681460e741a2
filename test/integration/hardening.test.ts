import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnv, type TestEnv } from './harness.ts';

/**
 * What a security review of the running server found (issue 9), one finding per block, each
 * reproduced as it was observed. (The data directory's permissions are in data-dir.test.ts, the
 * fuzzing of every route in fuzz.test.ts.)
 */

const D = '/api/cases/sednaya-2024';
let env: TestEnv;
let editor: Record<string, string>;

async function count(table: string): Promise<number> {
  return Number(
    (await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(env.app.database.db))
      .rows[0]!.n,
  );
}
async function trail(): Promise<string> {
  const rows = await sql<{
    t: string;
  }>`SELECT coalesce(before::text, '') || coalesce(after::text, '') AS t FROM audit_event`.execute(
    env.app.database.db,
  );
  return rows.rows.map((r) => r.t).join('\n');
}
async function raw(
  method: string,
  url: string,
  payload: string,
  headers: Record<string, string> = env.admin,
) {
  const r = await env.server.fastify.inject({
    method: method as 'POST',
    url,
    headers: { ...headers, 'content-type': 'application/json' },
    payload,
  });
  return {
    status: r.statusCode,
    body: r.body,
    json: (() => {
      try {
        return JSON.parse(r.body);
      } catch {
        return null;
      }
    })(),
  };
}
async function events(action: string) {
  return (await env.request('GET', `/api/audit/events?limit=500`)).body.events.filter(
    (e: { action: string }) => e.action === action,
  );
}

beforeAll(async () => {
  env = await testEnv({ env: { ATHAR_LOGIN_RATE_LIMIT: '1000', ATHAR_LOGIN_FAILURES: '3' } });
  expect((await env.request('POST', '/api/admin/demo')).status).toBe(200);
  editor = await env.user('editor-one', { caseSlug: 'sednaya-2024', role: 'editor' });
});
afterAll(() => env.close());

describe('2. a number that becomes Infinity', () => {
  it('is refused at validation, naming the field, and the case stays readable', async () => {
    for (const field of ['value', 'low', 'high']) {
      const body =
        field === 'value'
          ? '{"label":"x","value":1e400,"unit":"people"}'
          : `{"label":"x","low":1,"high":2,"${field}":-1e400,"unit":"people"}`;
      const r = await raw('POST', `${D}/figures`, body);
      expect(r.status, field).toBe(400);
      expect(r.json).toMatchObject({
        code: 'validation.body',
        errors: [{ field: `/${field}`, message: 'must be a finite number' }],
      });
    }
    expect((await env.request('GET', `${D}/figures`)).status).toBe(200);
  });

  it('gives every entity that can be added a correction route, audited', async () => {
    const figure = (await env.request('GET', `${D}/figures`)).body.figures[0];
    const asRange = await env.request('PATCH', `${D}/figures/${figure.id}`, editor, {
      value: null,
      low: 29000,
      high: 31000,
    });
    expect(asRange.status).toBe(200);
    expect(asRange.body).toMatchObject({ value: null, low: 29000, high: 31000 });
    expect((await env.request('PATCH', `${D}/figures/${figure.id}`, editor, { low: 40000 })).body.code).toBe(
      'figure.range',
    );
    const place = (await env.request('GET', `${D}/places`)).body.places.find(
      (p: { kind: string }) => p.kind === 'floor',
    );
    expect(
      (
        await env.request('PATCH', `${D}/places/${place.id}`, editor, {
          description: 'three basement levels',
        })
      ).status,
    ).toBe(200);
    expect(
      (await env.request('PATCH', `${D}/places/${place.id}`, editor, { parentId: place.id })).body.code,
    ).toBe('place.hierarchy');
    expect(
      (await env.request('PATCH', D, env.admin, { title: 'Sednaya prison, December 2024 (corrected)' }))
        .status,
    ).toBe(200);
    const claim = (await env.request('GET', `${D}/claims?status=verdict`)).body.claims[0];
    const link = claim.evidence[0];
    expect(
      (
        await env.request('PATCH', `${D}/claims/${claim.id}/evidence/${link.id}`, editor, {
          stance: 'context',
          note: 'only context',
        })
      ).body.evidence[0],
    ).toMatchObject({ stance: 'context' });
    expect((await env.request('DELETE', `${D}/claims/${claim.id}/evidence/${link.id}`, editor)).status).toBe(
      204,
    );
    expect(
      (await env.request('PATCH', '/api/users/editor-one', env.admin, { displayName: 'Editor One' })).body
        .displayName,
    ).toBe('Editor One');
    const actions = (await env.request('GET', '/api/audit/events?limit=50')).body.events.map(
      (e: { action: string }) => e.action,
    );
    for (const a of [
      'figure.updated',
      'place.updated',
      'case.updated',
      'claim.evidence_updated',
      'claim.evidence_removed',
      'user.updated',
    ])
      expect(actions).toContain(a);
    const f = (await env.request('GET', `/api/audit/events?entityType=figure&entityId=${figure.id}`)).body
      .events[0];
    expect(f).toMatchObject({
      action: 'figure.updated',
      before: { value: figure.value, low: null },
      after: { value: null, low: 29000, high: 31000 },
    });
  });
});

describe('3. what installation administrators read', () => {
  it('shows them other cases’ events without their content, and records the reading', async () => {
    const outsider = await env.user('root-but-not-member', { isAdmin: true });
    const r = await env.request('GET', '/api/audit/events?entityType=claim&limit=500', outsider);
    expect(r.status).toBe(200);
    expect(r.body.events.length).toBeGreaterThan(5);
    expect(
      r.body.events.every(
        (e: { before: unknown; after: unknown; contentHidden?: boolean }) =>
          e.before === null && e.after === null && e.contentHidden === true,
      ),
    ).toBe(true);
    expect(JSON.stringify(r.body)).not.toContain('basements');
    // A member of the case sees the content.
    const mine = await env.request('GET', '/api/audit/events?entityType=claim&limit=500');
    expect(JSON.stringify(mine.body)).toContain('basements');
    const reads = (await events('audit.read')).filter(
      (e: { actor: string }) => e.actor === 'root-but-not-member',
    );
    expect(reads[0]).toMatchObject({
      entityType: 'audit_trail',
      after: { entityType: 'claim', contentHidden: r.body.events.length },
    });
  });

  it('shows a user the tokens an administrator made for them, and who made them', async () => {
    const made = await env.request('POST', '/api/tokens', env.admin, {
      name: 'for the editor',
      username: 'editor-one',
    });
    expect(made.status).toBe(201);
    const list = (await env.request('GET', '/api/tokens', editor)).body.tokens;
    expect(list.find((t: { id: string }) => t.id === made.body.token.id)).toMatchObject({
      createdBy: 'admin',
      name: 'for the editor',
    });
    expect(
      (await events('token.created')).find((e: { entityId: string }) => e.entityId === made.body.token.id),
    ).toMatchObject({ after: { createdBy: 'admin' } });
  });
});

describe('4. an editor changing what a published verdict says', () => {
  async function publishedClaim(extra: Record<string, unknown> = {}) {
    const c = await env.request('POST', `${D}/claims`, env.admin, {
      text: `a published rumour ${Math.random()}`,
      language: 'en',
      appearanceUrl: 'https://example.org/a',
      firstSeen: { at: '2024-12-08' },
      ...extra,
    });
    const id = c.body.claim.id as string;
    await env.request('POST', `${D}/claims/${id}/review`);
    await env.request('POST', `${D}/claims/${id}/verdict`, env.admin, {
      verdict: 'false',
      summary: 'checked',
    });
    expect((await env.request('POST', `${D}/claims/${id}/publish`)).body.publishedAt).not.toBeNull();
    return id;
  }
  const published = async () =>
    ((await env.request('GET', `${D}/claimreview`)).body as { url: string }[]).map((r) =>
      r.url.split('/').pop(),
    );

  it('withdraws the publication for any field the ClaimReview shows, and says why', async () => {
    const sources = (await env.request('GET', `${D}/sources`)).body.sources;
    const changes: Record<string, unknown>[] = [
      { appearanceUrl: 'https://example.org/b' },
      { language: 'fr' },
      { claimantSourceId: sources[0].id },
      { firstSeen: { at: '2024-12-07' } },
    ];
    for (const change of changes) {
      const id = await publishedClaim();
      expect(await published()).toContain(id);
      const r = await env.request('PATCH', `${D}/claims/${id}`, editor, change);
      expect(r.status).toBe(200);
      expect(r.body.publishedAt, JSON.stringify(change)).toBeNull();
      expect(await published()).not.toContain(id);
      const why = (await env.request('GET', `/api/audit/events?entityType=claim&entityId=${id}`)).body
        .events[0];
      expect(why).toMatchObject({
        action: 'claim.publication_withdrawn',
        after: { publishedAt: null, withdrawnBecause: expect.stringContaining(Object.keys(change)[0]!) },
      });
    }
  });

  it('withdraws it when the claimant source is corrected in what the ClaimReview shows, not otherwise', async () => {
    const source = (
      await env.request('POST', `${D}/sources`, env.admin, {
        kind: 'account',
        name: 'Rumour mill',
        handle: '@mill',
      })
    ).body;
    const id = await publishedClaim({ claimantSourceId: source.id });
    expect(
      (
        await env.request('PATCH', `${D}/sources/${source.id}`, editor, {
          description: 'an account that spreads rumours',
        })
      ).status,
    ).toBe(200);
    expect(await published()).toContain(id);
    expect(
      (await env.request('PATCH', `${D}/sources/${source.id}`, editor, { name: 'Rumour mill (renamed)' }))
        .status,
    ).toBe(200);
    expect(await published()).not.toContain(id);
    const why = (await env.request('GET', `/api/audit/events?entityType=claim&entityId=${id}`)).body
      .events[0];
    expect(why).toMatchObject({
      action: 'claim.publication_withdrawn',
      actor: 'editor-one',
      after: { withdrawnBecause: 'its claimant source was corrected (name)' },
    });
  });
});

describe('5. API tokens and a password reset or change', () => {
  it('ends the tokens with the password, and the token list says why', async () => {
    const victim = await env.user('victim1');
    expect((await env.request('GET', '/api/auth/me', victim)).status).toBe(200);
    expect((await env.request('POST', '/api/users/victim1/reset-password')).status).toBe(200);
    expect((await env.request('GET', '/api/auth/me', victim)).status).toBe(401);
    const all = (await env.request('GET', '/api/tokens?all=true&limit=500')).body.tokens;
    const ended = all.filter(
      (t: { userId: string; revokedReason: string | null }) => t.revokedReason === 'password_reset',
    );
    expect(ended.length).toBe(1);

    const other = await env.user('victim2');
    const login = await env.request(
      'POST',
      '/api/auth/login',
      {},
      { username: 'victim2', password: 'victim2 password long' },
    );
    const cookie = String([login.headers['set-cookie']].flat()[0]).split(';')[0]!;
    const change = await env.request(
      'POST',
      '/api/auth/password',
      { cookie, 'x-csrf-token': login.body.csrfToken },
      { currentPassword: 'victim2 password long', newPassword: 'victim2 has a new password' },
    );
    expect(change.status).toBe(200);
    expect((await env.request('GET', '/api/auth/me', other)).status).toBe(401);
    expect((await env.request('GET', '/api/auth/me', { cookie })).status).toBe(200);
    const mine = (await env.request('GET', '/api/tokens', { cookie })).body.tokens;
    expect(mine.map((t: { revokedReason: string }) => t.revokedReason)).toEqual(['password_changed']);
  });
});

describe('6. malformed input answers 400, not 500', () => {
  it('refuses NUL in a query string or a path, naming the field', async () => {
    const q = await env.request('GET', `${D}/claims/search?q=%00abc`);
    expect(q).toMatchObject({
      status: 400,
      body: { code: 'validation.querystring', errors: [{ field: '/q' }] },
    });
    const p = await env.request('GET', '/api/cases/%00');
    expect(p).toMatchObject({ status: 400, body: { errors: [{ field: '/caseId' }] } });
    const a = await env.request('GET', `${D}/audit?entityType=%00`);
    expect(a).toMatchObject({ status: 400, body: { errors: [{ field: '/entityType' }] } });
  });

  it('refuses JSON nested 10,000 deep, even on the sign-in route', async () => {
    const deep = `{"username":"admin","password":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
    const r = await raw('POST', '/api/auth/login', deep, {});
    expect(r.status).toBe(400);
    expect(r.json.code).toBe('validation.body');
  });

  it('refuses a cursor holding an out-of-range date, and a seq past any bigint', async () => {
    const cursor = Buffer.from(
      JSON.stringify(['claims', '0000-01-01T00:00:00.000Z', '00000000-0000-4000-8000-000000000000']),
    ).toString('base64url');
    expect((await env.request('GET', `${D}/claims?cursor=${cursor}`)).body.code).toBe('validation.cursor');
    expect((await env.request('GET', '/api/audit/events?before=99999999999999999999')).body).toMatchObject({
      status: 400,
      errors: [{ field: '/before' }],
    });
  });

  it('answers one of three concurrent creations of a username 201 and the others 409', async () => {
    const results = await Promise.all(
      [1, 2, 3].map(() =>
        env.request('POST', '/api/users', env.admin, {
          username: 'same-name',
          password: 'a long enough password',
        }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.code === 'user.exists')).toBe(true);
  });
});

describe('7. years 0000-0099', () => {
  it('are refused, naming the field, instead of shifted by 1900; 1000 to 9999 are kept as written', async () => {
    const source = (await env.request('GET', `${D}/sources`)).body.sources[0].id;
    for (const at of ['0050-06-15', '0000-01-01', '0099-12-31T10:00:00Z', '0999-12-31']) {
      const r = await env.request('POST', `${D}/statements`, env.admin, {
        sourceId: source,
        text: 'said long ago',
        language: 'en',
        stated: { at, timeZone: 'UTC' },
      });
      expect(r.status, at).toBe(400);
      expect(r.body.errors, at).toEqual([
        { field: '/stated/at', message: expect.stringContaining('1000 to 9999') },
      ]);
    }
    const ok = await env.request('POST', `${D}/statements`, env.admin, {
      sourceId: source,
      text: 'said in 1000',
      language: 'en',
      stated: { at: '1000-01-01', timeZone: 'UTC' },
    });
    expect(ok.body.stated).toMatchObject({ at: '1000-01-01T00:00:00Z', local: '1000-01-01' });
    const late = await env.request('POST', `${D}/statements`, env.admin, {
      sourceId: source,
      text: 'said in 9999',
      language: 'en',
      stated: { at: '9999-12-31T23:59:00Z' },
    });
    expect(late.body.stated.at).toBe('9999-12-31T23:59:00Z');
  });
});

describe('8. throttling password guesses', () => {
  it('limits password changes per address like sign-in', async () => {
    const e = await testEnv({ env: { ATHAR_LOGIN_RATE_LIMIT: '3' } });
    try {
      const u = await e.user('guesser');
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++)
        statuses.push(
          (
            await e.request('POST', '/api/auth/password', u, {
              currentPassword: `guess ${i}`,
              newPassword: 'a new long password',
            })
          ).status,
        );
      expect(statuses).toEqual([400, 400, 400, 429]);
    } finally {
      await e.close();
    }
  });

  it('throttles an account after failed sign-ins, whatever the password, without locking out its neighbours', async () => {
    await env.user('targeted');
    await env.user('neighbour');
    for (let i = 0; i < 3; i++)
      expect(
        (
          await env.request(
            'POST',
            '/api/auth/login',
            {},
            { username: 'targeted', password: `wrong guess ${i}` },
          )
        ).status,
      ).toBe(401);
    const right = await env.request(
      'POST',
      '/api/auth/login',
      {},
      { username: 'targeted', password: 'targeted password long' },
    );
    expect(right.status).toBe(429);
    expect(right.body.code).toBe('auth.throttled');
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(60);
    expect(
      (
        await env.request(
          'POST',
          '/api/auth/login',
          {},
          { username: 'neighbour', password: 'neighbour password long' },
        )
      ).status,
    ).toBe(200);
    const failed = (await events('session.login_failed')).filter(
      (e: { entityType: string }) => e.entityType === 'user',
    );
    expect(failed.length).toBe(3);
    expect(failed[0]).toMatchObject({ actor: 'anonymous', after: { address: expect.any(String) } });
    expect(await trail()).not.toContain('wrong guess');
  });
});

describe('9. JSON-LD that breaks out of a script element', () => {
  it('escapes <, > and & in ClaimReview, which still parses to the text as written', async () => {
    const text = '</script><script>alert(document.domain)</script> & more';
    const c = await env.request('POST', `${D}/claims`, env.admin, {
      text,
      language: 'en',
      appearanceUrl: 'https://example.org/post/"><img/src=x>',
    });
    expect(c.status).toBe(201);
    const id = c.body.claim.id;
    await env.request('POST', `${D}/claims/${id}/review`);
    await env.request('POST', `${D}/claims/${id}/verdict`, env.admin, {
      verdict: 'false',
      summary: 'no <b>bold</b> claims',
    });
    await env.request('POST', `${D}/claims/${id}/publish`);
    const r = await env.server.fastify.inject({ method: 'GET', url: `${D}/claimreview`, headers: env.admin });
    expect(r.body).not.toMatch(/[<>]/);
    expect(r.body).toContain('\\u003c/script\\u003e');
    const review = (
      JSON.parse(r.body) as { claimReviewed: string; itemReviewed: { appearance: { url: string }[] } }[]
    ).find((x) => x.claimReviewed === text);
    expect(review?.itemReviewed.appearance[0]?.url).toBe('https://example.org/post/"><img/src=x>');
    const page = await env.server.fastify.inject({ method: 'GET', url: `/public/verdicts/${id}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('<script>alert');
    expect(page.body).not.toContain('<img');
    expect(page.body).toContain(
      '&lt;/script&gt;&lt;script&gt;alert(document.domain)&lt;/script&gt; &amp; more',
    );
  });

  it('accepts only http(s) URLs that parse', async () => {
    for (const url of [
      'javascript:alert(1)',
      'https://',
      'http://exa mple.org',
      'ftp://example.org/x',
      'https//example.org',
    ]) {
      const r = await env.request('POST', `${D}/sources`, env.admin, { kind: 'outlet', name: 'x', url });
      expect(r.status, url).toBe(400);
      expect(r.body.errors[0].field, url).toBe('/url');
    }
  });
});

describe('10. decided and written down', () => {
  it('stores a time zone in its IANA spelling', async () => {
    const r = await env.request('POST', '/api/cases', env.admin, {
      slug: 'zone-case',
      title: 'Zone',
      timeZone: 'ASIA/DAMASCUS',
    });
    expect(r.body.timeZone).toBe('Asia/Damascus');
    const st = await env.request('POST', `${D}/statements`, env.admin, {
      sourceId: (await env.request('GET', `${D}/sources`)).body.sources[0].id,
      text: 'x',
      language: 'en',
      stated: { at: '2024-12-09T10:00', timeZone: 'europe/paris' },
    });
    expect(st.body.stated.timeZone).toBe('Europe/Paris');
  });

  it('marks answers to signed-in requests no-store, and sends HSTS only over HTTPS', async () => {
    expect((await env.request('GET', '/api/cases')).headers['cache-control']).toBe('no-store');
    expect((await env.request('GET', '/', {})).headers['strict-transport-security']).toBeUndefined();
    const https = await testEnv({ env: { ATHAR_SECURE_COOKIES: 'true' } });
    try {
      expect((await https.request('GET', '/', {})).headers['strict-transport-security']).toMatch(/max-age=/);
    } finally {
      await https.close();
    }
  });

  it('refuses a password of twelve spaces', async () => {
    const r = await env.request('POST', '/api/users', env.admin, {
      username: 'spaces',
      password: '            ',
    });
    expect(r).toMatchObject({
      status: 400,
      body: { code: 'auth.weak_password', errors: [{ field: '/password' }] },
    });
    expect(
      (await env.request('POST', '/api/users', env.admin, { username: 'repeats', password: 'aaaaaaaaaaaa' }))
        .body.code,
    ).toBe('auth.weak_password');
  });

  it('shows of another case’s similar verdict only what its publication made public', async () => {
    const reporter = await env.user('reporter');
    expect(
      (
        await env.request('POST', '/api/cases', env.admin, {
          slug: 'other-desk',
          title: 'Other',
          timeZone: 'UTC',
        })
      ).status,
    ).toBe(201);
    await env.request('POST', '/api/cases/other-desk/members', env.admin, {
      username: 'reporter',
      role: 'editor',
    });
    const r = await env.request('POST', '/api/cases/other-desk/claims', reporter, {
      text: 'Detainees are still held in hidden basements of Sednaya',
      language: 'en',
    });
    const similar = r.body.similar.find((s: { text: string }) =>
      s.text.startsWith('Detainees are still held in hidden basements'),
    );
    expect(similar).toMatchObject({
      caseId: null,
      caseSlug: null,
      status: null,
      verdict: 'unproven',
      publicUrl: expect.stringContaining('/public/verdicts/'),
    });
  });

  it('serves the published verdict at its public URL, and nothing unpublished', async () => {
    const claims = (await env.request('GET', `${D}/claims?limit=500`)).body.claims;
    const pub = claims.find((c: { publishedAt: string | null }) => c.publishedAt);
    const page = await env.request('GET', new URL(pub.publicUrl).pathname, {});
    expect(page.status).toBe(200);
    expect(String(page.headers['content-type'])).toMatch(/text\/html/);
    const ld = await env.request('GET', `${new URL(pub.publicUrl).pathname}/claimreview.json`, {});
    expect(ld.body).toMatchObject({ '@type': 'ClaimReview', url: pub.publicUrl });
    const unpublished = claims.find((c: { publishedAt: string | null }) => !c.publishedAt);
    expect((await env.request('GET', `/public/verdicts/${unpublished.id}`, {})).status).toBe(404);
    expect(await count('claim')).toBeGreaterThan(0);
  });
});
