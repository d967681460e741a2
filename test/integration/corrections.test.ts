import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnv, type TestEnv } from './harness.ts';

const C = '/api/cases/sednaya-2024';

describe('corrections to the case file', () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await testEnv();
    await env.request('POST', '/api/admin/demo');
  });
  afterAll(() => env.close());

  it('records the end of an ongoing sweep, keeping the before state in the audit trail', async () => {
    const place = (await env.request('GET', `${C}/places`)).body.places[0].id;
    const sweep = await env.request('POST', `${C}/sweeps`, env.admin, {
      placeId: place,
      result: 'ongoing',
      started: { at: '2024-12-10T09:00' },
    });
    expect(sweep.status).toBe(201);
    const ended = await env.request('PATCH', `${C}/sweeps/${sweep.body.id}`, env.admin, {
      ended: { at: '2024-12-10T18:30' },
      result: 'nothing_found',
      notes: 'basement levels 1–3',
    });
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({
      result: 'nothing_found',
      notes: 'basement levels 1–3',
      ended: { at: '2024-12-10T15:30:00Z', precision: 'minute' },
    });
    expect(ended.body.started.at).toBe('2024-12-10T06:00:00Z');
    const events = (await env.request('GET', `/api/audit/events?entityType=sweep&entityId=${sweep.body.id}`))
      .body.events;
    expect(events[0]).toMatchObject({
      action: 'sweep.updated',
      before: { result: 'ongoing', ended: null },
      after: { result: 'nothing_found' },
    });
  });

  it('refuses an end before the start and leaves the sweep as it was', async () => {
    const sweep = (await env.request('GET', `${C}/sweeps`)).body.sweeps[0];
    const r = await env.request('PATCH', `${C}/sweeps/${sweep.id}`, env.admin, {
      ended: { at: '2020-01-01' },
    });
    expect(r.status).toBe(400);
    expect(r.body.errors[0].field).toBe('/ended/at');
    expect((await env.request('GET', `${C}/sweeps`)).body.sweeps[0]).toEqual(sweep);
  });

  // Issue 9: a correction that changes anything the published ClaimReview shows withdraws it (the
  // text did before; the appearance URL, language, first sighting and claimant did not).
  it('withdraws a publication when what it shows is corrected, and keeps it when nothing it shows changed', async () => {
    const published = (await env.request('GET', `${C}/claims?status=verdict`)).body.claims.filter(
      (c: { publishedAt: string | null }) => c.publishedAt,
    );
    expect(published.length).toBe(2);
    const [a, b] = published;
    const same = await env.request('PATCH', `${C}/claims/${a.id}`, env.admin, { language: a.language });
    expect(same.body.publishedAt).toBe(a.publishedAt);
    const text = await env.request('PATCH', `${C}/claims/${b.id}`, env.admin, {
      text: `${b.text} (corrected)`,
    });
    expect(text.status).toBe(200);
    expect(text.body.publishedAt).toBeNull();
    const reviews = (await env.request('GET', `${C}/claimreview`)).body;
    expect(reviews.map((r: { claimReviewed: string }) => r.claimReviewed)).toEqual([a.text]);
    const url = await env.request('PATCH', `${C}/claims/${a.id}`, env.admin, {
      appearanceUrl: 'https://example.org/post/1',
    });
    expect(url.body.publishedAt).toBeNull();
    expect((await env.request('GET', `${C}/claimreview`)).body).toEqual([]);
  });

  it('answers 404 for an entry of another case and 400 for an empty correction', async () => {
    const other = await env.request('POST', '/api/cases', env.admin, {
      slug: 'other-case',
      title: 'Other',
      timeZone: 'UTC',
    });
    expect(other.status).toBe(201);
    const source = (await env.request('GET', `${C}/sources`)).body.sources[0].id;
    const r = await env.request('PATCH', `/api/cases/other-case/sources/${source}`, env.admin, {
      name: 'moved?',
    });
    expect(r.status).toBe(404);
    expect(r.body.code).toBe('source.not_found');
    const empty = await env.request('PATCH', `${C}/sources/${source}`, env.admin, {});
    expect(empty.status).toBe(400);
  });
});
