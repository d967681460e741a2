/**
 * The fingerprint pool: a file hashed in a worker thread gives what hashing it here gives, and an
 * unreadable file's AppError survives the trip across the thread boundary.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '#src/platform/errors.ts';
import { fingerprintFile } from './fingerprint-file.ts';
import { closeFingerprintPool, fingerprintInWorker } from './fingerprint-pool.ts';

let dir = '';
const limits = { maxPixels: 50_000_000 };
const options = { ffmpegTimeoutS: 30 };

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'athar-pool-'));
  const noise = Buffer.from(
    Array.from({ length: 200 * 150 * 3 }, (_, i) => (i * 7919 + (i >> 7) * 31) % 251),
  );
  await sharp(noise, { raw: { width: 200, height: 150, channels: 3 } })
    .blur(2)
    .jpeg()
    .toFile(path.join(dir, 'a.jpg'));
  writeFileSync(
    path.join(dir, 'bad.jpg'),
    Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(500)]),
  );
});
afterAll(async () => {
  await closeFingerprintPool();
  rmSync(dir, { recursive: true, force: true });
});

describe('fingerprintInWorker', () => {
  it('gives the same fingerprint as hashing on this thread, crop probes included', async () => {
    const there = await fingerprintInWorker(path.join(dir, 'a.jpg'), limits, options);
    const here = await fingerprintFile(path.join(dir, 'a.jpg'), limits, options);
    expect(there.kind).toBe('image');
    if (there.kind !== 'image' || here.kind !== 'image') return;
    expect(Buffer.from(there.pdq.hash).toString('hex')).toBe(Buffer.from(here.pdq.hash).toString('hex'));
    expect(there.crop?.probes).toHaveLength(721);
    expect(there.crop?.window.hash).toEqual(here.crop?.window.hash);
  });

  it('an unreadable file is the same AppError it is on this thread', async () => {
    const e = await fingerprintInWorker(path.join(dir, 'bad.jpg'), limits, options).catch((x: unknown) => x);
    expect(isAppError(e)).toBe(true);
    expect(e).toMatchObject({ code: 'media.unreadable' });
  });
});
