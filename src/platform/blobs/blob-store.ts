/**
 * The blob store: evidence files, content-addressed by SHA-256, under the data directory's
 * `blobs/` (0700, athar's alone). An original is hashed while it streams to a temporary file in the
 * same directory tree, flushed to disk, and only then linked into place under its hash — `link`,
 * not `rename`, so an original already stored is never replaced — and made read-only. Bytes
 * already stored are not written twice. Working copies (thumbnails, keyframes) live apart under
 * `derived/`: they can be made again from the original at any time and are not evidence.
 *
 * Crash safety: a temporary file left by a killed process is removed at the next start; a blob
 * stored for an upload whose database transaction never committed is an orphan, removed by
 * `sweepOrphans` once it is older than the grace period (an upload in flight in another process
 * is younger than that).
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, type ReadStream } from 'node:fs';
import {
  chmod,
  link,
  lstat,
  mkdir,
  open,
  readdir,
  rename,
  rm,
  stat,
  unlink,
  writeFile,
} from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { tooLarge, invalid } from '#src/platform/errors.ts';
import { ensurePrivateDir } from '#src/platform/private-dir.ts';

export interface StoredBlob {
  sha256: string;
  size: number;
  /** False when the same bytes were already stored (nothing was written). */
  created: boolean;
}

export interface VerifyProgress {
  checked: number;
  total: number;
  bytes: number;
}

export interface VerifyReport {
  checked: number;
  changed: { sha256: string; path: string; actual: string }[];
  missing: { sha256: string; path: string }[];
}

const SHA256 = /^[0-9a-f]{64}$/;

export function isSha256(s: string): boolean {
  return SHA256.test(s);
}

export class BlobStore {
  private readonly objects: string;
  private readonly tmp: string;
  private readonly derived: string;
  private readonly uploads: string;

  constructor(readonly root: string) {
    this.objects = path.join(root, 'sha256');
    this.tmp = path.join(root, 'tmp');
    this.derived = path.join(root, 'derived');
    this.uploads = path.join(root, 'uploads');
  }

  /** Makes the directories (0700) and removes what a killed process left half-written. */
  async open(): Promise<void> {
    ensurePrivateDir(this.root, 'the blob store');
    for (const dir of [this.objects, this.tmp, this.derived, this.uploads])
      await mkdir(dir, { recursive: true, mode: 0o700 });
    for (const name of await readdir(this.tmp)) await rm(path.join(this.tmp, name), { force: true });
  }

  /** A fresh temporary file name (removed at the next open if a killed process leaves it). */
  private tempPath(): string {
    return path.join(this.tmp, `${process.pid}-${randomBytes(12).toString('hex')}`);
  }

  /**
   * A scratch folder inside the store's tmp/ (athar's data directory, never the system's temporary
   * directory: what a capture fetched is evidence) for `fn`, removed afterwards.
   */
  async withScratch<T>(fn: (fileIn: (name: string) => string) => Promise<T>): Promise<T> {
    const dir = this.tempPath();
    await mkdir(dir, { mode: 0o700 });
    try {
      return await fn((name) => path.join(dir, path.basename(name)));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  /**
   * Where the bytes so far of a resumable upload wait (kept across restarts, unlike tmp/; the
   * upload's row says how many of them count). The id is athar's own, never a name a user gave.
   */
  uploadPath(id: string): string {
    if (!/^[0-9a-f-]{36}$/.test(id)) throw invalid('blob.upload', 'not an upload id');
    return path.join(this.uploads, id);
  }

  /** Where the original with this hash lives. */
  pathOf(sha256: string): string {
    if (!isSha256(sha256)) throw invalid('blob.hash', `not a SHA-256 hex digest: ${sha256.slice(0, 80)}`);
    return path.join(this.objects, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async has(sha256: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(sha256))).isFile();
    } catch {
      return false;
    }
  }

  /**
   * Stores what `source` yields, hashing it as it streams; refuses (413, nothing left behind) once
   * it passes `limitBytes`. Returns the hash, size, and whether these bytes were new.
   */
  async put(source: Readable, limitBytes: number): Promise<StoredBlob> {
    const tmpFile = this.tempPath();
    try {
      const { sha256, size } = await receive(source, limitBytes, tmpFile);
      const fh = await open(tmpFile, 'r');
      try {
        await fh.sync();
      } finally {
        await fh.close();
      }
      const final = this.pathOf(sha256);
      await mkdir(path.dirname(final), { recursive: true, mode: 0o700 });
      let created = true;
      try {
        await chmod(tmpFile, 0o400);
        await link(tmpFile, final);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
        created = false;
      }
      if (created) await syncDir(path.dirname(final));
      return { sha256, size, created };
    } finally {
      await rm(tmpFile, { force: true });
    }
  }

  /**
   * Streams `source` to a temporary file (hashing it, within the limit), runs `fn` on it, and
   * removes it: a file checked against the store without being kept.
   */
  async withTemporary<T>(
    source: Readable,
    limitBytes: number,
    fn: (file: string, sha256: string) => Promise<T>,
  ): Promise<T> {
    const tmpFile = this.tempPath();
    try {
      const { sha256 } = await receive(source, limitBytes, tmpFile);
      return await fn(tmpFile, sha256);
    } finally {
      await rm(tmpFile, { force: true });
    }
  }

  /** Stores a local file (the CLI's ingest of a file on this machine). */
  async putFile(file: string, limitBytes: number): Promise<StoredBlob> {
    return this.put(createReadStream(file), limitBytes);
  }

  /** Reads an original. The caller records the custody event (view, download, export). */
  read(sha256: string): ReadStream {
    return createReadStream(this.pathOf(sha256));
  }

  /** Every stored original's hash (walks the tree). */
  async *stored(): AsyncGenerator<string> {
    for (const a of await safeReaddir(this.objects))
      for (const b of await safeReaddir(path.join(this.objects, a)))
        for (const name of await safeReaddir(path.join(this.objects, a, b))) if (isSha256(name)) yield name;
  }

  /**
   * Re-hashes every original the database knows of: names each one whose bytes changed and each
   * one that vanished. `onProgress` is told after each file.
   */
  async verify(
    expected: readonly { sha256: string; size: number }[],
    onProgress?: (p: VerifyProgress) => void,
  ): Promise<VerifyReport> {
    const report: VerifyReport = { checked: 0, changed: [], missing: [] };
    let bytes = 0;
    for (const { sha256 } of expected) {
      const file = this.pathOf(sha256);
      try {
        const s = await lstat(file);
        if (!s.isFile()) throw Object.assign(new Error('not a file'), { code: 'ENOENT' });
        const actual = await hashFile(file);
        bytes += s.size;
        if (actual !== sha256) report.changed.push({ sha256, path: file, actual });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
        report.missing.push({ sha256, path: file });
      }
      report.checked++;
      onProgress?.({ checked: report.checked, total: expected.length, bytes });
    }
    return report;
  }

  /**
   * Removes stored originals nothing refers to and older than `graceMs`: the bytes of an upload
   * whose transaction never committed (the server was killed between storing and recording).
   * Never called on a blob something refers to.
   */
  async sweepOrphans(
    referenced: (sha256s: string[]) => Promise<Set<string>>,
    graceMs: number,
  ): Promise<string[]> {
    const all: string[] = [];
    for await (const sha of this.stored()) all.push(sha);
    const removed: string[] = [];
    for (let i = 0; i < all.length; i += 1000) {
      const batch = all.slice(i, i + 1000);
      const known = await referenced(batch);
      for (const sha of batch) {
        if (known.has(sha)) continue;
        const file = this.pathOf(sha);
        const s = await stat(file).catch(() => null);
        if (!s || Date.now() - s.mtimeMs < graceMs) continue;
        await unlink(file);
        removed.push(sha);
      }
    }
    return removed;
  }

  /** A working copy of an original (thumbnail, keyframe sheet): regenerable, replaced freely. */
  derivedPath(sha256: string, name: string): string {
    if (!/^[a-z0-9.-]{1,40}$/.test(name)) throw invalid('blob.derived_name', `bad working-copy name ${name}`);
    return path.join(this.derived, sha256.slice(0, 2), `${this.pathOf(sha256).slice(-64)}.${name}`);
  }

  async putDerived(sha256: string, name: string, bytes: Buffer): Promise<void> {
    const file = this.derivedPath(sha256, name);
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    const tmpFile = this.tempPath();
    await writeFile(tmpFile, bytes, { mode: 0o600 });
    await rename(tmpFile, file);
  }
}

/**
 * Streams `source` into `file` (created, never replaced), hashing and counting the bytes; fails
 * with 413 past the limit and refuses an empty file. The caller removes `file`.
 */
async function receive(
  source: Readable,
  limitBytes: number,
  file: string,
): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > limitBytes) {
        done(
          tooLarge(
            'media.too_large',
            `the file is larger than the upload limit of ${limitBytes} bytes (ATHAR_MEDIA_LIMIT_BYTES)`,
          ),
        );
        return;
      }
      hash.update(chunk);
      done(null, chunk);
    },
  });
  await pipeline(source, meter, createWriteStream(file, { flags: 'wx', mode: 0o600 }));
  if (size === 0) throw invalid('media.empty', 'empty file (0 bytes): nothing to keep or check');
  return { sha256: hash.digest('hex'), size };
}

export async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function safeReaddir(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).sort();
  } catch {
    return [];
  }
}

async function syncDir(dir: string): Promise<void> {
  try {
    const fh = await open(dir, 'r');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
  } catch {
    // Some filesystems cannot fsync a directory; the file itself is flushed.
  }
}
