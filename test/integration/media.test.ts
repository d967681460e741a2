import {
  chmodSync,
  existsSync,
  readFileSync,
  readdirSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '#src/platform/context.ts';
import { describeContainer, resolveBinaries } from '#src/platform/media/ffmpeg.ts';
import { ffmpeg, picture } from '#test/support/media.ts';
import { itWithData, sharedData } from '#test/support/testdata.ts';
import { testEnv, type TestEnv } from './harness.ts';

/**
 * Media evidence through the API on small generated pictures: storing (hashed while streaming,
 * write-once, one item per distinct file with a capture per collection), processing (metadata,
 * fingerprint, thumbnail), matching a re-encoded copy, first seen, custody events, limits, files
 * that cannot be decoded, the blob store check, and what a reader of another case may learn.
 */

const octet = (h: Record<string, string>) => ({ ...h, 'content-type': 'application/octet-stream' });

describe('media evidence', () => {
  let env: TestEnv;
  let original: Buffer;
  let copy: Buffer;
  const C = '/api/cases/sednaya-2024/media';

  async function processed(id: string): Promise<any> {
    for (let i = 0; i < 300; i++) {
      const r = await env.request('GET', `${C}/${id}`);
      if (!['received', 'processing'].includes(r.body.status)) return r.body;
      await new Promise((ok) => setTimeout(ok, 100));
    }
    throw new Error(`item ${id} was not processed in 30 s`);
  }

  beforeAll(async () => {
    env = await testEnv({ jobs: true, workers: true, env: { ATHAR_MEDIA_LIMIT_BYTES: '400000' } });
    expect((await env.request('POST', '/api/admin/demo')).status).toBeLessThan(300);
    original = await picture(1);
    copy = await sharp(original).resize(300).jpeg({ quality: 45 }).toBuffer();
  }, 60_000);
  afterAll(() => env.close());

  let firstId = '';
  it('stores a file as evidence: hashed at collection, write-once, processed in the background', async () => {
    const r = await env.request(
      'POST',
      `${C}?name=${encodeURIComponent('صورة 1.jpg')}&notes=from%20a%20family&platform=Telegram&postedAt=2024-12-03T09:00:00Z`,
      octet(env.admin),
      original,
    );
    expect(r.status).toBe(201);
    expect(r.body.duplicate).toBe(false);
    const { createHash } = await import('node:crypto');
    expect(r.body.item.sha256).toBe(createHash('sha256').update(original).digest('hex'));
    expect(r.body.capture).toMatchObject({
      method: 'upload',
      capturedBy: 'admin',
      notes: 'from a family',
      platform: 'Telegram',
      fileName: 'صورة 1.jpg',
    });
    firstId = r.body.item.id;
    const blob = env.app.blobs.pathOf(r.body.item.sha256);
    expect(existsSync(blob)).toBe(true);
    // Write-once: the stored original is read-only.
    const { statSync } = await import('node:fs');
    expect(statSync(blob).mode & 0o777).toBe(0o400);
    const d = await processed(firstId);
    expect(d).toMatchObject({
      status: 'processed',
      kind: 'image',
      width: 480,
      height: 480,
      hasThumbnail: true,
    });
    // A posting time claimed by the source is earlier than the capture: first seen says it is claimed.
    expect(d.firstSeen).toEqual({ at: '2024-12-03T09:00:00.000Z', itemId: firstId, observed: false });
    expect(d.signals.map((s: { code: string }) => s.code)).toContain('appeared_before_event');
    const thumb = await env.request('GET', `${C}/${firstId}/thumbnail`);
    expect(thumb.status).toBe(200);
    expect(thumb.headers['content-type']).toBe('image/jpeg');
  });

  it('the same bytes again are a second capture of the same item', async () => {
    const r = await env.request('POST', `${C}?name=again.jpg`, octet(env.admin), original);
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ duplicate: true, item: { id: firstId } });
    const d = await processed(firstId);
    expect(d.captures.map((c: { fileName: string }) => c.fileName)).toEqual(['صورة 1.jpg', 'again.jpg']);
    const audit = await env.request('GET', `/api/audit/events?entityId=${firstId}`);
    expect(audit.status).toBe(200);
    const actions = (audit.body.events as { action: string }[]).map((e) => e.action);
    expect(actions.filter((a) => a === 'media.captured')).toHaveLength(2);
  });

  it('the same bytes sent twice at once make one item with two captures', async () => {
    const bytes = await picture(7, 200);
    const [a, b] = await Promise.all([
      env.request('POST', `${C}?name=twice-a.jpg`, octet(env.admin), bytes),
      env.request('POST', `${C}?name=twice-b.jpg`, octet(env.admin), bytes),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.item.id).toBe(b.body.item.id);
    expect([a.body.duplicate, b.body.duplicate].sort()).toEqual([false, true]);
  });

  it('a re-encoded, resized copy is matched and confirmed; its first seen is the earlier item', async () => {
    const r = await env.request('POST', `${C}?name=copy.jpg`, octet(env.admin), copy);
    const d = await processed(r.body.item.id);
    const m = d.matches.find((x: { itemId?: string }) => x.itemId === firstId);
    expect(m).toMatchObject({ how: 'image', status: 'confirmed' });
    expect(m.distance).toBeLessThanOrEqual(12);
    expect(d.firstSeen).toMatchObject({ itemId: firstId, observed: false });
    expect(d.signals.map((s: { code: string }) => s.code)).toContain('copy_of_earlier');
  });

  it('a crop is found from either side, as a suggestion: the crop after its original, an original after its crop', async () => {
    const crop = async (img: Buffer, keep: { x0: number; x1: number; y0: number; y1: number }) => {
      const { width = 0, height = 0 } = await sharp(img).metadata();
      return sharp(img)
        .extract({
          left: Math.round(keep.x0 * width),
          top: Math.round(keep.y0 * height),
          width: Math.round((keep.x1 - keep.x0) * width),
          height: Math.round((keep.y1 - keep.y0) * height),
        })
        .resize(360)
        .jpeg({ quality: 70 })
        .toBuffer();
    };
    const send = async (name: string, bytes: Buffer) =>
      processed((await env.request('POST', `${C}?name=${name}`, octet(env.admin), bytes)).body.item.id);
    const scene = await picture(21, 480, 90);
    const whole = await send('scene.jpg', scene);
    const middle = await send(
      'scene-middle.jpg',
      await crop(scene, { x0: 0.075, x1: 0.925, y0: 0.075, y1: 0.925 }),
    );
    const m1 = middle.matches.find((x: { itemId?: string }) => x.itemId === whole.id);
    expect(m1).toMatchObject({ how: 'image', status: 'suggested' });
    expect(m1.variant).toMatch(
      /^a crop: this picture keeps the middle 8\d % of the width and the middle 8\d % of the height of the other$/,
    );
    expect(m1.distance).toBeLessThanOrEqual(31);

    const other = await picture(22, 480, 90);
    const edge = await send('other-edge.jpg', await crop(other, { x0: 0, x1: 0.83, y0: 0, y1: 1 }));
    const later = await send('other.jpg', other);
    const m2 = later.matches.find((x: { itemId?: string }) => x.itemId === edge.id);
    expect(m2).toMatchObject({ how: 'image', status: 'suggested' });
    expect(m2.variant).toMatch(
      /^a crop: the other picture keeps 8\d % of the width \(cut at the right\) and all of the height of this one$/,
    );
    // Two different scenes are not matched, whole or cropped.
    expect(later.matches.find((x: { itemId?: string }) => x.itemId === whole.id)).toBeUndefined();
    expect(middle.matches.find((x: { itemId?: string }) => x.itemId === edge.id)).toBeUndefined();
  });

  it('carries sensitivity flags and a place, and is evidence on a claim', async () => {
    const place = (await env.request('GET', '/api/cases/sednaya-2024/places')).body.places[0].id;
    const r = await env.request('PATCH', `${C}/${firstId}`, env.admin, {
      sensitivity: ['identifiable', 'graphic'],
      placeId: place,
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ sensitivity: ['graphic', 'identifiable'], placeId: place });
    const bad = await env.request('PATCH', `${C}/${firstId}`, env.admin, {
      placeId: '00000000-0000-4000-8000-000000000000',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ field: '/placeId', message: 'unknown place' }]);
    const flag = await env.request('PATCH', `${C}/${firstId}`, env.admin, { sensitivity: ['spicy'] });
    expect(flag.status).toBe(400);
    const claim = (await env.request('GET', '/api/cases/sednaya-2024/claims')).body.claims[0].id;
    const ev = await env.request('POST', `/api/cases/sednaya-2024/claims/${claim}/evidence`, env.admin, {
      stance: 'supports',
      targetType: 'media_item',
      targetId: firstId,
      note: 'the photo shows the corridor',
    });
    expect(ev.status).toBe(200);
    expect(ev.body.evidence).toContainEqual(
      expect.objectContaining({ targetType: 'media_item', targetId: firstId, stance: 'supports' }),
    );
    const elsewhere = await env.request(
      'POST',
      `/api/cases/sednaya-2024/claims/${claim}/evidence`,
      env.admin,
      {
        stance: 'context',
        targetType: 'media_item',
        targetId: '00000000-0000-4000-8000-000000000000',
      },
    );
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.code).toBe('validation.reference');
  });

  it('checks a file against every stored item without keeping it', async () => {
    const before = readdirSync(path.join(env.config.dataDir, 'blobs', 'sha256'), { recursive: true }).length;
    const other = await sharp(original).rotate(90).jpeg({ quality: 70 }).toBuffer();
    const r = await env.request('POST', `${C}/check?name=turned.jpg`, octet(env.admin), other);
    expect(r.status).toBe(200);
    expect(r.body.matches.find((x: { itemId: string }) => x.itemId === firstId)).toMatchObject({
      how: 'image',
    });
    expect(r.body.firstSeen).toMatchObject({ itemId: firstId });
    expect(readdirSync(path.join(env.config.dataDir, 'blobs', 'sha256'), { recursive: true }).length).toBe(
      before,
    );
    const unrelated = await env.request(
      'POST',
      `${C}/check?name=other.jpg`,
      octet(env.admin),
      await picture(99),
    );
    expect(unrelated.body.matches).toEqual([]);
  });

  it('an upload over the limit gets 413 and leaves nothing behind', async () => {
    const big = Buffer.alloc(500_000, 7);
    const blobsBefore = readdirSync(path.join(env.config.dataDir, 'blobs'), { recursive: true }).length;
    const r = await env.request('POST', `${C}?name=big.bin`, octet(env.admin), big);
    expect(r.status).toBe(413);
    expect(r.body.code).toBe('media.too_large');
    expect(readdirSync(path.join(env.config.dataDir, 'blobs'), { recursive: true }).length).toBe(blobsBefore);
    const list = await env.request('GET', C);
    expect(list.body.items.some((i: { name: string }) => i.name === 'big.bin')).toBe(false);
  });

  it('a corrupt file is kept as evidence, unreadable, with the reason', async () => {
    const broken = Buffer.concat([original.subarray(0, 600), Buffer.alloc(2000, 0)]);
    const r = await env.request('POST', `${C}?name=broken.jpg`, octet(env.admin), broken);
    expect(r.status).toBe(201);
    const d = await processed(r.body.item.id);
    expect(d.status).toBe('unreadable');
    expect(d.statusReason).toEqual(expect.any(String));
    expect(d.signals.map((s: { code: string }) => s.code)).toContain('unreadable');
    expect(existsSync(env.app.blobs.pathOf(d.sha256))).toBe(true);
    const empty = await env.request('POST', `${C}?name=empty.jpg`, octet(env.admin), Buffer.alloc(0));
    expect(empty.status).toBe(400);
    expect(empty.body.code).toBe('media.empty');
  });

  it('a video: ffprobe facts of its container, its duration, a thumbnail from its first frame', async () => {
    const file = path.join(os.tmpdir(), `athar-clip-${process.pid}.mp4`);
    execFileSync(
      resolveBinaries().ffmpeg,
      [
        ...['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i'],
        'testsrc2=size=320x240:rate=10:duration=3',
        ...['-pix_fmt', 'yuv420p', '-metadata', 'creation_time=2024-12-03T08:00:00Z', file],
      ],
      { stdio: 'ignore', timeout: 60_000 },
    );
    const r = await env.request('POST', `${C}?name=clip.mp4`, octet(env.admin), readFileSync(file));
    unlinkSync(file);
    expect(r.status).toBe(201);
    const d = await processed(r.body.item.id);
    expect(d).toMatchObject({
      status: 'processed',
      kind: 'video',
      width: 320,
      height: 240,
      hasThumbnail: true,
    });
    expect(d.durationS).toBeCloseTo(3, 0);
    expect(d.metadata.container).toMatchObject({
      createdAsWritten: '2024-12-03T08:00:00.000000Z',
      streams: [{ type: 'video', codec: 'h264', width: 320, height: 240, fps: 10 }],
    });
    // A keyframe strip of the three seconds; H.264 in MP4 plays as it is, so no rendition.
    expect(d.keyframes).toMatchObject({ times: [0, 1, 2], tileWidth: 160, tileHeight: 120 });
    expect(d.hasRendition).toBe(false);
    const strip = await env.request('GET', `${C}/${d.id}/keyframes`);
    expect(strip.status).toBe(200);
    expect(await sharp(strip.raw).metadata()).toMatchObject({ format: 'jpeg', width: 480, height: 120 });
    expect((await env.request('GET', `${C}/${d.id}/rendition`)).body.code).toBe('media.no_rendition');
  });

  it('a video a browser would not play gets a web rendition, re-encoded, beside its untouched original', async () => {
    const file = path.join(os.tmpdir(), `athar-clip-${process.pid}.avi`);
    await ffmpeg([
      '-f',
      'lavfi',
      '-i',
      'testsrc2=size=160x120:rate=5:duration=24',
      '-c:v',
      'mpeg4',
      '-q:v',
      '12',
      file,
    ]);
    const bytes = readFileSync(file);
    unlinkSync(file);
    const r = await env.request('POST', `${C}?name=clip.avi`, octet(env.admin), bytes);
    expect(r.status, r.text).toBe(201);
    const d = await processed(r.body.item.id);
    expect(d).toMatchObject({ status: 'processed', kind: 'video', hasRendition: true });
    // Twelve frames spread over the 24 seconds.
    expect(d.keyframes.times).toHaveLength(12);
    expect(d.keyframes.times.at(-1)).toBeGreaterThan(20);
    const web = await env.request('GET', `${C}/${d.id}/rendition`);
    expect(web.status).toBe(200);
    expect(web.headers['content-type']).toBe('video/mp4');
    const out = path.join(os.tmpdir(), `athar-web-${process.pid}.mp4`);
    writeFileSync(out, web.raw);
    const facts = await describeContainer(out, { timeoutS: 60 });
    unlinkSync(out);
    expect(facts.streams[0]).toMatchObject({ type: 'video', codec: 'h264' });
    expect(facts.durationS).toBeCloseTo(24, 0);
    // The original is as it came.
    expect(readFileSync(env.app.blobs.pathOf(d.sha256)).equals(bytes)).toBe(true);
  });

  itWithData(
    'reads content credentials offline: AI generation, an invalid manifest, none',
    sharedData('c2pa', 'ocsp.jpg'),
    async () => {
      const signals = async (file: string) => {
        const r = await env.request(
          'POST',
          `${C}?name=${file}`,
          octet(env.admin),
          readFileSync(sharedData('c2pa', file)),
        );
        expect(r.status).toBe(201);
        const d = await processed(r.body.item.id);
        return { d, codes: d.signals.map((s: { code: string }) => s.code) as string[] };
      };
      const ai = await signals('ocsp.jpg');
      expect(ai.d.credentials).toMatchObject({ state: 'valid', ai: 'trained' });
      expect(ai.codes).toContain('ai_generated');
      expect(ai.codes).not.toContain('credentials_invalid');
      const tampered = await signals('XCA.jpg');
      expect(tampered.d.credentials).toMatchObject({ state: 'invalid' });
      expect(tampered.codes).toContain('credentials_invalid');
      const none = await signals('A.jpg');
      expect(none.d.credentials).toMatchObject({ state: 'none' });
      expect(none.codes.filter((c) => c.startsWith('credentials') || c === 'ai_generated')).toEqual([]);
    },
    60_000,
  );

  it('every download of an original is a custody event; it is never served as something a browser runs', async () => {
    const r = await env.request('GET', `${C}/${firstId}/original?download=true`);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/octet-stream');
    expect(String(r.headers['content-disposition'])).toMatch(/^attachment;/);
    const audit = await env.request('GET', `/api/audit/events?entityId=${firstId}`);
    expect((audit.body.events as { action: string }[]).map((e) => e.action)).toContain(
      'media.original_downloaded',
    );
  });

  it('serves an original in ranges (a player seeks), every read a custody event with its bytes', async () => {
    const views = async () =>
      (
        (await env.request('GET', `/api/audit/events?entityId=${firstId}`)).body.events as {
          action: string;
          after: { bytes?: string };
        }[]
      ).filter((e) => e.action === 'media.original_viewed');
    const before = (await views()).length;
    const whole = readFileSync(
      env.app.blobs.pathOf((await env.request('GET', `${C}/${firstId}`)).body.sha256),
    );
    const head = await env.request('GET', `${C}/${firstId}/original`, { ...env.admin, range: 'bytes=0-99' });
    expect(head.status).toBe(206);
    expect(head.headers['content-range']).toBe(`bytes 0-99/${whole.length}`);
    expect(head.raw.equals(whole.subarray(0, 100))).toBe(true);
    // A read that skips the first byte still hands out the file: recorded too.
    const rest = await env.request('GET', `${C}/${firstId}/original`, { ...env.admin, range: 'bytes=1-' });
    expect(rest.status).toBe(206);
    expect(rest.raw.equals(whole.subarray(1))).toBe(true);
    const tail = await env.request('GET', `${C}/${firstId}/original`, { ...env.admin, range: 'bytes=-10' });
    expect(tail.raw.equals(whole.subarray(whole.length - 10))).toBe(true);
    const seen = await views();
    expect(seen.length).toBe(before + 3);
    // Newest first: each event says which bytes it handed out.
    expect(seen.slice(0, 3).map((e) => e.after.bytes)).toEqual(
      expect.arrayContaining(['0-99', `1-${whole.length - 1}`, `${whole.length - 10}-${whole.length - 1}`]),
    );
    const outside = await env.request('GET', `${C}/${firstId}/original`, {
      ...env.admin,
      range: `bytes=${whole.length}-`,
    });
    expect(outside.status).toBe(416);
    expect(outside.headers['content-range']).toBe(`bytes */${whole.length}`);
    expect((await views()).length).toBe(before + 3);
    // A range header of another kind is ignored: the whole file, recorded.
    const odd = await env.request('GET', `${C}/${firstId}/original`, {
      ...env.admin,
      range: 'bytes=0-1,5-9',
    });
    expect(odd.status).toBe(200);
    expect(odd.raw.equals(whole)).toBe(true);
    expect((await views()).length).toBe(before + 4);
  });

  it('what a reader of another case learns of a match there: that it exists, nothing more', async () => {
    const create = await env.request('POST', '/api/cases', env.admin, {
      slug: 'other-case',
      title: 'Other',
      timeZone: 'UTC',
    });
    expect(create.status).toBe(201);
    // A member of the other case only.
    const outsider = await env.user('outsider', { caseSlug: 'other-case', role: 'editor' });
    const r = await env.request(
      'POST',
      '/api/cases/other-case/media?name=mine.jpg',
      octet(outsider),
      await sharp(original).resize(350).jpeg({ quality: 60 }).toBuffer(),
    );
    expect(r.status).toBe(201);
    let d: any;
    for (let i = 0; i < 300; i++) {
      d = (await env.request('GET', `/api/cases/other-case/media/${r.body.item.id}`, outsider)).body;
      if (d.status === 'processed') break;
      await new Promise((ok) => setTimeout(ok, 100));
    }
    expect(d.matches).toEqual([expect.objectContaining({ restricted: true })]);
    expect(JSON.stringify(d)).not.toContain(firstId);
    expect(d.firstSeen.itemId).toBe(r.body.item.id);
    // Nor can they open the other item by its id.
    expect((await env.request('GET', `/api/media/${firstId}`, outsider)).status).toBe(404);
    // The administrators of the case they cannot see are told: which of their items, how, when.
    const told = await env.request('GET', `${C}/notices`);
    expect(told.status).toBe(200);
    const notice = told.body.notices.find((n: { itemId: string }) => n.itemId === firstId);
    expect(notice).toMatchObject({ itemId: firstId, how: 'image', status: 'confirmed' });
    expect(JSON.stringify(told.body)).not.toContain(r.body.item.id);
    expect(JSON.stringify(told.body)).not.toContain('other-case');
    // An editor of the other case is not told of anything in this one, and cannot ask.
    expect((await env.request('GET', '/api/cases/other-case/media/notices', outsider)).status).toBe(403);
  });

  it('blobs verify names an original that changed and one that vanished', async () => {
    const ok = await env.request('POST', '/api/blobs/verify');
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ changed: [], missing: [] });
    expect(ok.body.checked).toBeGreaterThanOrEqual(3);
    const items = (await env.request('GET', C)).body.items as { sha256: string; name: string }[];
    const changed = env.app.blobs.pathOf(items.find((i) => i.name === 'copy.jpg')!.sha256);
    const vanished = env.app.blobs.pathOf(items.find((i) => i.name === 'broken.jpg')!.sha256);
    chmodSync(changed, 0o600);
    writeFileSync(changed, Buffer.from('tampered'));
    unlinkSync(vanished);
    const bad = await env.request('POST', '/api/blobs/verify');
    expect(bad.body.changed).toEqual([{ sha256: expect.any(String), path: changed }]);
    expect(bad.body.missing).toEqual([{ sha256: expect.any(String), path: vanished }]);
    const audit = await env.request('GET', '/api/audit/events?entityType=blob_check');
    expect((audit.body.events as { action: string }[]).map((e) => e.action)).toEqual(
      expect.arrayContaining(['blobs.verified', 'blobs.check_failed']),
    );
  });

  it('removes bytes whose upload never committed, and only those', async () => {
    const { Readable } = await import('node:stream');
    const orphan = await env.app.blobs.put(Readable.from([Buffer.from('never recorded')]), 1000);
    const mod = env.app.modules.find((m) => m.name === 'media')!;
    const start = () => env.app.run(SYSTEM_ACTOR, { transaction: false }, (ctx) => mod.onStart!(ctx));
    const file = env.app.blobs.pathOf(orphan.sha256);
    await start();
    // The embedded database has one process: nothing else can be uploading. On a shared
    // PostgreSQL a young blob may be another process's upload in flight: it waits an hour.
    expect(existsSync(file)).toBe(env.app.database.kind === 'postgres');
    if (existsSync(file)) {
      const old = new Date(Date.now() - 2 * 3600_000);
      utimesSync(file, old, old);
      await start();
    }
    expect(existsSync(file)).toBe(false);
    expect(existsSync(env.app.blobs.pathOf((await env.request('GET', `${C}/${firstId}`)).body.sha256))).toBe(
      true,
    );
  });
});
