/// <reference lib="dom" />
// (Functions passed to page.evaluate run in the browser, with the DOM's types.)
// Media evidence in the desk, as a fact-checker uses it (issue 11, "In the desk"): upload a picture
// and see its copy side by side with its first seen; check a video clip without storing it and see
// where it sits in the original; graphic pictures stay blurred until chosen; and metadata and file
// names, which an attacker writes, render as text — in English and in Arabic.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ffmpeg, picture } from '#test/support/media.ts';
import { CASE, e2eEnabled, settled, startDesk, type Desk, type GuardedContext } from './harness.ts';

const C = `/api/cases/${CASE}/media`;

describe.skipIf(!e2eEnabled)('media evidence in the desk', () => {
  let desk: Desk;
  let admin: GuardedContext;
  let tmp: string;

  /** Stores a file through the API (as an earlier capture would have), processed before it answers. */
  async function store(name: string, body: Buffer, query = ''): Promise<{ id: string }> {
    const r = await admin.ctx.request.post(
      `${desk.base}${C}?name=${encodeURIComponent(name)}&wait=true${query}`,
      {
        headers: {
          'content-type': 'application/octet-stream',
          'x-csrf-token': await admin.page.evaluate(() => localStorage.getItem('athar.csrf') ?? ''),
        },
        data: body,
      },
    );
    expect(r.status(), await r.text()).toBe(201);
    const out = (await r.json()) as { item: { id: string; status: string } };
    expect(out.item.status).toBe('processed');
    return out.item;
  }

  beforeAll(async () => {
    desk = await startDesk({ jobs: true });
    admin = await desk.context('en-GB');
    await admin.signIn();
    tmp = mkdtempSync(path.join(os.tmpdir(), 'athar-e2e-media-'));
  });
  afterAll(async () => {
    await desk?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('uploads a picture, shows its earlier copy side by side, and its first seen once confirmed', async () => {
    const original = await picture(41, 480);
    await store('courtyard.jpg', original, '&platform=telegram&postedAt=2024-12-03T09:00:00Z');
    // A re-encoded, smaller copy: the kind of re-post a fact-checker is handed.
    const repost = await sharp(original).resize(360).jpeg({ quality: 55 }).toBuffer();

    const { page } = admin;
    await page.goto(`${desk.base}/cases/${CASE}/media`);
    await settled(page);
    await page.getByRole('button', { name: 'Upload files' }).click();
    await page
      .getByLabel(/^Files/)
      .setInputFiles({ name: 'repost.jpg', mimeType: 'image/jpeg', buffer: repost });
    await page.getByLabel(/^Platform/).fill('x');
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    const row = page.locator('.uploads .upload').first();
    // Bytes sent, then each processing stage, until the item is processed.
    await expect.poll(() => row.textContent(), { timeout: 60_000 }).toMatch(/processed/);
    await row.getByRole('link', { name: 'Open' }).click();
    await settled(page);

    await expect.poll(() => page.locator('h1').textContent()).toBe('repost.jpg');
    const match = page.locator('.match');
    await expect.poll(() => match.textContent()).toMatch(/suggested|confirmed/);
    expect(await match.locator('.pair img').count()).toBe(2);
    expect(await match.textContent()).toContain('courtyard.jpg');
    expect(await match.textContent()).toMatch(/bits apart/);
    // The cluster's times: the earlier copy's claimed posting comes first.
    const times = await page.locator('.cluster-timeline li').allTextContents();
    expect(times[0]).toMatch(/3 December 2024/);

    const status = await match.locator('.badge').first().textContent();
    if (status === 'suggested') {
      await match.getByRole('button', { name: 'Confirm: a copy' }).click();
      await expect.poll(() => match.locator('.badge').first().textContent()).toBe('confirmed');
    }
    // Confirmed, the copy's earlier (claimed) posting is the cluster's first seen.
    await expect
      .poll(() => page.locator('.first-seen').textContent())
      .toMatch(/3 December 2024.*claimed by a source/);
    expect(await page.locator('.signals').textContent()).toMatch(/A copy of an earlier item/);
    // The decision is on the item's custody history.
    await expect
      .poll(() => page.locator('.history').textContent())
      .toMatch(/confirmed a match|stored a media file/);
    expect(await admin.problems()).toEqual([]);
  });

  it('checks a video clip without storing it and shows where it sits in the original', async () => {
    // An original of twelve distinct seconds, and a re-encoded, rescaled clip of seconds 4 to 9.
    for (let i = 0; i < 12; i++)
      writeFileSync(path.join(tmp, `p${String(i).padStart(2, '0')}.jpg`), await picture(100 + i, 240));
    const orig = path.join(tmp, 'orig.mp4');
    const clip = path.join(tmp, 'clip.mp4');
    await ffmpeg([
      '-framerate',
      '1',
      '-i',
      path.join(tmp, 'p%02d.jpg'),
      '-vf',
      'fps=10,format=yuv420p',
      '-c:v',
      'libx264',
      orig,
    ]);
    await ffmpeg([
      '-ss',
      '4',
      '-t',
      '5',
      '-i',
      orig,
      '-vf',
      'scale=200:200,format=yuv420p',
      '-c:v',
      'libx264',
      '-crf',
      '32',
      clip,
    ]);
    await store('release.mp4', readFileSync(orig), '&platform=x&account=shaam');
    const before = (await admin.api('GET', C)).items.length as number;

    const { page } = admin;
    await page.goto(`${desk.base}/cases/${CASE}/media`);
    await settled(page);
    await page.getByRole('button', { name: 'Check a file' }).click();
    await page.getByLabel(/^File to check/).setInputFiles(clip);
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    const answer = page.locator('.check-answer');
    await expect.poll(() => answer.textContent(), { timeout: 60_000 }).toMatch(/known cop/);
    const text = (await answer.textContent()) ?? '';
    expect(text).toMatch(/1 known copy/);
    expect(text).toMatch(/a similar video/);
    // Where the clip sits: its start lies about four seconds into the original.
    const range = /(\d+):(\d\d)–(\d+):(\d\d) of this matches (\d+):(\d\d)–(\d+):(\d\d) of the other/.exec(
      text,
    );
    expect(range, text).not.toBeNull();
    const [qs, , ts, te] = [
      Number(range![1]) * 60 + Number(range![2]),
      Number(range![3]) * 60 + Number(range![4]),
      Number(range![5]) * 60 + Number(range![6]),
      Number(range![7]) * 60 + Number(range![8]),
    ];
    expect(qs).toBeLessThanOrEqual(1);
    expect(ts).toBeGreaterThanOrEqual(3);
    expect(ts).toBeLessThanOrEqual(5);
    expect(te).toBeGreaterThanOrEqual(7);
    expect(text).toMatch(/The file was not kept/);
    // Nothing was stored.
    expect((await admin.api('GET', C)).items.length).toBe(before);
    // The match opens the original at the matched second.
    await answer.getByRole('link', { name: 'a similar video' }).click();
    await settled(page);
    await expect.poll(() => page.locator('h1').textContent()).toBe('release.mp4');
    expect(await page.locator('.viewer').textContent()).toContain(`Opens at 0:0${ts}`);
    await page.getByRole('button', { name: 'Play the original' }).click();
    expect(await page.locator('video.player').getAttribute('src')).toMatch(new RegExp(`/original#t=${ts}$`));
    // The keyframe strip: twelve frames over the twelve seconds, each playing from its time.
    const frames = page.locator('.keyframes button');
    expect(await frames.count()).toBe(12);
    await page.getByRole('button', { name: 'Play from 0:07' }).click();
    await expect
      .poll(() => page.locator('video.player').evaluate((v: HTMLVideoElement) => Math.round(v.currentTime)))
      .toBe(7);
    expect(await admin.problems()).toEqual([]);
  });

  it('sends a large file in pieces and goes on after a dropped connection', async () => {
    const big = Buffer.alloc(20 * 1024 * 1024);
    for (let i = 0; i < big.length; i += 4096) big.writeUInt32BE((i * 2654435761) >>> 0, i);
    // A context of its own: the dropped connection is logged there, not in the other tests'.
    const g = await desk.context('en-GB');
    await g.signIn();
    const { page } = g;
    // The first piece's connection drops: the desk asks the server what it has and goes on.
    let dropped = 0;
    await page.route(/\/media\/uploads\/[0-9a-f-]+\?offset=0$/, async (route) => {
      if (dropped++ === 0) await route.abort('connectionreset');
      else await route.continue();
    });
    await page.goto(`${desk.base}/cases/${CASE}/media`);
    await settled(page);
    await page.getByRole('button', { name: 'Upload files' }).click();
    await page
      .getByLabel(/^Files/)
      .setInputFiles({ name: 'long.bin', mimeType: 'application/octet-stream', buffer: big });
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    const row = page.locator('.uploads .upload').first();
    await expect.poll(() => row.textContent(), { timeout: 90_000 }).toMatch(/unreadable|processed/);
    await page.unroute(/\/media\/uploads\//);
    expect(dropped).toBeGreaterThanOrEqual(2);
    const items = (await admin.api('GET', C)).items as { name: string; size: number; sha256: string }[];
    const stored = items.find((i) => i.name === 'long.bin')!;
    expect(stored.size).toBe(big.length);
    expect(stored.sha256).toBe(createHash('sha256').update(big).digest('hex'));
    // The dropped connection is a console error the browser reports, not a problem of the page.
    expect(
      (await g.problems()).filter((p) => !/ERR_CONNECTION_RESET|Failed to load resource/.test(p)),
    ).toEqual([]);
    await g.close();
  });

  it('keeps a graphic picture blurred until the viewer chooses to see it', async () => {
    const item = await store('graphic.jpg', await picture(77, 320));
    await admin.api('PATCH', `${C}/${item.id}`, { sensitivity: ['graphic'] });
    const { page } = admin;
    await page.goto(`${desk.base}/cases/${CASE}/media/${item.id}`);
    await settled(page);
    const viewer = page.locator('.viewer .media-thumb');
    expect(await viewer.getAttribute('class')).toContain('veiled');
    expect(await viewer.locator('img').evaluate((img) => getComputedStyle(img).filter)).toMatch(/blur/);
    // Opening the original waits for the choice to look.
    expect(await page.getByRole('button', { name: 'Open the original' }).isDisabled()).toBe(true);
    await viewer.getByRole('button', { name: 'Show' }).click();
    expect(await page.locator('.viewer .media-thumb').getAttribute('class')).not.toContain('veiled');
    await page.getByRole('button', { name: 'Open the original' }).click();
    await expect
      .poll(() => page.locator('img.player').evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBe(320);
    // Opening it was a custody event.
    await page.reload();
    await settled(page);
    expect(await page.locator('.history').textContent()).toMatch(/opened the original/);
    expect(await admin.problems()).toEqual([]);
  });

  it('exports the evidence package from the desk, checked against the hash athar recorded', async () => {
    const { page } = admin;
    await page.goto(`${desk.base}/cases/${CASE}/media`);
    await settled(page);
    await page.getByText('Export the evidence package').click();
    const saved = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const download = await saved;
    expect(download.suggestedFilename()).toMatch(/^athar-evidence-[0-9a-f-]+\.tar$/);
    const file = path.join(tmp, 'package.tar');
    await download.saveAs(file);
    const bytes = readFileSync(file);
    const shown = await page.locator('.export-evidence code').textContent();
    expect(shown).toBe(createHash('sha256').update(bytes).digest('hex'));
    // The export is on the audit trail with that hash.
    const trail = await admin.api('GET', `/api/cases/${CASE}/history?entityType=evidence_export`);
    expect(JSON.stringify(trail.events)).toContain(shown!);
    expect(bytes.includes(Buffer.from('SHA256SUMS'))).toBe(true);
    expect(await admin.problems()).toEqual([]);
  });

  it('shows the media pages in Arabic, right to left, with every string translated', async () => {
    const g = await desk.context('ar-SY');
    await g.signIn();
    const items = (await g.api('GET', C)).items as { id: string; name: string }[];
    const video = items.find((i) => i.name === 'release.mp4')!;
    for (const p of ['/media', `/media/${video.id}`]) {
      await g.page.goto(`${desk.base}/cases/${CASE}${p}`);
      await settled(g.page);
      expect(await g.page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    }
    expect(await g.page.locator('h2').allTextContents()).toContain('أول ظهور');
    expect(await g.problems()).toEqual([]);
    await g.close();
  });
});
