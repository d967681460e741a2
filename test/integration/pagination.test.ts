import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnv, type TestEnv } from './harness.ts';

/**
 * Claims are listed newest first with an opaque cursor: walking the pages gives every claim
 * exactly once, in order, even when claims were created in the same instant.
 */

const K = '/api/cases/page-case';
let env: TestEnv;
const created: string[] = [];

async function walk(limit: number): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const r = await env.request(
      'GET',
      `${K}/claims?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    expect(r.status).toBe(200);
    expect(r.body.claims.length).toBeLessThanOrEqual(limit);
    ids.push(...r.body.claims.map((c: { id: string }) => c.id));
    cursor = r.body.nextCursor;
    if (++pages > 20) throw new Error('pagination does not end');
  } while (cursor);
  return { ids, pages };
}

describe('claims list pagination', () => {
  beforeAll(async () => {
    env = await testEnv();
    expect(
      (
        await env.request('POST', '/api/cases', env.admin, {
          slug: 'page-case',
          title: 'Pages',
          timeZone: 'UTC',
        })
      ).status,
    ).toBe(201);
    for (let i = 1; i <= 5; i++) {
      const r = await env.request('POST', `${K}/claims`, env.admin, {
        text: `numbered rumour ${i} about the prison`,
        language: 'en',
      });
      expect(r.status).toBe(201);
      created.push(r.body.claim.id);
    }
  });
  afterAll(() => env.close());

  it('walks 5 claims 2 at a time, newest first, each once', async () => {
    const { ids, pages } = await walk(2);
    expect(pages).toBe(3);
    expect(ids).toEqual([...created].reverse());
    const again = await walk(2);
    expect(again.ids).toEqual(ids);
    expect((await walk(5)).pages).toBe(1);
  });

  it('keeps pages stable when a claim is added between pages', async () => {
    const first = await env.request('GET', `${K}/claims?limit=2`);
    const late = await env.request('POST', `${K}/claims`, env.admin, {
      text: 'a rumour added while someone pages',
      language: 'en',
    });
    expect(late.status).toBe(201);
    const second = await env.request(
      'GET',
      `${K}/claims?limit=10&cursor=${encodeURIComponent(first.body.nextCursor)}`,
    );
    const seen = [...first.body.claims, ...second.body.claims].map((c: { id: string }) => c.id);
    expect(seen).toEqual([...created].reverse());
    await sql`DELETE FROM claim WHERE id = ${late.body.claim.id}`.execute(env.app.database.db);
  });

  it('does not skip claims created in the same instant (one transaction, sub-millisecond clocks)', async () => {
    // PostgreSQL keeps microseconds; a cursor must not lose them.
    await sql`UPDATE claim SET created_at = '2024-12-09 10:00:00.123456+00' WHERE id IN (${sql.join(created.slice(0, 3))})`.execute(
      env.app.database.db,
    );
    await sql`UPDATE claim SET created_at = '2024-12-09 10:00:00.123789+00' WHERE id IN (${sql.join(created.slice(3))})`.execute(
      env.app.database.db,
    );
    for (const limit of [1, 2, 3]) {
      const { ids } = await walk(limit);
      expect(ids).toHaveLength(5);
      expect(new Set(ids)).toEqual(new Set(created));
    }
  });

  it('refuses a cursor it did not give out', async () => {
    const bad = [
      'not-a-cursor',
      Buffer.from('["2024-12-09T10:00:00Z"]').toString('base64url'),
      Buffer.from('["2024-12-09T10:00:00Z", 5]').toString('base64url'),
      Buffer.from('["2024-12-09T10:00:00Z", "not-a-uuid"]').toString('base64url'),
      Buffer.from('["yesterday", "00000000-0000-4000-8000-000000000000"]').toString('base64url'),
    ];
    for (const cursor of bad) {
      const r = await env.request('GET', `${K}/claims?limit=2&cursor=${encodeURIComponent(cursor)}`);
      expect(r.status, cursor).toBe(400);
      expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(r.body.code).toBe('validation.cursor');
      expect(r.body.errors[0].field).toMatch(/cursor$/);
    }
  });
});

/**
 * Every list the API returns pages the same way: `limit` and `cursor` in, the list under its own
 * key and `nextCursor` out. Walking a list two at a time gives what one large page gives, in the
 * same order, each item once.
 */
describe('every list pages the same way', () => {
  let e: TestEnv;
  const D = '/api/cases/sednaya-2024';
  beforeAll(async () => {
    e = await testEnv();
    expect((await e.request('POST', '/api/admin/demo')).status).toBe(200);
    for (const name of ['amal', 'basel', 'dima'])
      await e.user(name, { caseSlug: 'sednaya-2024', role: 'viewer' });
    for (let i = 0; i < 3; i++)
      expect((await e.request('POST', '/api/tokens', e.admin, { name: `token ${i}` })).status).toBe(201);
    for (const slug of ['second-case', 'third-case'])
      expect(
        (await e.request('POST', '/api/cases', e.admin, { slug, title: slug, timeZone: 'UTC' })).status,
      ).toBe(201);
    const place = (await e.request('GET', `${D}/places`)).body.places[0].id;
    for (const at of ['2024-12-10', undefined, '2024-12-09T08:00']) {
      const r = await e.request('POST', `${D}/sweeps`, e.admin, {
        placeId: place,
        result: 'ongoing',
        ...(at ? { started: { at } } : {}),
      });
      expect(r.status).toBe(201);
    }
    for (const value of [1, 2])
      expect(
        (await e.request('POST', `${D}/figures`, e.admin, { label: `count ${value}`, value, unit: 'people' }))
          .status,
      ).toBe(201);
  });
  afterAll(() => e.close());

  async function walkList(url: string, key: string, limit: number): Promise<{ action?: string }[]> {
    const items: { action?: string }[] = [];
    let cursor: string | null = null;
    for (let pages = 0; ; pages++) {
      const sep = url.includes('?') ? '&' : '?';
      const r = await e.request(
        'GET',
        `${url}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(r.status, `${url} ${JSON.stringify(r.body)}`).toBe(200);
      expect(r.body[key].length).toBeLessThanOrEqual(limit);
      items.push(...r.body[key]);
      cursor = r.body.nextCursor;
      if (cursor === null) return items;
      if (pages > 500) throw new Error(`${url} does not end`);
    }
  }

  const lists: [string, string][] = [
    ['/api/cases', 'cases'],
    [`${D}/sources`, 'sources'],
    [`${D}/statements`, 'statements'],
    [`${D}/places`, 'places'],
    [`${D}/sweeps`, 'sweeps'],
    [`${D}/figures`, 'figures'],
    [`${D}/claims`, 'claims'],
    [`${D}/timeline`, 'entries'],
    [`${D}/timeline?zone=UTC`, 'entries'],
    [`${D}/members`, 'members'],
    [`${D}/audit`, 'events'],
    ['/api/audit/events?entityType=statement', 'events'],
    ['/api/users', 'users'],
    ['/api/tokens', 'tokens'],
    ['/api/tokens?all=true', 'tokens'],
  ];
  for (const [url, key] of lists) {
    it(`${url}: two at a time equals one page`, async () => {
      const whole = (await e.request('GET', `${url}${url.includes('?') ? '&' : '?'}limit=500`)).body;
      expect(whole.nextCursor).toBeNull();
      expect(whole[key].length).toBeGreaterThan(2);
      // Reading the audit trail is recorded: those readings (the walk's own among them) are new
      // events that the earlier page could not hold.
      const kept = (items: { action?: string }[]) => items.filter((x) => x.action !== 'audit.read');
      expect(kept(await walkList(url, key, 2))).toEqual(kept(whole[key]));
    });
  }

  it('refuses a limit above the maximum and a cursor of another list, naming the field', async () => {
    const big = await e.request('GET', `${D}/sources?limit=501`);
    expect(big.status).toBe(400);
    expect(big.body.errors[0].field).toBe('/limit');
    const claimsCursor = (await e.request('GET', `${D}/claims?limit=1`)).body.nextCursor as string;
    const wrong = await e.request('GET', `${D}/sources?cursor=${encodeURIComponent(claimsCursor)}`);
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('validation.cursor');
  });
});
