import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnv, type TestEnv } from './harness.ts';

/**
 * Published verdicts as schema.org ClaimReview, the form search engines and fact-check
 * aggregators read: only what a reviewer published, signed by the configured organisation,
 * at a URL under the configured public base URL.
 */

const BASE = 'https://desk.example.org';
const ORG = 'Example Verification Desk';
const ORG_URL = 'https://desk.example.org/about';
const K = '/api/cases/cr-case';

let env: TestEnv;
let reviewer: Record<string, string>;
let sourceId: string;

async function claim(text: string, extra: Record<string, unknown> = {}): Promise<string> {
  const r = await env.request('POST', `${K}/claims`, reviewer, { text, language: 'en', ...extra });
  expect(r.status).toBe(201);
  return r.body.claim.id as string;
}
const review = async (id: string) =>
  expect((await env.request('POST', `${K}/claims/${id}/review`, reviewer)).status).toBe(200);
async function verdict(id: string, body: Record<string, unknown>) {
  const r = await env.request('POST', `${K}/claims/${id}/verdict`, reviewer, body);
  expect(r.status).toBe(200);
  return r.body;
}
async function publish(id: string) {
  const r = await env.request('POST', `${K}/claims/${id}/publish`, reviewer);
  expect(r.status).toBe(200);
  return r.body as { publishedAt: string; publicUrl: string; authorName: string };
}
async function exported(): Promise<Record<string, any>[]> {
  const r = await env.request('GET', `${K}/claimreview`, reviewer);
  expect(r.status).toBe(200);
  expect(String(r.headers['content-type'])).toMatch(/^application\/ld\+json/);
  return r.body as Record<string, any>[];
}
const reviewOf = (all: Record<string, unknown>[], id: string) =>
  all.find((x) => x.url === `${BASE}/public/verdicts/${id}`);

describe('ClaimReview export', () => {
  beforeAll(async () => {
    env = await testEnv({
      env: { ATHAR_PUBLIC_BASE_URL: `${BASE}/`, ATHAR_ORGANISATION: ORG, ATHAR_ORGANISATION_URL: ORG_URL },
    });
    expect(
      (
        await env.request('POST', '/api/cases', env.admin, {
          slug: 'cr-case',
          title: 'ClaimReview case',
          timeZone: 'Asia/Damascus',
        })
      ).status,
    ).toBe(201);
    reviewer = await env.user('rev', { caseSlug: 'cr-case', role: 'reviewer' });
    const s = await env.request('POST', `${K}/sources`, reviewer, {
      kind: 'account',
      name: 'Rumour account',
      platform: 'x',
      handle: '@rumours',
      url: 'https://x.com/rumours',
    });
    expect(s.status).toBe(201);
    sourceId = s.body.id;
  });
  afterAll(() => env.close());

  it('describes a published verdict with every ClaimReview field', async () => {
    const id = await claim('A man emerging from a hole was filmed at Sednaya this week', {
      appearanceUrl: 'https://www.tiktok.com/@someone/video/1',
      claimantSourceId: sourceId,
      firstSeen: { at: '2024-12-03', timeZone: 'Asia/Damascus' },
    });
    await review(id);
    const v = await verdict(id, { verdict: 'false', summary: 'AI-generated; circulating six days before.' });
    expect(v).toMatchObject({
      status: 'verdict',
      verdict: 'false',
      rating: 1,
      ratingOverridden: false,
      publishedAt: null,
    });
    const p = await publish(id);
    expect(p.publicUrl).toBe(`${BASE}/public/verdicts/${id}`);
    expect(p.authorName).toBe(ORG);

    const r = reviewOf(await exported(), id);
    expect(r).toEqual({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      url: `${BASE}/public/verdicts/${id}`,
      datePublished: expect.any(String),
      author: { '@type': 'Organization', name: ORG, url: ORG_URL },
      claimReviewed: 'A man emerging from a hole was filmed at Sednaya this week',
      inLanguage: 'en',
      reviewBody: 'AI-generated; circulating six days before.',
      reviewRating: {
        '@type': 'Rating',
        ratingValue: 1,
        bestRating: 5,
        worstRating: 1,
        alternateName: 'False',
      },
      itemReviewed: {
        '@type': 'Claim',
        author: {
          '@type': 'Organization',
          name: 'Rumour account (@rumours)',
          sameAs: 'https://x.com/rumours',
        },
        // known to the day: a schema.org Date, not a midnight instant
        datePublished: '2024-12-03',
        appearance: [{ '@type': 'CreativeWork', url: 'https://www.tiktok.com/@someone/video/1' }],
        firstAppearance: {
          '@type': 'CreativeWork',
          url: 'https://www.tiktok.com/@someone/video/1',
          datePublished: '2024-12-03',
        },
      },
    });
    expect(Date.parse(r!.datePublished as string)).toBe(Date.parse(p.publishedAt));
    expect(r!.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/);
  });

  it('rates from the verdict unless the reviewer sets a rating', async () => {
    const expected = {
      true: [5, 'True'],
      unproven: [3, 'Unproven'],
      misleading: [2, 'Misleading'],
      false: [1, 'False'],
    } as const;
    const ids: Record<string, string> = {};
    for (const [v, [rating]] of Object.entries(expected)) {
      const id = await claim(`claim rated by its verdict ${v}`);
      await review(id);
      expect((await verdict(id, { verdict: v, summary: 'checked' })).rating).toBe(rating);
      await publish(id);
      ids[v] = id;
    }
    const own = await claim('claim the reviewer rates by hand');
    await review(own);
    expect(await verdict(own, { verdict: 'misleading', summary: 'partly true', rating: 3 })).toMatchObject({
      rating: 3,
      ratingOverridden: true,
    });
    await publish(own);

    const all = await exported();
    for (const [v, [rating, name]] of Object.entries(expected)) {
      expect(reviewOf(all, ids[v]!)?.reviewRating).toEqual({
        '@type': 'Rating',
        ratingValue: rating,
        bestRating: 5,
        worstRating: 1,
        alternateName: name,
      });
    }
    expect(reviewOf(all, own)?.reviewRating).toMatchObject({ ratingValue: 3, alternateName: 'Misleading' });
    // no claimant, no appearance: the Claim says only what is known
    expect(reviewOf(all, own)?.itemReviewed).toEqual({ '@type': 'Claim' });
  });

  it('lists only published verdicts; revising a verdict withdraws it until it is published again', async () => {
    const unverified = await claim('a rumour nobody has looked at yet');
    const inReview = await claim('a rumour being checked');
    await review(inReview);
    const unpublished = await claim('a verdict not yet published');
    await review(unpublished);
    await verdict(unpublished, { verdict: 'true', summary: 'confirmed' });
    const revised = await claim('detainees are still held in hidden basements');
    await review(revised);
    await verdict(revised, { verdict: 'unproven', summary: 'no one found so far' });
    await publish(revised);

    let all = await exported();
    for (const id of [unverified, inReview, unpublished]) expect(reviewOf(all, id)).toBeUndefined();
    expect(reviewOf(all, revised)?.reviewRating).toMatchObject({ ratingValue: 3 });
    expect(all.every((x) => x['@type'] === 'ClaimReview' && typeof x.datePublished === 'string')).toBe(true);

    const again = await verdict(revised, { verdict: 'false', summary: 'searches found no hidden basement' });
    expect(again.publishedAt).toBeNull();
    expect(reviewOf(await exported(), revised)).toBeUndefined();
    await publish(revised);
    all = await exported();
    expect(reviewOf(all, revised)).toMatchObject({
      reviewRating: { ratingValue: 1, alternateName: 'False' },
      reviewBody: 'searches found no hidden basement',
    });
  });

  it('refuses a verdict on a claim that was never put in review, and changes nothing', async () => {
    const id = await claim('an unreviewed rumour about the prison');
    const r = await env.request('POST', `${K}/claims/${id}/verdict`, reviewer, {
      verdict: 'false',
      summary: 'too quick',
    });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ code: 'claim.verdict_requires_review', errors: [{ field: '/verdict' }] });
    expect((await env.request('GET', `${K}/claims/${id}`, reviewer)).body).toMatchObject({
      status: 'unverified',
      verdict: null,
      rating: null,
    });
    const pub = await env.request('POST', `${K}/claims/${id}/publish`, reviewer);
    expect(pub.status).toBe(400);
    expect(pub.body.code).toBe('claim.publish_requires_verdict');
  });
});
