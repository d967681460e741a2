// The API routes the web desk added (issue 10): claim counts and filters, the ClaimReview preview,
// "similar as you type", withdrawing a verdict, newest-first statements and sweeps, and a case's
// history for its members.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnv, type TestEnv } from './harness.ts';

const C = '/api/cases/sednaya-2024';

describe('the API of the web desk', () => {
  let env: TestEnv;
  let viewer: Record<string, string>;
  let outsider: Record<string, string>;
  beforeAll(async () => {
    env = await testEnv();
    await env.request('POST', '/api/admin/demo');
    viewer = await env.user('vera', { caseSlug: 'sednaya-2024', role: 'viewer' });
    outsider = await env.user('otto');
  });
  afterAll(() => env.close());

  it('counts claims by status, and the counts agree with the filtered lists', async () => {
    const counts = (await env.request('GET', `${C}/claims/counts`, viewer)).body;
    const all = (await env.request('GET', `${C}/claims?limit=500`)).body.claims as {
      status: string;
      verdict: string | null;
      publishedAt: string | null;
    }[];
    expect(counts.total).toBe(all.length);
    for (const status of ['unverified', 'in_review', 'verdict'] as const)
      expect(counts[status]).toBe(all.filter((c) => c.status === status).length);
    expect(counts.published).toBe(all.filter((c) => c.publishedAt).length);
    expect(counts.published).toBeGreaterThan(0);

    const published = (await env.request('GET', `${C}/claims?published=true`)).body.claims;
    expect(published.length).toBe(counts.published);
    const unpublished = (await env.request('GET', `${C}/claims?status=verdict&published=false`)).body.claims;
    expect(unpublished.length).toBe(counts.verdict - counts.published);
    const falseOnes = (await env.request('GET', `${C}/claims?verdict=false`)).body.claims;
    expect(falseOnes.every((c: { verdict: string }) => c.verdict === 'false')).toBe(true);
    expect(falseOnes.length).toBe(all.filter((c) => c.verdict === 'false').length);
  });

  it('previews the ClaimReview a verdict would publish, and shows the published one as published', async () => {
    const claim = (
      await env.request('POST', `${C}/claims`, env.admin, {
        text: 'A new rumour about the prison',
        language: 'en',
      })
    ).body.claim;
    const none = await env.request('GET', `${C}/claims/${claim.id}/claimreview`);
    expect(none.status).toBe(400);
    expect(none.body.code).toBe('claim.no_verdict');
    await env.request('POST', `${C}/claims/${claim.id}/review`);
    await env.request('POST', `${C}/claims/${claim.id}/verdict`, env.admin, {
      verdict: 'unproven',
      summary: 'Nothing confirms it yet.',
    });
    const preview = (await env.request('GET', `${C}/claims/${claim.id}/claimreview`, viewer)).body;
    expect(preview.published).toBe(false);
    expect(preview.claimReview).toMatchObject({
      '@type': 'ClaimReview',
      claimReviewed: 'A new rumour about the prison',
      reviewBody: 'Nothing confirms it yet.',
      reviewRating: { alternateName: 'Unproven' },
    });
    expect(preview.claimReview.url).toMatch(new RegExp(`/public/verdicts/${claim.id}$`));
    await env.request('POST', `${C}/claims/${claim.id}/publish`);
    const after = (await env.request('GET', `${C}/claims/${claim.id}/claimreview`)).body;
    expect(after.published).toBe(true);
    const exported = (await env.request('GET', `${C}/claimreview`)).body as { url: string }[];
    expect(exported.find((r) => r.url === after.claimReview.url)).toEqual(after.claimReview);
  });

  it('withdraws a published verdict with its reason, and refuses to withdraw one not published', async () => {
    const claim = (await env.request('GET', `${C}/claims?published=true`)).body.claims[0];
    const byViewer = await env.request('POST', `${C}/claims/${claim.id}/withdraw`, viewer, { reason: 'x' });
    expect(byViewer.status).toBe(403);
    const r = await env.request('POST', `${C}/claims/${claim.id}/withdraw`, env.admin, {
      reason: 'the source retracted',
    });
    expect(r.status).toBe(200);
    expect(r.body.publishedAt).toBeNull();
    expect(r.body.verdict).toBe(claim.verdict);
    const again = await env.request('POST', `${C}/claims/${claim.id}/withdraw`, env.admin, {
      reason: 'again',
    });
    expect(again.status).toBe(400);
    expect(again.body.code).toBe('claim.not_published');
    const history = (await env.request('GET', `${C}/history?entityType=claim&entityId=${claim.id}`, viewer))
      .body.events;
    expect(history[0]).toMatchObject({ action: 'claim.publication_withdrawn' });
    expect(JSON.stringify(history[0].after)).toContain('the source retracted');
  });

  it('offers similar claims as one types, from the cases one reads and published verdicts only', async () => {
    const demo = (await env.request('GET', `${C}/claims?limit=1`)).body.claims[0];
    const mine = (await env.request('GET', `/api/claims/similar?q=${encodeURIComponent(demo.text)}`, viewer))
      .body.similar;
    expect(mine[0]).toMatchObject({ id: demo.id, caseSlug: 'sednaya-2024' });
    const theirs = (
      await env.request('GET', `/api/claims/similar?q=${encodeURIComponent(demo.text)}`, outsider)
    ).body.similar as { id: string; caseSlug: string | null; publishedAt: string | null }[];
    expect(theirs.every((s) => s.publishedAt !== null && s.caseSlug === null)).toBe(true);
    const empty = await env.request('GET', '/api/claims/similar?q=%20%21%3F', viewer);
    expect(empty.body.similar).toEqual([]);
    const nothing = await env.request('GET', '/api/claims/similar?q=', viewer);
    expect(nothing.status).toBe(400);
  });

  it('lists statements and sweeps newest first, undated last, and refuses a cursor of the other order', async () => {
    for (const [list, field] of [
      ['statements', 'stated'],
      ['sweeps', 'started'],
    ] as const) {
      const oldest = (await env.request('GET', `${C}/${list}?limit=500`)).body[list];
      const newest: { id: string; [k: string]: unknown }[] = [];
      let cursor: string | null = null;
      do {
        const page: { [k: string]: unknown; nextCursor: string | null } = (
          await env.request('GET', `${C}/${list}?order=newest&limit=2${cursor ? `&cursor=${cursor}` : ''}`)
        ).body;
        newest.push(...(page[list] as typeof newest));
        cursor = page.nextCursor;
      } while (cursor);
      const dated = (xs: typeof newest) => xs.filter((x) => x[field]);
      const undated = (xs: typeof newest) => xs.filter((x) => !x[field]).map((x) => x.id);
      expect(dated(newest).map((x) => x.id)).toEqual(
        dated(oldest)
          .map((x: { id: string }) => x.id)
          .reverse(),
      );
      expect(newest.slice(newest.length - undated(newest).length).every((x) => !x[field])).toBe(true);
      expect(new Set(undated(newest))).toEqual(new Set(undated(oldest)));
      const oldCursor = (await env.request('GET', `${C}/${list}?limit=1`)).body.nextCursor;
      const mixed = await env.request('GET', `${C}/${list}?order=newest&cursor=${oldCursor}`);
      expect(mixed.status).toBe(400);
    }
  });

  it('reads one record of the case file by id, and answers 404 for one of another case', async () => {
    const other = (
      await env.request('POST', '/api/cases', env.admin, {
        slug: 'other-desk',
        title: 'Other',
        timeZone: 'UTC',
      })
    ).body;
    for (const list of ['sources', 'statements', 'places', 'sweeps', 'figures']) {
      const first = (await env.request('GET', `${C}/${list}?limit=1`)).body[list][0];
      const one = await env.request('GET', `${C}/${list}/${first.id}`, viewer);
      expect(one.status).toBe(200);
      expect(one.body).toEqual(first);
      const elsewhere = await env.request('GET', `/api/cases/${other.slug}/${list}/${first.id}`);
      expect(elsewhere.status).toBe(404);
    }
  });

  it("gives a case's history to its members: of one record, or since a moment, without the trail's readings", async () => {
    const before = new Date().toISOString();
    const place = (await env.request('GET', `${C}/places?limit=1`)).body.places[0];
    await env.request('PATCH', `${C}/places/${place.id}`, env.admin, {
      description: 'corrected description',
    });
    await env.request('GET', `${C}/audit`); // a reading of the trail: recorded, but not history
    const since = (await env.request('GET', `${C}/history?since=${before}`, viewer)).body.events;
    expect(since.map((e: { action: string }) => e.action)).toEqual(['place.updated']);
    expect(since[0]).toMatchObject({
      entityType: 'place',
      entityId: place.id,
      after: { description: 'corrected description' },
    });
    const one = (await env.request('GET', `${C}/history?entityType=place&entityId=${place.id}`, viewer)).body
      .events;
    expect(one.map((e: { action: string }) => e.action)).toEqual(['place.updated', 'place.created']);
    expect((await env.request('GET', `${C}/history`, outsider)).status).toBe(404);
    const bad = await env.request('GET', `${C}/history?since=yesterday`, viewer);
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toMatch(/since/);
  });
});
