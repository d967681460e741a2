import { createHash } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WARCParser } from 'warcio';
import { SYSTEM_ACTOR } from '#src/platform/context.ts';
import { testEnv, type TestEnv } from './harness.ts';

/**
 * Capturing URLs through the API, from a web server on loopback: refused by default (loopback is
 * a private address), and, where an administrator allows private addresses, a picture (through a
 * redirect) and a page with the media it links to, each kept as a WARC and an item.
 */

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('URL capture', () => {
  let server: http.Server;
  let base = '';
  let photo: Buffer;
  let card: Buffer;
  const hits: string[] = [];
  /** Paths the server now answers with this status (a source taken down, or blocking athar). */
  const now = new Map<string, number>();

  beforeAll(async () => {
    const picture = (seed: number) =>
      sharp({
        create: {
          width: 320,
          height: 240,
          channels: 3,
          background: { r: seed * 40, g: 90, b: 200 - seed * 30 },
        },
      })
        .composite([
          {
            input: Buffer.from(
              `<svg width="320" height="240"><circle cx="${80 + seed * 40}" cy="120" r="60" fill="#fff"/><rect x="200" y="${30 + seed * 20}" width="80" height="50" fill="#222"/></svg>`,
            ),
          },
        ])
        .jpeg()
        .toBuffer();
    photo = await picture(1);
    card = await picture(2);
    server = http.createServer((req, res) => {
      hits.push(req.url ?? '');
      const status = now.get(req.url ?? '');
      if (status) return res.writeHead(status).end();
      if (req.url === '/photo.jpg') return res.writeHead(200, { 'Content-Type': 'image/jpeg' }).end(photo);
      if (req.url === '/card.jpg') return res.writeHead(200, { 'Content-Type': 'image/jpeg' }).end(card);
      if (req.url === '/go') return res.writeHead(302, { Location: '/photo.jpg' }).end();
      if (req.url === '/post')
        return res
          .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
          .end(
            '<html><head><meta property="og:image" content="/card.jpg"><title>post</title></head><body><img src="/gone.jpg"><img src="/photo.jpg"></body></html>',
          );
      res.writeHead(404).end('not here');
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((ok) => server.close(ok));
  });

  describe('by default', () => {
    let env: TestEnv;
    beforeAll(async () => {
      env = await testEnv({ jobs: true });
      expect((await env.request('POST', '/api/admin/demo')).status).toBeLessThan(300);
    }, 60_000);
    afterAll(() => env.close());

    it('refuses a loopback address before sending anything, and keeps nothing', async () => {
      const before = hits.length;
      for (const url of [`${base}/photo.jpg`, `http://localhost:${new URL(base).port}/photo.jpg`]) {
        const r = await env.request('POST', '/api/cases/sednaya-2024/media/capture', env.admin, { url });
        expect(r.status).toBe(400);
        expect(r.body.code).toBe('capture.address_refused');
        expect(r.body.detail).toMatch(/loopback address|resolves to an address athar may not reach/);
      }
      expect(hits.length).toBe(before);
      const list = await env.request('GET', '/api/cases/sednaya-2024/media');
      expect(list.body.items).toEqual([]);
    });

    it('names what is wrong with a URL', async () => {
      const r = await env.request('POST', '/api/cases/sednaya-2024/media/capture', env.admin, {
        url: 'file:///etc/passwd',
      });
      expect(r.status).toBe(400);
      expect(r.body.code).toBe('capture.url');
      expect(r.body.detail).toContain('only http and https');
    });
  });

  describe('where an administrator allows private addresses', () => {
    let env: TestEnv;
    beforeAll(async () => {
      env = await testEnv({ jobs: true, env: { ATHAR_CAPTURE_ALLOW_PRIVATE: 'true' } });
      expect((await env.request('POST', '/api/admin/demo')).status).toBeLessThan(300);
    }, 60_000);
    afterAll(() => env.close());

    it('captures a picture through a redirect: an item with a url capture, and the exchange as a WARC', async () => {
      const r = await env.request('POST', '/api/cases/sednaya-2024/media/capture', env.admin, {
        url: `${base}/go`,
        notes: 'shared on a channel',
        platform: 'Telegram',
        postedAt: '2024-12-03T08:00:00Z',
      });
      expect(r.status).toBe(201);
      expect(r.body.capture).toMatchObject({
        url: `${base}/go`,
        finalUrl: `${base}/photo.jpg`,
        redirects: 1,
        httpStatus: 200,
        remoteAddress: '127.0.0.1',
        bodySha256: sha(photo),
        capturedBy: 'admin',
      });
      expect(r.body.item.item.sha256).toBe(sha(photo));
      expect(r.body.item.capture).toMatchObject({
        method: 'url',
        sourceUrl: `${base}/photo.jpg`,
        platform: 'Telegram',
        tool: 'athar-capture',
        notes: 'shared on a channel',
      });
      // The WARC: a custody event to download; request and response of both hops inside.
      const warc = await env.request(
        'GET',
        `/api/cases/sednaya-2024/media/captures/${r.body.capture.id}/warc`,
      );
      expect(warc.status).toBe(200);
      expect(warc.headers['content-type']).toBe('application/warc');
      const types: string[] = [];
      let payload: Buffer | null = null;
      const file = env.app.blobs.pathOf(r.body.capture.warcSha256);
      for await (const rec of WARCParser.iterRecords(createReadStream(file))) {
        types.push(`${rec.warcType} ${rec.warcTargetURI ?? ''}`.trim());
        const content = Buffer.from(await rec.readFully(true));
        if (rec.warcType === 'response' && rec.httpHeaders?.statusCode === 200) payload = content;
      }
      expect(types).toEqual([
        'warcinfo',
        `request ${base}/go`,
        `response ${base}/go`,
        `request ${base}/photo.jpg`,
        `response ${base}/photo.jpg`,
      ]);
      expect(payload?.equals(photo)).toBe(true);
      const audit = await env.request('GET', '/api/audit/events?entityType=web_capture&limit=20');
      const actions = audit.body.events.map((e: { action: string }) => e.action);
      expect(actions).toContain('media.url_captured');
      expect(actions).toContain('media.warc_downloaded');
      expect(
        readFileSync(file)
          .subarray(0, 2)
          .equals(Buffer.from([0x1f, 0x8b])),
      ).toBe(true);
    });

    it('a scheduled re-check finds a source taken down (404), and does not call a refusal (403) gone', async () => {
      const job = env.app.modules
        .find((m) => m.name === 'media')!
        .jobs!.find((j) => j.name === 'media.urls.check')!;
      const check = () =>
        env.run(SYSTEM_ACTOR, (ctx) => job.handle(ctx, {}, { retry: 0, last: true }), { transaction: false });
      const items = (await env.request('GET', '/api/cases/sednaya-2024/media')).body.items;
      const photoItem = items.find((i: { sha256: string }) => i.sha256 === sha(photo)).id;
      const codes = async () =>
        (await env.request('GET', `/api/cases/sednaya-2024/media/${photoItem}`)).body.signals.map(
          (s: { code: string }) => s.code,
        );
      await check();
      expect(await codes()).not.toContain('source_offline');
      now.set('/photo.jpg', 403);
      await check();
      expect(await codes()).not.toContain('source_offline');
      now.set('/photo.jpg', 404);
      await check();
      await check();
      const d = (await env.request('GET', `/api/cases/sednaya-2024/media/${photoItem}`)).body;
      const offline = d.signals.filter((s: { code: string }) => s.code === 'source_offline');
      expect(offline).toHaveLength(1);
      expect(offline[0].detail).toMatch(
        /no longer online \(HTTP 404\); first found gone \S+, last checked \S+; the captured copy is kept/,
      );
      // Online again: the signal goes.
      now.delete('/photo.jpg');
      await check();
      expect(await codes()).not.toContain('source_offline');
    });

    it('captures a page as its WARC and the media it links to; the same picture again is a second capture of its item', async () => {
      const r = await env.request('POST', '/api/cases/sednaya-2024/media/capture', env.admin, {
        url: `${base}/post`,
      });
      expect(r.status).toBe(201);
      expect(r.body.item).toBeNull();
      expect(r.body.capture).toMatchObject({
        finalUrl: `${base}/post`,
        contentType: 'text/html; charset=utf-8',
      });
      const linked = r.body.linked.map((l: any) => ({
        url: l.url,
        sha: l.item?.item.sha256 ?? null,
        duplicate: l.item?.duplicate ?? null,
        error: l.error?.code ?? null,
        status: l.capture?.httpStatus ?? null,
        parent: l.capture?.parentId ?? null,
      }));
      // The page, kept only as its WARC, is found again in the case's list of URL captures.
      const list = await env.request('GET', '/api/cases/sednaya-2024/media/captures');
      expect(list.body.captures.map((c: { id: string }) => c.id)).toContain(r.body.capture.id);
      const cardItem = await env.request(
        'GET',
        `/api/cases/sednaya-2024/media/${r.body.linked[0].item.item.id}`,
      );
      expect(cardItem.body.webCaptures).toEqual([
        expect.objectContaining({ finalUrl: `${base}/card.jpg`, redirects: 0 }),
      ]);
      expect(linked).toEqual([
        {
          url: `${base}/card.jpg`,
          sha: sha(card),
          duplicate: false,
          error: null,
          status: 200,
          parent: r.body.capture.id,
        },
        {
          url: `${base}/gone.jpg`,
          sha: null,
          duplicate: null,
          error: null,
          status: 404,
          parent: r.body.capture.id,
        },
        {
          url: `${base}/photo.jpg`,
          sha: sha(photo),
          duplicate: true,
          error: null,
          status: 200,
          parent: r.body.capture.id,
        },
      ]);
    });
  });
});
