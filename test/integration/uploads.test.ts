import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepUploads } from '#src/modules/media/uploads.ts';
import type { Clock } from '#src/platform/ports.ts';
import { picture } from '#test/support/media.ts';
import { testEnv, type TestEnv } from './harness.ts';

/**
 * Resumable uploads (src/modules/media/uploads.ts): pieces at the server's offset, a piece cut off
 * midway that does not count, the file stored once however often its last piece is repeated,
 * sizes over the limit refused, an upload its creator's alone, and abandoned uploads swept.
 */
const C = '/api/cases/sednaya-2024/media';
const OCTET = { 'content-type': 'application/octet-stream' };
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

class TestClock implements Clock {
  offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
}

describe('resumable uploads', () => {
  let env: TestEnv;
  let base: string;
  const clock = new TestClock();

  beforeAll(async () => {
    env = await testEnv({ jobs: true, workers: true, clock, env: { ATHAR_MEDIA_LIMIT_BYTES: '2000000' } });
    expect((await env.request('POST', '/api/admin/demo')).status).toBe(200);
    await env.server.fastify.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(env.server.fastify.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await env?.close();
  });

  const begin = async (size: number, extra: Record<string, unknown> = {}, headers = env.admin) =>
    env.request('POST', `${C}/uploads`, headers, { size, name: 'long-video.jpg', ...extra });
  const piece = (id: string, offset: number, bytes: Buffer, headers = env.admin) =>
    env.request('PATCH', `${C}/uploads/${id}?offset=${offset}`, { ...headers, ...OCTET }, bytes);

  it('takes a file in pieces at the offset the server has, and stores it once whole', async () => {
    const file = await picture(5, 480);
    const start = await begin(file.length, { platform: 'telegram', notes: 'sent in pieces' });
    expect(start.status).toBe(201);
    expect(start.body).toMatchObject({ size: file.length, received: 0, complete: false });
    const id = start.body.id as string;
    const cut = Math.floor(file.length / 3);

    const first = await piece(id, 0, file.subarray(0, cut));
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ upload: { received: cut }, result: null });
    // A piece at any other offset is refused, and says where to go on from.
    const wrong = await piece(id, cut + 10, file.subarray(cut + 10));
    expect(wrong.status).toBe(409);
    expect(wrong.body.code).toBe('media.upload_offset');
    expect(wrong.body.detail).toContain(`send from offset ${cut}`);
    expect((await env.request('GET', `${C}/uploads/${id}`)).body.received).toBe(cut);

    const last = await piece(id, cut, file.subarray(cut));
    expect(last.status).toBe(200);
    expect(last.body.upload).toMatchObject({ received: file.length, complete: true });
    const { item, capture } = last.body.result;
    expect(item.sha256).toBe(sha(file));
    expect(item.size).toBe(file.length);
    expect(capture).toMatchObject({
      method: 'upload',
      platform: 'telegram',
      notes: 'sent in pieces',
      sha256: sha(file),
    });
    expect(readFileSync(env.app.blobs.pathOf(item.sha256)).equals(file)).toBe(true);
    // Its bytes so far are gone from uploads/; the original is in the blob store.
    expect(existsSync(env.app.blobs.uploadPath(id))).toBe(false);

    // The answer to the last piece was lost, say, and the client sends it again: the same capture.
    const again = await piece(id, cut, file.subarray(cut));
    expect(again.status).toBe(200);
    expect(again.body.result.capture.id).toBe(capture.id);
    const shown = await env.request('GET', `${C}/${item.id}`);
    expect(shown.body.captures).toHaveLength(1);
    // Nothing more can be added to a complete upload.
    expect((await piece(id, file.length, Buffer.from('x'))).status).toBe(409);
  });

  it('does not count a piece cut off midway, and goes on from what was flushed', async () => {
    const file = randomBytes(300_000);
    const id = (await begin(file.length)).body.id as string;
    expect((await piece(id, 0, file.subarray(0, 100_000))).status).toBe(200);
    // Half of the next piece, then the connection drops.
    await new Promise<void>((resolve) => {
      const req = httpRequest(`${base}${C}/uploads/${id}?offset=100000`, {
        method: 'PATCH',
        headers: { ...env.admin, ...OCTET, 'content-length': String(200_000) },
      });
      req.on('error', () => resolve());
      req.on('close', () => resolve());
      req.write(file.subarray(100_000, 180_000), () => setTimeout(() => req.destroy(), 200));
    });
    // The server notices the lost connection and lets the upload go.
    await expect
      .poll(async () => (await piece(id, 100_000, Buffer.alloc(0))).status, { timeout: 5000 })
      .toBe(200);
    const state = await env.request('GET', `${C}/uploads/${id}`);
    expect(state.body.received).toBe(100_000);
    const done = await piece(id, 100_000, file.subarray(100_000));
    expect(done.status).toBe(200);
    expect(done.body.result.item.sha256).toBe(sha(file));
  });

  it('refuses a size over the limit, more bytes than declared, and a bad posting time', async () => {
    const over = await begin(2_000_001);
    expect(over.status).toBe(413);
    expect(over.body.code).toBe('media.too_large');
    const id = (await begin(10)).body.id as string;
    const more = await piece(id, 0, Buffer.alloc(11, 1));
    expect(more.status).toBe(413);
    expect(more.body.code).toBe('media.upload_overflow');
    expect((await env.request('GET', `${C}/uploads/${id}`)).body.received).toBe(0);
    const bad = await begin(10, { postedAt: 'yesterday' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('postedAt');
    const noSize = await env.request('POST', `${C}/uploads`, env.admin, { name: 'x.jpg' });
    expect(noSize.status).toBe(400);
    expect(JSON.stringify(noSize.body)).toContain('size');
  });

  it('is its creator’s alone; an abandoned upload can be cancelled, or is swept', async () => {
    const editor = await env.user('uploader-two', { caseSlug: 'sednaya-2024', role: 'editor' });
    const id = (await begin(100)).body.id as string;
    expect((await env.request('GET', `${C}/uploads/${id}`, editor)).status).toBe(404);
    expect((await piece(id, 0, Buffer.alloc(100), editor)).status).toBe(404);
    expect((await env.request('DELETE', `${C}/uploads/${id}`, editor)).status).toBe(404);
    // While a piece is being written or the file stored, it cannot be cancelled from under it.
    await sql`UPDATE media_upload SET busy_until = now() + interval '1 minute' WHERE id = ${id}`.execute(
      env.app.database.db,
    );
    const held = await env.request('DELETE', `${C}/uploads/${id}`);
    expect(held.status).toBe(409);
    expect(held.body.code).toBe('media.upload_busy');
    expect((await piece(id, 0, Buffer.alloc(100))).body.code).toBe('media.upload_busy');
    await sql`UPDATE media_upload SET busy_until = NULL WHERE id = ${id}`.execute(env.app.database.db);
    expect((await env.request('DELETE', `${C}/uploads/${id}`)).status).toBe(204);
    expect(existsSync(env.app.blobs.uploadPath(id))).toBe(false);
    expect((await env.request('GET', `${C}/uploads/${id}`)).status).toBe(404);

    const left = (await begin(100)).body.id as string;
    expect((await piece(left, 0, Buffer.alloc(40, 7))).status).toBe(200);
    const kept = (await begin(100)).body.id as string;
    // A day and an hour later, the first is stale; the second was touched since.
    clock.offsetMs = 25 * 3600_000;
    expect((await piece(kept, 0, Buffer.alloc(10, 7))).status).toBe(200);
    const swept = await env.run(await env.localActor(), (ctx) => sweepUploads(ctx), { transaction: false });
    expect(swept.removed).toBeGreaterThanOrEqual(1);
    expect((await env.request('GET', `${C}/uploads/${left}`)).status).toBe(404);
    expect(existsSync(env.app.blobs.uploadPath(left))).toBe(false);
    expect((await env.request('GET', `${C}/uploads/${kept}`)).body.received).toBe(10);
    clock.offsetMs = 0;
  });
});
