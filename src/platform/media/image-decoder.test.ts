import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { isAppError } from '#src/platform/errors.ts';
import { decodeImage, readImageHeader } from './image-decoder.ts';
import { sniffBytes, sniffFile } from './media-sniffer.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'athar-decoder-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const limits = { maxPixels: 10_000_000 };

/** A small textured RGB picture. */
function texture(width: number, height: number, channels: 1 | 3 | 4 = 3, seed = 0): Buffer {
  const b = Buffer.alloc(width * height * channels);
  for (let i = 0; i < b.length; i++) b[i] = (Math.sin(i * 0.05 + seed) * 100 + 128) | 0;
  return b;
}

async function file(name: string, bytes: Buffer | Promise<Buffer>): Promise<string> {
  const p = path.join(dir, name);
  writeFileSync(p, await bytes);
  return p;
}

/** A PNG whose header claims `width`×`height` pixels, with one tiny IDAT: a decompression bomb's shape. */
function pngClaiming(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8); // 8-bit grey
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', Buffer.from([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01])),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function failure(p: Promise<unknown>): Promise<{ code: string; kind: string; message: string }> {
  try {
    await p;
  } catch (e) {
    if (isAppError(e)) return { code: e.code, kind: e.kind, message: e.message };
    throw e;
  }
  throw new Error('expected a failure');
}

describe('decodeImage', () => {
  it('decodes RGB, grey and RGBA pictures to 8-bit pixels, dropping alpha', async () => {
    const rgb = await file(
      'rgb.png',
      sharp(texture(40, 30), { raw: { width: 40, height: 30, channels: 3 } })
        .png()
        .toBuffer(),
    );
    const grey = await file(
      'grey.png',
      sharp(texture(40, 30, 1), { raw: { width: 40, height: 30, channels: 1 } })
        .toColourspace('b-w')
        .png()
        .toBuffer(),
    );
    const rgba = await file(
      'rgba.png',
      sharp(texture(40, 30, 4), { raw: { width: 40, height: 30, channels: 4 } })
        .png()
        .toBuffer(),
    );
    for (const [p, channels] of [
      [rgb, 3],
      [grey, 1],
      [rgba, 3],
    ] as const) {
      const d = await decodeImage(p, limits);
      expect(d.kind).toBe('image');
      if (d.kind !== 'image') return;
      expect([d.pixels.width, d.pixels.height, d.pixels.channels]).toEqual([40, 30, channels]);
      expect(d.pixels.data.length).toBe(40 * 30 * channels);
    }
  });

  it('keeps the stored orientation (EXIF orientation is not applied)', async () => {
    const p = await file(
      'oriented.jpg',
      sharp(texture(40, 20), { raw: { width: 40, height: 20, channels: 3 } })
        .jpeg()
        .withMetadata({ orientation: 6 })
        .toBuffer(),
    );
    expect((await sharp(p).metadata()).orientation).toBe(6);
    const d = await decodeImage(p, limits);
    expect(d.kind === 'image' && [d.pixels.width, d.pixels.height]).toEqual([40, 20]);
  });

  it('decodes bytes given with a name', async () => {
    const bytes = await sharp(texture(20, 20), { raw: { width: 20, height: 20, channels: 3 } })
      .webp()
      .toBuffer();
    const d = await decodeImage({ name: 'upload.webp', bytes }, limits);
    expect(d.kind === 'image' && d.format).toBe('webp');
  });

  it('gives animated GIFs as frames with their delays', async () => {
    const frames = Buffer.concat([texture(24, 16, 3, 0), texture(24, 16, 3, 2), texture(24, 16, 3, 4)]);
    const p = await file(
      'anim.gif',
      sharp(frames, { raw: { width: 24, height: 48, channels: 3, pageHeight: 16 } })
        .gif({ delay: [100, 250, 400], loop: 0 })
        .toBuffer(),
    );
    const d = await decodeImage(p, limits);
    expect(d.kind).toBe('animation');
    if (d.kind !== 'animation') return;
    expect(d.frames.map((f) => [f.width, f.height])).toEqual([
      [24, 16],
      [24, 16],
      [24, 16],
    ]);
    expect(d.delaysMs).toEqual([100, 250, 400]);
    expect(Buffer.from(d.frames[0]!.data).equals(Buffer.from(d.frames[1]!.data))).toBe(false);
  });

  it('refuses a decompression bomb from its header, before decoding', async () => {
    const p = await file('bomb.png', pngClaiming(50_000, 50_000));
    const header = await readImageHeader(p);
    expect([header.width, header.height]).toEqual([50_000, 50_000]);
    const started = Date.now();
    const e = await failure(decodeImage(p, { maxPixels: 100_000_000 }));
    expect(e).toMatchObject({ code: 'media.too_many_pixels', kind: 'too_large' });
    expect(e.message).toContain('bomb.png');
    expect(e.message).toContain('2500000000');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('counts every frame of an animation against the limit', async () => {
    const frames = Buffer.concat([texture(100, 100), texture(100, 100, 3, 1)]);
    const p = await file(
      'anim2.gif',
      sharp(frames, { raw: { width: 100, height: 200, channels: 3, pageHeight: 100 } })
        .gif()
        .toBuffer(),
    );
    expect(await failure(decodeImage(p, { maxPixels: 15_000 }))).toMatchObject({
      code: 'media.too_many_pixels',
    });
  });

  it('names the file and the reason for empty, text, truncated and missing files', async () => {
    const jpeg = await sharp(texture(200, 200), { raw: { width: 200, height: 200, channels: 3 } })
      .jpeg()
      .toBuffer();
    const cases: [string, Buffer | null, RegExp][] = [
      ['empty.jpg', Buffer.alloc(0), /empty\.jpg: empty file/],
      ['notes.jpg', Buffer.from('these are my notes, not a picture\n'), /notes\.jpg: not an image/],
      ['cut.jpg', jpeg.subarray(0, Math.floor(jpeg.length / 2)), /cut\.jpg: truncated or corrupt/],
      [
        'garbage.png',
        Buffer.concat([pngClaiming(10, 10).subarray(0, 20), Buffer.alloc(50, 7)]),
        /garbage\.png: /,
      ],
      ['missing.jpg', null, /missing\.jpg: cannot read the file \(ENOENT\)/],
    ];
    for (const [name, bytes, message] of cases) {
      const p = bytes ? await file(name, bytes) : path.join(dir, name);
      const e = await failure(decodeImage(p, limits));
      expect(e.code, name).toBe('media.unreadable');
      expect(e.kind).toBe('invalid');
      expect(e.message).toMatch(message);
    }
  });
});

describe('media sniffing', () => {
  it('tells pictures from videos by content, not name', async () => {
    const jpeg = await sharp(texture(8, 8), { raw: { width: 8, height: 8, channels: 3 } })
      .jpeg()
      .toBuffer();
    expect(await sniffFile(await file('actually-a-picture.mp4', jpeg))).toBe('image');
    const mp4Head = Buffer.concat([Buffer.from([0, 0, 0, 0x20]), Buffer.from('ftypisom'), Buffer.alloc(20)]);
    expect(await sniffFile(await file('clip.jpg', mp4Head))).toBe('video');
    expect(
      sniffBytes(Buffer.concat([Buffer.from([0, 0, 0, 0x1c]), Buffer.from('ftypavif'), Buffer.alloc(8)])),
    ).toBe('image');
    expect(sniffBytes(Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0, 0, 0, 0, 0, 0, 0, 0]))).toBe('video');
    expect(sniffBytes(Buffer.from('RIFF\0\0\0\0WEBPVP8 '))).toBe('image');
    expect(sniffBytes(Buffer.from('RIFF\0\0\0\0AVI LIST'))).toBe('video');
    expect(sniffBytes(Buffer.from('hello, world'))).toBe('unknown');
    await expect(sniffFile(await file('zero.bin', Buffer.alloc(0)))).rejects.toMatchObject({
      code: 'media.unreadable',
    });
  });
});
