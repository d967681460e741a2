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
    const wh = tl.body.entries.find((e: { kind: string; title: string }) => e.kind === 'statement' && e.title.startsWith('White Helmets'));
    expect(wh).toMatchObject({ at: '2024-12-09T13:45:00Z', local: '2024-12-09T16:45+03:00', precision: 'minute', sourceTimeZone: 'Asia/Damascus' });
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
