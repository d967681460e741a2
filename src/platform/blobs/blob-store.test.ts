import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BlobStore } from './blob-store.ts';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('the blob store', () => {
  let dir: string;
  let store: BlobStore;
  beforeEach(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'athar-blobs-'));
    store = new BlobStore(path.join(dir, 'blobs'));
    await store.open();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('stores bytes under their SHA-256, read-only, in a directory only athar can reach', async () => {
    const bytes = Buffer.from('evidence '.repeat(10_000));
    const r = await store.put(Readable.from([bytes.subarray(0, 1000), bytes.subarray(1000)]), 1 << 20);
    expect(r).toEqual({ sha256: sha(bytes), size: bytes.length, created: true });
    const file = store.pathOf(r.sha256);
    expect(statSync(file).mode & 0o777).toBe(0o400);
    expect(statSync(path.join(dir, 'blobs')).mode & 0o777).toBe(0o700);
    expect(readdirSync(path.join(dir, 'blobs', 'tmp'))).toEqual([]);
  });

  it('does not write the same bytes twice, and never replaces a stored original', async () => {
    const bytes = Buffer.from('the same bytes');
    await store.put(Readable.from([bytes]), 1000);
    const again = await store.put(Readable.from([bytes]), 1000);
    expect(again.created).toBe(false);
    expect(readdirSync(path.join(dir, 'blobs', 'tmp'))).toEqual([]);
  });

  it('refuses past the limit, and an empty file, leaving nothing behind', async () => {
    await expect(
      store.put(Readable.from([Buffer.alloc(600), Buffer.alloc(600)]), 1000),
    ).rejects.toMatchObject({
      code: 'media.too_large',
    });
    await expect(store.put(Readable.from([]), 1000)).rejects.toMatchObject({ code: 'media.empty' });
    expect(readdirSync(path.join(dir, 'blobs', 'sha256'))).toEqual([]);
    expect(readdirSync(path.join(dir, 'blobs', 'tmp'))).toEqual([]);
  });

  it('removes what a killed process left half-written when it opens', async () => {
    writeFileSync(path.join(dir, 'blobs', 'tmp', '123-half'), 'half a file');
    await new BlobStore(path.join(dir, 'blobs')).open();
    expect(readdirSync(path.join(dir, 'blobs', 'tmp'))).toEqual([]);
  });

  it('verify names what changed and what vanished', async () => {
    const a = await store.put(Readable.from([Buffer.from('a')]), 10);
    const b = await store.put(Readable.from([Buffer.from('b')]), 10);
    const c = await store.put(Readable.from([Buffer.from('c')]), 10);
    chmodSync(store.pathOf(b.sha256), 0o600);
    writeFileSync(store.pathOf(b.sha256), 'B');
    rmSync(store.pathOf(c.sha256));
    const seen: number[] = [];
    const r = await store.verify([a, b, c], (p) => seen.push(p.checked));
    expect(r.checked).toBe(3);
    expect(r.changed).toEqual([
      { sha256: b.sha256, path: store.pathOf(b.sha256), actual: sha(Buffer.from('B')) },
    ]);
    expect(r.missing).toEqual([{ sha256: c.sha256, path: store.pathOf(c.sha256) }]);
    expect(seen).toEqual([1, 2, 3]);
  });

  it('sweeps only unreferenced originals older than the grace period', async () => {
    const kept = await store.put(Readable.from([Buffer.from('kept')]), 10);
    const young = await store.put(Readable.from([Buffer.from('young')]), 10);
    const refs = async (s: string[]) => new Set(s.filter((x) => x === kept.sha256));
    expect(await store.sweepOrphans(refs, 3600_000)).toEqual([]);
    expect(await store.sweepOrphans(refs, 0)).toEqual([young.sha256]);
    expect(existsSync(store.pathOf(kept.sha256))).toBe(true);
  });

  it('checks a file in a temporary copy that is gone afterwards', async () => {
    const r = await store.withTemporary(
      Readable.from([Buffer.from('just looking')]),
      100,
      async (file, h) => {
        expect(existsSync(file)).toBe(true);
        return h;
      },
    );
    expect(r).toBe(sha(Buffer.from('just looking')));
    expect(readdirSync(path.join(dir, 'blobs', 'tmp'))).toEqual([]);
    expect(readdirSync(path.join(dir, 'blobs', 'sha256'))).toEqual([]);
  });

  it('refuses a name that is not a SHA-256 (no path can be smuggled in)', () => {
    expect(() => store.pathOf('../../etc/passwd')).toThrow(/SHA-256/);
  });
});
