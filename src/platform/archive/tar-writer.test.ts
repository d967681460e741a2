import { createHash } from 'node:crypto';
import { createReadStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import tar from 'tar-stream';
import { afterAll, describe, expect, it } from 'vitest';
import { isSafeArchivePath, TarWriter } from './tar-writer.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'athar-tar-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');
let n = 0;

/** Every entry of an archive: name, type, mode, time, and the bytes of files. */
async function entries(file: string) {
  const out: { name: string; type: string; mode: number; mtime: Date; body: Buffer }[] = [];
  const extract = tar.extract();
  const read = (async () => {
    for await (const e of extract) {
      const chunks: Buffer[] = [];
      for await (const c of e) chunks.push(c);
      out.push({
        name: e.header.name,
        type: String(e.header.type),
        mode: e.header.mode ?? 0,
        mtime: e.header.mtime!,
        body: Buffer.concat(chunks),
      });
    }
  })();
  createReadStream(file).pipe(extract);
  await read;
  return out;
}

describe('TarWriter', () => {
  const at = new Date('2024-12-09T13:45:00Z');

  it('writes files under one folder with their SHA-256, and the archive with its own', async () => {
    const file = path.join(dir, `${++n}.tar`);
    const w = await TarWriter.create(file, 'package', at);
    const big = Buffer.alloc(300_000, 7);
    const long = `originals/${'a'.repeat(64)}.jpeg`;
    expect(await w.addBytes('README.txt', 'read me\n')).toBe(sha('read me\n'));
    expect(
      await w.addStream(long, big.length, Readable.from([big.subarray(0, 1000), big.subarray(1000)])),
    ).toBe(sha(big));
    const written = await w.finish();
    const bytes = readFileSync(file);
    expect(written).toEqual({ sha256: sha(bytes), size: bytes.length });
    const got = await entries(file);
    expect(got.map((e) => [e.name, e.type])).toEqual([
      ['package/', 'directory'],
      ['package/README.txt', 'file'],
      ['package/originals/', 'directory'],
      [`package/${long}`, 'file'],
    ]);
    expect(got[3]!.body.equals(big)).toBe(true);
    expect(got[1]!.mode).toBe(0o644);
    expect(got.every((e) => e.mtime.getTime() === at.getTime())).toBe(true);
  });

  it('fails when a stream gives other than the bytes announced', async () => {
    const w = await TarWriter.create(path.join(dir, `${++n}.tar`), 'p', at);
    await expect(w.addStream('short.bin', 10, Readable.from([Buffer.alloc(4)]))).rejects.toThrow(
      /4 bytes where 10 were expected/,
    );
    await w.abort(new Error('stop'));
    const w2 = await TarWriter.create(path.join(dir, `${++n}.tar`), 'p', at);
    await expect(w2.addStream('long.bin', 2, Readable.from([Buffer.alloc(4)]))).rejects.toThrow(/more than/);
    await w2.abort(new Error('stop'));
  });

  it('refuses any name that is not a plain relative path, and never replaces a file', async () => {
    for (const bad of ['../x', 'a/../b', '/etc/passwd', 'a//b', 'a/./b', '.', 'a b', 'a\\b', 'é', ''])
      expect(isSafeArchivePath(bad), bad).toBe(false);
    for (const good of ['README.txt', 'warc/0b9c.warc.gz', 'timestamps/2024-12-09_x/token.tst', '.hidden'])
      expect(isSafeArchivePath(good), good).toBe(true);
    const file = path.join(dir, `${++n}.tar`);
    const w = await TarWriter.create(file, 'p', at);
    await expect(w.addBytes('../escape', 'x')).rejects.toThrow(/not a safe archive path/);
    await w.abort(new Error('stop'));
    writeFileSync(path.join(dir, 'taken.tar'), 'mine');
    await expect(TarWriter.create(path.join(dir, 'taken.tar'), 'p', at)).rejects.toThrow(/EEXIST/);
    expect(readFileSync(path.join(dir, 'taken.tar'), 'utf8')).toBe('mine');
  });
});
