/// <reference lib="dom" />
// (Functions passed to page.evaluate run in the browser, with the DOM's types.)
// Every page of the desk, in English and in Arabic: axe-core finds no serious or critical
// violation, no translation key is missing, nothing is fetched from another origin; and an XSS
// corpus stored through the API in every kind of user content renders as inert text everywhere.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { ExifTool } from 'exiftool-vendored';
import { picture } from '#test/support/media.ts';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE, e2eEnabled, settled, startDesk, type Desk, type GuardedContext } from './harness.ts';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Payloads an attacker could put in a claim, a name or a file's metadata. Each one that ran would
 * call __pwn (the harness records it) or add an element marked data-xss, or fetch evil.example.
 */
const XSS = [
  `<script>__pwn('script')</script>`,
  `<img src=x onerror="__pwn('img')" data-xss>`,
  `<svg onload="__pwn('svg')" data-xss></svg>`,
  `"><iframe data-xss srcdoc="<script>parent.__pwn('srcdoc')</script>"></iframe>`,
  `<a href="javascript:__pwn('href')" data-xss>read more</a>`,
  `<details open ontoggle="__pwn('details')" data-xss>x</details>`,
  `<math><mtext><table><mglyph><style><img src=x onerror="__pwn('mxss')" data-xss>`,
  `<img src="https://evil.example/pixel.png" data-xss>`,
  `<style>@import 'https://evil.example/a.css';</style><b data-xss>bold</b>`,
  `{{constructor.constructor('__pwn("template")')()}} $t(nav.signOut)`,
  `[click](javascript:__pwn('markdown')) &lt;b&gt;entity&lt;/b&gt;`,
  `\u202Egnp.exe\u202C <b data-xss>overridden</b>`,
];
const x = (i: number) => XSS[i % XSS.length]!;

async function axe(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern.
  await page.evaluate(AXE);
  const result = await page.evaluate(async () => {
    const w = window as unknown as {
      axe: {
        run: (
          ctx: Document,
          opts: object,
        ) => Promise<{
          violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[];
        }>;
      };
    };
    return w.axe.run(document, { resultTypes: ['violations'] });
  });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe.skipIf(!e2eEnabled)('the desk is accessible and renders user content as text', () => {
  let desk: Desk;
  let admin: GuardedContext;
  const ids: Record<string, string> = {};
  const C = `/api/cases/${CASE}`;

  beforeAll(async () => {
    // Jobs run: a stored file's metadata is read, so the payloads in it reach the item page.
    desk = await startDesk({ jobs: true });
    admin = await desk.context('en-GB');
    await admin.signIn();
    // The corpus, through the API, in every kind of user content the desk shows.
    const source = await admin.api('POST', `${C}/sources`, {
      kind: 'outlet',
      name: x(0),
      description: x(1),
    });
    ids.source = source.source?.id ?? source.id;
    const statement = await admin.api('POST', `${C}/statements`, {
      sourceId: ids.source,
      text: x(2),
      quote: x(3),
      language: 'en',
      stated: { at: '2024-12-09T10:00' },
    });
    ids.statement = statement.statement?.id ?? statement.id;
    const place = await admin.api('POST', `${C}/places`, {
      kind: 'building',
      names: [
        { lang: 'en', name: x(4) },
        { lang: 'ar', name: x(5) },
      ],
    });
    ids.place = place.place?.id ?? place.id;
    const sweep = await admin.api('POST', `${C}/sweeps`, {
      placeId: ids.place,
      result: 'nothing_found',
      team: x(6),
      notes: x(7),
      started: { at: '2024-12-09T11:00' },
    });
    ids.sweep = sweep.sweep?.id ?? sweep.id;
    await admin.api('POST', `${C}/figures`, {
      label: x(8),
      value: 7,
      unit: '<b data-xss>u</b>',
      sourceId: ids.source,
    });
    // A person whose free text carries the corpus (names must be names: their parts are checked).
    const person = await admin.api('POST', `${C}/persons`, {
      names: { lat: { given: 'Corpus', family: 'Tester' }, ar: { given: 'اختبار' } },
      birthplace: x(3),
      description: x(4),
      aliases: [{ name: 'Corpus Alias', kind: 'alias' }],
      externalId: x(5).slice(0, 200),
    });
    ids.person = person.id;
    await admin.api('POST', `${C}/persons/${ids.person}/events`, {
      kind: 'seen',
      certainty: 'reported',
      source: x(6).slice(0, 500),
      notes: x(7),
      evidence: [{ kind: 'document', description: x(8).slice(0, 2000) }],
    });
    // A release list whose title and lines carry the corpus.
    const list = await admin.ctx.request.post(
      `${desk.base}${C}/release-lists?title=${encodeURIComponent(x(9).slice(0, 300))}`,
      {
        headers: {
          'content-type': 'application/octet-stream',
          'x-csrf-token': await admin.page.evaluate(() => localStorage.getItem('athar.csrf') ?? ''),
        },
        data: Buffer.from(`Corpus Tester\n${x(1)}\n`),
      },
    );
    expect(list.status(), await list.text()).toBe(201);
    ids.list = ((await list.json()) as { id: string }).id;
    // An inquiry whose free text carries the corpus (its contact details are never shown on a page).
    const inquiry = await admin.api('POST', `${C}/inquiries`, {
      names: { lat: { given: 'Corpus', family: 'Tester' } },
      relation: x(2).slice(0, 100),
      lastSeen: x(3),
      details: x(4),
      birthplace: x(5).slice(0, 300),
      contact: { name: x(6).slice(0, 300), notes: x(7) },
      consent: { processing: true },
    });
    ids.inquiry = inquiry.id;
    const claim = await admin.api('POST', `${C}/claims`, { text: x(10), language: 'en' });
    ids.claim = claim.claim.id;
    await admin.api('POST', `${C}/claims/${ids.claim}/evidence`, {
      stance: 'supports',
      targetType: 'statement',
      targetId: ids.statement,
      note: x(11),
    });
    await admin.api('POST', `${C}/claims/${ids.claim}/review`);
    await admin.api('POST', `${C}/claims/${ids.claim}/verdict`, { verdict: 'false', summary: x(1) });
    await admin.api('POST', `${C}/claims/${ids.claim}/publish`);
    for (let i = 0; i < XSS.length; i++)
      await admin.api('POST', `${C}/claims`, { text: `rumour ${i}: ${x(i)}`, language: 'en' });
    // A picture whose EXIF and XMP fields carry the corpus, under a file name that is a payload.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'athar-xss-'));
    const file = path.join(dir, 'xss.jpg');
    writeFileSync(file, await picture(9, 240));
    const et = new ExifTool();
    try {
      await et.write(
        file,
        {
          ImageDescription: x(1),
          Artist: x(2),
          Make: x(5),
          Model: x(0),
          Software: x(7),
          'XMP-dc:Title': x(3),
          'XMP-dc:Description': x(6),
          'XMP-dc:Creator': [x(8)],
        } as Record<string, unknown>,
        ['-overwrite_original'],
      );
    } finally {
      await et.end();
    }
    const stored = await admin.ctx.request.post(
      `${desk.base}${C}/media?wait=true&name=${encodeURIComponent(`${x(4)}.jpg`)}&notes=${encodeURIComponent(x(11))}`,
      {
        headers: {
          'content-type': 'application/octet-stream',
          'x-csrf-token': await admin.page.evaluate(() => localStorage.getItem('athar.csrf') ?? ''),
        },
        data: readFileSync(file),
      },
    );
    rmSync(dir, { recursive: true, force: true });
    expect(stored.status(), await stored.text()).toBe(201);
    ids.media = ((await stored.json()) as { item: { id: string } }).item.id;
    const read = await admin.api('GET', `${C}/media/${ids.media}`);
    expect(JSON.stringify(read.metadata)).toContain('XMP-dc:Title');
    await admin.api('POST', '/api/users', { username: 'mallory', displayName: x(3) });
    await admin.api('POST', `${C}/members`, { username: 'mallory', role: 'viewer' });
    await admin.api('POST', '/api/tokens', { name: x(2) });
    await admin.api('POST', '/api/cases', {
      slug: 'xss-case',
      title: x(1),
      description: x(6),
      timeZone: 'UTC',
    });
  });
  afterAll(async () => {
    await desk?.close();
  });

  /** The pages of the desk, with what each is expected to show of the corpus. */
  function pages(): { path: string; shows?: boolean }[] {
    return [
      { path: '/', shows: true },
      { path: '/account', shows: true },
      { path: '/password' },
      { path: '/admin/users', shows: true },
      { path: '/admin/audit' },
      { path: `/cases/${CASE}`, shows: true },
      { path: `/cases/${CASE}/claims`, shows: true },
      { path: `/cases/${CASE}/claims?q=rumour`, shows: true },
      { path: `/cases/${CASE}/claims/new` },
      { path: `/cases/${CASE}/claims/${ids.claim}`, shows: true },
      { path: `/cases/${CASE}/sources`, shows: true },
      { path: `/cases/${CASE}/statements/${ids.statement}`, shows: true },
      { path: `/cases/${CASE}/places`, shows: true },
      { path: `/cases/${CASE}/sweeps/${ids.sweep}`, shows: true },
      { path: `/cases/${CASE}/timeline`, shows: true },
      { path: `/cases/${CASE}/figures`, shows: true },
      { path: `/cases/${CASE}/history`, shows: true },
      { path: `/cases/${CASE}/media`, shows: true },
      { path: `/cases/${CASE}/media/${ids.media}`, shows: true },
      { path: `/cases/${CASE}/members`, shows: true },
      { path: `/cases/${CASE}/persons`, shows: true },
      { path: `/cases/${CASE}/persons?q=Corpus%20Tester`, shows: true },
      { path: `/cases/${CASE}/persons/${ids.person}`, shows: true },
      { path: `/cases/${CASE}/persons/lists`, shows: true },
      { path: `/cases/${CASE}/persons/lists/${ids.list}`, shows: true },
      { path: `/cases/${CASE}/persons/inquiries`, shows: true },
      { path: `/cases/${CASE}/persons/inquiries/${ids.inquiry}`, shows: true },
      { path: '/inquire' },
      { path: `/cases/${CASE}/persons/import` },
      { path: '/cases/xss-case', shows: true },
      { path: '/no/such/page' },
    ];
  }

  async function visitAll(g: GuardedContext, check: (path: string, shows: boolean) => Promise<void>) {
    for (const p of pages()) {
      await g.page.goto(`${desk.base}${p.path}`);
      await settled(g.page);
      await check(p.path, p.shows ?? false);
    }
  }

  it('renders the XSS corpus as inert text in every view', async () => {
    const g = admin;
    const failures: string[] = [];
    await visitAll(g, async (path, shows) => {
      const seen = await g.page.evaluate((corpus) => {
        const text = document.body.innerText;
        return {
          injected: document.querySelectorAll('[data-xss], iframe, script:not([src]), object, embed').length,
          literal: corpus.filter((p) => text.includes(p.trim().slice(0, 24))).length,
        };
      }, XSS);
      if (seen.injected > 0) failures.push(`${path}: ${seen.injected} injected elements`);
      if (shows && seen.literal === 0) failures.push(`${path}: no payload shown as text`);
      for (const p of await g.problems()) failures.push(`${path}: ${p}`);
    });
    expect(failures).toEqual([]);
    // The public ClaimReview, too, carries the payload as a string, not as markup to run.
    const review = await admin.api('GET', `${C}/claims/${ids.claim}/claimreview`);
    expect(JSON.stringify(review)).toContain(JSON.stringify(x(10)).slice(1, -1));
  });

  for (const locale of ['en-GB', 'ar-SY']) {
    it(`has no serious or critical axe violation on any page (${locale})`, async () => {
      const g = locale === 'en-GB' ? admin : await desk.context(locale);
      if (g !== admin) await g.signIn();
      const failures: string[] = [];
      const signInCtx = await desk.context(locale);
      await signInCtx.page.goto(`${desk.base}/sign-in`);
      await settled(signInCtx.page);
      for (const v of await axe(signInCtx.page)) failures.push(`/sign-in: ${v}`);
      await signInCtx.close();
      await visitAll(g, async (path) => {
        const dir = await g.page.evaluate(() => document.documentElement.dir);
        if (dir !== (locale.startsWith('ar') ? 'rtl' : 'ltr')) failures.push(`${path}: dir=${dir}`);
        for (const v of await axe(g.page)) failures.push(`${path}: ${v}`);
        for (const p of await g.problems()) failures.push(`${path}: ${p}`);
      });
      expect(failures).toEqual([]);
      if (g !== admin) await g.close();
    });
  }
});
