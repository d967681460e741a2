import { chmodSync, existsSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveBinaries } from '#src/platform/media/ffmpeg.ts';
import { testEnv, type TestEnv } from './harness.ts';

/**
 * The demo case's synthetic stand-in videos, made with ffmpeg at demo load and captured through
 * the media module: each is labelled a stand-in, the cropped re-encode of the release video is
 * matched to it, the "man emerging from a hole" re-post is first seen about 3 December 2024 and
 * shows that it appeared before the case's event start. The load survives an ffmpeg that cannot
 * run (the case file loads, the media are owed) and resumes where an interrupted one stopped.
 *
 * ffmpeg is reached through a wrapper that fails while a flag file says so: wholly ('all'), or
 * only for the hole stand-in's test source ('hole', made third of four).
 */
describe('the demo case’s stand-in videos', () => {
  let env: TestEnv;
  let dir: string;
  const flag = (what: 'all' | 'hole') => path.join(dir, `fail-${what}`);
  const C = '/api/cases/sednaya-2024';

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'athar-demo-media-test-'));
    const wrapper = path.join(dir, 'ffmpeg');
    writeFileSync(
      wrapper,
      [
        '#!/bin/sh',
        `[ -e '${flag('all')}' ] && { echo 'ffmpeg: made to fail by the test' >&2; exit 1; }`,
        `case "$*" in *life=*) [ -e '${flag('hole')}' ] && { echo 'ffmpeg: hole made to fail by the test' >&2; exit 1; } ;; esac`,
        `exec '${resolveBinaries().ffmpeg}' "$@"`,
        '',
      ].join('\n'),
    );
    chmodSync(wrapper, 0o700);
    env = await testEnv({
      jobs: true,
      workers: true,
      env: { ATHAR_DEMO_MEDIA: 'true', FFMPEG_PATH: wrapper },
    });
  }, 60_000);
  afterAll(async () => {
    await env.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function items(): Promise<any[]> {
    const r = await env.request('GET', `${C}/media?limit=100`);
    expect(r.status).toBe(200);
    return r.body.items;
  }

  async function allProcessed(count: number): Promise<any[]> {
    for (let i = 0; i < 600; i++) {
      const list = await items();
      if (list.length === count && list.every((m) => !['received', 'processing'].includes(m.status)))
        return Promise.all(list.map(async (m) => (await env.request('GET', `${C}/media/${m.id}`)).body));
      await new Promise((ok) => setTimeout(ok, 100));
    }
    throw new Error('the stand-ins were not processed in 60 s');
  }

  it('without a working ffmpeg the case file loads, with no media, and says why', async () => {
    writeFileSync(flag('all'), '');
    const r = await env.request('POST', '/api/admin/demo');
    expect(r.status).toBe(200);
    expect(r.body.loaded).toBe(true);
    expect(r.body.media).toMatchObject({ state: 'failed' });
    expect(r.body.media.reason).toContain('made to fail by the test');
    expect(await items()).toEqual([]);
    unlinkSync(flag('all'));
  });

  it('a load stopped half-way keeps whole captures, and the next one makes only the rest', async () => {
    writeFileSync(flag('hole'), '');
    const first = await env.request('POST', '/api/admin/demo');
    expect(first.body).toMatchObject({ loaded: false, media: { state: 'failed' } });
    expect((await items()).map((m) => m.name).sort()).toEqual([
      'demo-stand-in-release-video-cropped-repost.mp4',
      'demo-stand-in-release-video.mp4',
    ]);
    unlinkSync(flag('hole'));
    const t0 = Date.now();
    const second = await env.request('POST', '/api/admin/demo');
    const madeMs = Date.now() - t0;
    expect(second.body.media).toEqual({ state: 'made', made: 2, items: 4 });
    // Two stand-ins made and captured: well under the few seconds the whole demo may take.
    expect(madeMs).toBeLessThan(15_000);
    const again = await env.request('POST', '/api/admin/demo');
    expect(again.body.media).toEqual({ state: 'already', items: 4 });
    expect(existsSync(flag('hole'))).toBe(false);
  });

  let byName: Map<string, any>;
  it('four synthetic videos, each captured once and labelled a stand-in, marked as demo data', async () => {
    const detail = await allProcessed(4);
    byName = new Map(detail.map((d) => [d.name, d]));
    for (const d of detail) {
      expect(d).toMatchObject({ status: 'processed', kind: 'video', isDemo: true, hasThumbnail: true });
      expect(d.durationS).toBeGreaterThan(5);
      expect(d.captures).toHaveLength(1);
      expect(d.captures[0].notes).toContain(
        'DEMO STAND-IN: synthetic media made by athar at demo load (ffmpeg test patterns); not real footage.',
      );
      expect(d.captures[0].capturedFrom).toContain('made by athar at demo load');
    }
    const release = byName.get('demo-stand-in-release-video.mp4');
    expect(release.captures[0]).toMatchObject({
      platform: 'x',
      account: 'Shaam network',
      postedAt: '2024-12-08T09:00:00.000Z',
    });
    expect([release.width, release.height]).toEqual([512, 288]);
    // The re-post is cropped to about 85 % of each side.
    expect(byName.get('demo-stand-in-release-video-cropped-repost.mp4')).toMatchObject({
      width: 432,
      height: 256,
    });
  });

  it('the cropped, re-encoded re-post is matched to the release video, and only it is called a copy', async () => {
    const release = byName.get('demo-stand-in-release-video.mp4');
    const copy = byName.get('demo-stand-in-release-video-cropped-repost.mp4');
    const m = copy.matches.find((x: { itemId?: string }) => x.itemId === release.id);
    expect(m).toMatchObject({ how: 'video' });
    expect(['suggested', 'confirmed']).toContain(m.status);
    expect(m.queryMatch ?? 1).toBeGreaterThanOrEqual(0.5);
    const codes = (d: any) => d.signals.map((s: { code: string }) => s.code);
    expect(codes(copy)).toContain('copy_of_earlier');
    // The release was posted first (8 December, the copy 9 December): it is not a copy of its copy.
    expect(codes(release)).not.toContain('copy_of_earlier');
    // Posted on the event's day: not before it.
    expect(codes(release)).not.toContain('appeared_before_event');
    expect(codes(copy)).not.toContain('appeared_before_event');
    // Neither matches the hole videos.
    const hole = byName.get('demo-stand-in-man-emerging-from-hole.mp4');
    expect(release.matches.some((x: { itemId?: string }) => x.itemId === hole.id)).toBe(false);
  });

  it('the hole video’s re-post is first seen about 3 December 2024 (claimed): before the event', async () => {
    const hole = byName.get('demo-stand-in-man-emerging-from-hole.mp4');
    const repost = byName.get('demo-stand-in-man-emerging-from-hole-repost.mp4');
    expect(repost.matches.find((x: { itemId?: string }) => x.itemId === hole.id)).toMatchObject({
      how: 'video',
      status: 'confirmed',
    });
    const first = { at: '2024-12-03T09:00:00.000Z', itemId: hole.id, observed: false };
    for (const d of [hole, repost]) {
      expect(d.firstSeen).toEqual(first);
      const before = d.signals.find((s: { code: string }) => s.code === 'appeared_before_event');
      expect(before.detail).toContain('claimed by a source');
    }
    expect(repost.captures[0].postedAt).toBe('2024-12-09T06:00:00.000Z');
    expect(repost.signals.map((s: { code: string }) => s.code)).toContain('copy_of_earlier');
  });

  it('ties the release to Sednaya prison and the hole videos to the claim they bear on', async () => {
    const places = (await env.request('GET', `${C}/places`)).body.places as any[];
    const prison = places.find((p) => p.names.some((n: { name: string }) => n.name === 'Sednaya prison'));
    expect(byName.get('demo-stand-in-release-video.mp4').placeId).toBe(prison.id);
    expect(byName.get('demo-stand-in-man-emerging-from-hole.mp4').placeId).toBeNull();
    const claims = (await env.request('GET', `${C}/claims?limit=100`)).body.claims as any[];
    const hole = claims.find((c) => c.text.includes('emerging from a hole'));
    const claim = (await env.request('GET', `${C}/claims/${hole.id}`)).body;
    const media = claim.evidence.filter((e: { targetType: string }) => e.targetType === 'media_item');
    expect(media.map((e: { targetId: string; stance: string }) => [e.targetId, e.stance]).sort()).toEqual(
      [
        [byName.get('demo-stand-in-man-emerging-from-hole.mp4').id, 'refutes'],
        [byName.get('demo-stand-in-man-emerging-from-hole-repost.mp4').id, 'context'],
      ].sort(),
    );
  });

  it('the fictional person of the demo registry is seen in the release stand-in, at its seconds', async () => {
    const found = await env.request('GET', `${C}/persons/search?q=${encodeURIComponent('يامن بسام الخطيب')}`);
    expect(found.status).toBe(200);
    const person = (await env.request('GET', `${C}/persons/${found.body.results[0].id}`)).body;
    expect(person.description).toContain('FICTIONAL');
    const seen = person.events.find((e: { kind: string }) => e.kind === 'seen');
    expect(seen.evidence).toEqual([
      { kind: 'media', id: byName.get('demo-stand-in-release-video.mp4').id, fromS: 2, toS: 4 },
    ]);
    // A sighting says alive, not where: he is still listed as detained.
    expect(person.status.status).toBe('detained');
  });
});
