import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// `athar hash` and `athar compare` as scripts use them: the --json shapes of ../shared/CLI.md,
// one line per file, a failed file reported in its line and in the exit code.
const root = path.resolve(import.meta.dirname, '../../..');
const dir = mkdtempSync(path.join(os.tmpdir(), 'athar-hash-cli-'));
const env = { ...process.env, ATHAR_DATA_DIR: dir, DATABASE_URL: '' };
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function athar(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(root, 'bin/athar.js'), ...args], {
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const photo = path.join(dir, 'photo.png');
const boxed = path.join(dir, 'boxed.jpg');
const turned = path.join(dir, 'turned.png');
const notes = path.join(dir, 'notes.jpg');

beforeAll(async () => {
  const width = 300;
  const height = 200;
  const raw = Buffer.alloc(width * height * 3);
  for (let i = 0; i < raw.length; i++)
    raw[i] = (128 + 90 * Math.sin((i % (width * 3)) / 29 + Math.floor(i / (width * 3)) / 17)) | 0;
  const png = await sharp(raw, { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer();
  writeFileSync(photo, png);
  writeFileSync(
    boxed,
    await sharp(png).extend({ top: 50, bottom: 50, background: '#000' }).jpeg({ quality: 95 }).toBuffer(),
  );
  writeFileSync(turned, await sharp(png).rotate(180).png().toBuffer());
  writeFileSync(notes, 'not a picture\n');
});

describe('athar hash', () => {
  it('prints one JSON line per file, the failed one included, and exits 1', () => {
    const r = athar('hash', photo, notes, boxed, '--json');
    expect(r.code).toBe(1);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toEqual({
      file: photo,
      kind: 'image',
      pdq: expect.stringMatching(/^[0-9a-f]{64}$/),
      quality: 100,
      weak: false,
      trimmed: null,
    });
    expect(lines[1]).toEqual({
      file: notes,
      error: { code: 'media.unreadable', message: expect.stringContaining('notes.jpg') },
    });
    expect(lines[2]).toMatchObject({
      file: boxed,
      kind: 'image',
      trimmed: { box: { left: 0, top: 50, width: 300, height: 200 } },
    });
    expect((lines[2]!.trimmed as { pdq: string }).pdq).not.toBe(lines[2]!.pdq);
    expect(r.stderr).toMatch(/^athar: media\.unreadable: notes\.jpg: /m);
  });

  it('prints an aligned table for people and exits 0 when every file was hashed', () => {
    const r = athar('hash', photo, boxed);
    expect(r.code).toBe(0);
    const [header, ...rows] = r.stdout.trimEnd().split('\n');
    expect(header).toMatch(/^FILE\s+KIND\s+PDQ\s+QUALITY\s+TRIMMED$/);
    expect(rows).toHaveLength(2);
    expect(rows[0]!.indexOf('image')).toBe(header!.indexOf('KIND'));
  });
});

describe('athar compare', () => {
  it('names the variant that matched: a half turn, a letterbox', () => {
    const half = athar('compare', photo, turned, '--json');
    expect(half.code).toBe(0);
    expect(JSON.parse(half.stdout)).toEqual({ distance: expect.any(Number), variant: 'rotate180' });
    const letterbox = JSON.parse(athar('compare', photo, boxed, '--json').stdout) as {
      distance: number;
      variant: string;
    };
    expect(letterbox.variant).toBe('original+trimmed');
    expect(letterbox.distance).toBeLessThanOrEqual(8);
  });

  it('fails with the file named when one side is unreadable', () => {
    const r = athar('compare', photo, notes, '--json');
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(/^athar: media\.unreadable: notes\.jpg: /);
  });
});
