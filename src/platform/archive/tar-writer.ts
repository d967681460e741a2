/**
 * Writes a tar archive (POSIX ustar, pax headers where a name or size needs them; tar-stream) to a
 * file, one entry after another, each file's SHA-256 taken from the very bytes written into the
 * archive, and the archive's own SHA-256 from the bytes written to disk. Every entry lies under
 * one folder, with fixed owner and modes, and the time given, so the archive says nothing of the
 * machine it was made on. Names are the caller's to choose and are refused unless they are plain
 * relative paths of safe characters: nothing a user typed should ever become a path.
 */
import { createHash, type Hash } from 'node:crypto';
import { once } from 'node:events';
import { open, type FileHandle } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import tar from 'tar-stream';

/** A path inside the archive: segments of letters, digits, `.`, `_`, `-`, none of them `.` or `..`. */
const SAFE_PATH = /^(?!.*(?:^|\/)\.{1,2}(?:\/|$))[A-Za-z0-9._-]+(?:\/[A-Za-z0-9._-]+)*$/;

export function isSafeArchivePath(p: string): boolean {
  return SAFE_PATH.test(p) && p.length <= 240;
}

export interface WrittenArchive {
  sha256: string;
  size: number;
}

export class TarWriter {
  private readonly pack = tar.pack();
  private readonly hash: Hash = createHash('sha256');
  private bytes = 0;
  private readonly drained: Promise<void>;
  private readonly dirs = new Set<string>();

  private constructor(
    fh: FileHandle,
    private readonly root: string,
    private readonly mtime: Date,
  ) {
    this.drained = (async () => {
      try {
        for await (const chunk of this.pack) {
          this.hash.update(chunk);
          this.bytes += chunk.length;
          await fh.write(chunk);
        }
        await fh.sync();
      } catch (e) {
        this.pack.destroy(e as Error);
        throw e;
      } finally {
        await fh.close();
      }
    })();
    // Seen by `finish` or `abort`; never an unhandled rejection or 'error' event in between.
    this.drained.catch(() => undefined);
    this.pack.on('error', () => undefined);
  }

  /** Starts an archive in `file` (created, never replaced, 0600) whose entries lie under `root`. */
  static async create(file: string, root: string, mtime: Date): Promise<TarWriter> {
    if (!isSafeArchivePath(root) || root.includes('/')) throw new Error(`not a safe archive folder: ${root}`);
    const w = new TarWriter(await open(file, 'wx', 0o600), root, mtime);
    await w.directory('');
    return w;
  }

  private header(name: string, extra: Partial<tar.Headers>): tar.Headers {
    return {
      name,
      mtime: this.mtime,
      uid: 0,
      gid: 0,
      uname: '',
      gname: '',
      ...extra,
    };
  }

  private async directory(rel: string): Promise<void> {
    const name = rel ? `${this.root}/${rel}/` : `${this.root}/`;
    if (this.dirs.has(name)) return;
    this.dirs.add(name);
    await new Promise<void>((ok, fail) =>
      this.pack.entry(this.header(name, { type: 'directory', mode: 0o755 }), (e) => (e ? fail(e) : ok())),
    );
  }

  private async parents(rel: string): Promise<string> {
    if (!isSafeArchivePath(rel)) throw new Error(`not a safe archive path: ${rel}`);
    const parts = rel.split('/');
    for (let i = 1; i < parts.length; i++) await this.directory(parts.slice(0, i).join('/'));
    return `${this.root}/${rel}`;
  }

  /** Adds a file from memory; gives its SHA-256. */
  async addBytes(rel: string, bytes: Buffer | string): Promise<string> {
    const body = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
    const name = await this.parents(rel);
    await new Promise<void>((ok, fail) =>
      this.pack.entry(this.header(name, { type: 'file', mode: 0o644, size: body.length }), body, (e) =>
        e ? fail(e) : ok(),
      ),
    );
    return createHash('sha256').update(body).digest('hex');
  }

  /**
   * Adds a file of `size` bytes from a stream; gives the SHA-256 of what went in (the caller
   * compares it with what the bytes should be). A source that ends short or runs long fails.
   */
  async addStream(rel: string, size: number, source: Readable): Promise<string> {
    const name = await this.parents(rel);
    const hash = createHash('sha256');
    let settle!: (e?: Error | null) => void;
    const done = new Promise<void>((ok, fail) => (settle = (e) => (e ? fail(e) : ok())));
    done.catch(() => undefined); // awaited below, unless the source fails first
    const entry = this.pack.entry(this.header(name, { type: 'file', mode: 0o644, size }), (e) => settle(e));
    entry.on('error', () => undefined); // reported through `settle`
    let seen = 0;
    try {
      for await (const chunk of source as AsyncIterable<Buffer>) {
        seen += chunk.length;
        if (seen > size) throw new Error(`${rel}: more than the ${size} bytes expected`);
        hash.update(chunk);
        if (!entry.write(chunk)) await once(entry, 'drain');
      }
      if (seen !== size) throw new Error(`${rel}: ${seen} bytes where ${size} were expected`);
    } catch (e) {
      // The archive cannot go on from a half-written entry: the caller aborts it.
      source.destroy();
      throw e;
    }
    entry.end();
    await done;
    return hash.digest('hex');
  }

  /** Ends the archive and waits until it is on disk. */
  async finish(): Promise<WrittenArchive> {
    this.pack.finalize();
    await this.drained;
    return { sha256: this.hash.digest('hex'), size: this.bytes };
  }

  /** Gives up on the archive (the caller removes the file). */
  async abort(e: Error): Promise<void> {
    this.pack.destroy(e);
    await this.drained.catch(() => undefined);
  }
}
