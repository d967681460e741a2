import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnv, type TestEnv } from './harness.ts';

describe('demo case through the API', () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await testEnv();
    await env.request('POST', '/api/admin/demo');
  });
  afterAll(() => env.close());

  it('lists the demo case and its timeline', async () => {
    const cases = await env.request('GET', '/api/cases');
    expect(cases.status).toBe(200);
    expect(cases.body.cases.map((c: { slug: string }) => c.slug)).toContain('sednaya-2024');
    const tl = await env.request('GET', '/api/cases/sednaya-2024/timeline');
    expect(tl.status).toBe(200);
    const wh = tl.body.entries.find(
      (e: { kind: string; title: string }) => e.kind === 'statement' && e.title.startsWith('White Helmets'),
    );
    expect(wh).toMatchObject({
      at: '2024-12-09T13:45:00Z',
      local: '2024-12-09T16:45+03:00',
      precision: 'minute',
      sourceTimeZone: 'Asia/Damascus',
    });
  });

  it('serves a home page, the API docs and OpenAPI without sign-in', async () => {
    const home = await env.request('GET', '/', {});
    expect(home.status).toBe(200);
    expect(String(home.headers['content-type'])).toMatch(/text\/html/);
    const docs = await env.request('GET', '/api/docs/', {});
    expect(docs.status).toBe(200);
    const spec = await env.request('GET', '/api/openapi.json', {});
    expect(spec.status).toBe(200);
    expect(spec.body.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.body.paths)).toContain('/api/cases/{caseId}/claims');
  });
});

describe('readiness', () => {
  it('is ready on a migrated database and says which migrations are pending otherwise', async () => {
    const env = await testEnv();
    try {
      expect(await env.request('GET', '/readyz', {})).toMatchObject({
        status: 200,
        body: { status: 'ready' },
      });
      const { sql } = await import('kysely');
      await sql`DELETE FROM schema_migration WHERE version = 1`.execute(env.app.database.db);
      expect(await env.request('GET', '/readyz', {})).toMatchObject({
        status: 503,
        body: { status: 'migrations_pending', pending: [1] },
      });
    } finally {
      await env.close();
    }
  });
});

describe('all or nothing', () => {
  it('a demo load that fails part-way leaves no case and no audit events behind', async () => {
    const env = await testEnv();
    try {
      const { sql } = await import('kysely');
      const before = await sql<{ n: string }>`SELECT count(*) AS n FROM audit_event`.execute(
        env.app.database.db,
      );
      // Figures come late in the demo: without their table the load fails after many writes.
      await sql`DROP TABLE figure`.execute(env.app.database.db);
      const r = await env.request('POST', '/api/admin/demo');
      expect(r.status).toBe(500);
      const cases = await sql<{ n: string }>`SELECT count(*) AS n FROM case_file`.execute(
        env.app.database.db,
      );
      const after = await sql<{ n: string }>`SELECT count(*) AS n FROM audit_event`.execute(
        env.app.database.db,
      );
      expect(Number(cases.rows[0]!.n)).toBe(0);
      expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
    } finally {
      await env.close();
    }
  });

  it('decides access before validation: an anonymous caller with a bad body gets 401, not a validation message', async () => {
    const env = await testEnv();
    try {
      const r = await env.request('POST', '/api/cases/sednaya-2024/claims', {}, { text: 1, bogus: true });
      expect(r.status).toBe(401);
      expect(r.body.code).toBe('auth.required');
    } finally {
      await env.close();
    }
  });
});
