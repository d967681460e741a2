/**
 * The installation's fingerprint index, one per process: every stored hash (of every case) in the
 * engine's multi-index tables, loaded at start and brought up to date before each search by
 * reading the rows added since (`seq` > the last one seen). A hash stored by another process
 * (several athar processes on one PostgreSQL) is therefore found by the next check anywhere, not
 * after a polling interval. Weak hashes (quality < 50: flat or dark pictures) are kept in the
 * table but never indexed: they would match anything flat.
 *
 * **Gaps.** seq comes from a sequence, handed out when a row is inserted, not when its transaction
 * commits: a transaction that took seq 100 and commits after another that took 101 has been read
 * past. Every seq skipped over is therefore watched — asked for again at each refresh — until it
 * appears or HOLE_WATCH_MS has passed (a seq that never appears belonged to a transaction rolled
 * back; athar's transactions that store hashes last well under a second).
 *
 * **Start.** The index is saved in the data directory (index-file.ts) after a load that read many
 * rows and then every SAVE_EVERY new rows; a start loads that file and reads only the rows stored
 * since, after checking that the database still holds exactly the rows the file covers (their
 * count up to its last seq, the item of that row): a file that does not match — another database,
 * hashes replaced or deleted, a watched gap filled — is ignored and the table is read again.
 *
 * **Memory.** Slots are typed-array columns (item number, variant number, seconds), not objects:
 * a million hashes cost ~110 MB (the multi-index's tables ~100 MB of it).
 *
 * Known limit: hashes replaced in the table (an item processed again) stay in a running process's
 * index under the same item until it restarts (processing is deterministic, so they are the same
 * hashes but for a changed algorithm).
 */
import path from 'node:path';
import { isWeak } from '#src/engines/fingerprint/compare.ts';
import { MihIndex } from '#src/engines/fingerprint/mih-index.ts';
import { hashToWords } from '#src/engines/fingerprint/brute-force.ts';
import type { HammingMatch } from '#src/engines/fingerprint/brute-force.ts';
import type { Context } from '#src/platform/context.ts';
import { ensurePrivateDir } from '#src/platform/private-dir.ts';
import { SettingsRepository } from '#src/platform/settings.repository.ts';
import { encodeIndexFile, readIndexFile, writeIndexFile, type IndexPart } from './index-file.ts';
import { MediaRepository, type HashGroup } from './media.repository.ts';

export interface IndexedHash {
  itemId: string;
  variant: string;
  t: number | null;
}

/** Rows asked for at a time. */
const BATCH = 100_000;
/** How long a seq skipped over is watched for a late commit. */
export const HOLE_WATCH_MS = 10 * 60_000;
/** At most this many gaps are watched (the newest); older ones are taken for rollbacks. */
const MAX_HOLES = 10_000;
/** The index is saved again once this many rows were read since it last was. */
const SAVE_EVERY = 50_000;
/** A start that read fewer rows than this does not save (a small table loads fast anyway). */
const SAVE_FROM = 20_000;
const WINDOW = 'window';

/**
 * Which database an index was read from, so that its file is never used with another one: a
 * random id kept in the database itself (a restored copy has the same id, and is then told apart
 * by the check of the rows).
 */
async function databaseKey(ctx: Context): Promise<string> {
  const settings = ctx.repo(SettingsRepository);
  const key = 'fingerprint_index_id';
  const id = await settings.get<string>(key);
  if (id) return id;
  await settings.setOnce(key, ctx.ids.uuid());
  return (await settings.get<string>(key))!;
}

function emptyPart(): IndexPart {
  return {
    index: MihIndex.empty(),
    count: 0,
    item: new Uint32Array(64),
    variant: new Uint8Array(64),
    t: new Float64Array(64),
  };
}

/** Room for `n` more slots in a part's columns (×1.5, copying views on a loaded file). */
function reserve(p: IndexPart, n: number): void {
  if (p.count + n <= p.item.length) return;
  const cap = Math.max(p.count + n, Math.ceil(p.item.length * 1.5), 64);
  const item = new Uint32Array(cap);
  item.set(p.item.subarray(0, p.count));
  const variant = new Uint8Array(cap);
  variant.set(p.variant.subarray(0, p.count));
  const t = new Float64Array(cap);
  t.set(p.t.subarray(0, p.count));
  Object.assign(p, { item, variant, t });
}

/** Hashes of the two parts packed as the engine's words, for one build at the end of a load. */
class BulkWords {
  private words: Uint32Array[] = [new Uint32Array(8 * 1024), new Uint32Array(8 * 1024)];

  put(part: number, slot: number, hash: Uint8Array): void {
    let w = this.words[part]!;
    if ((slot + 1) * 8 > w.length) {
      const grown = new Uint32Array(Math.max((slot + 1) * 8, w.length * 2));
      grown.set(w);
      this.words[part] = w = grown;
    }
    hashToWords(hash, w, slot * 8);
  }

  build(count: number, part: number): MihIndex {
    const ids = new Uint32Array(count);
    for (let i = 0; i < count; i++) ids[i] = i;
    return MihIndex.fromWords(ids, this.words[part]!.subarray(0, count * 8));
  }
}

export class HashIndex {
  /** Whole pictures' hashes (and their trimmed and dihedral variants) and video frames. */
  private main = emptyPart();
  /** Pictures' central windows (variant 'window'), apart: only crop probes search them. */
  private windows = emptyPart();
  private readonly items: string[] = [];
  private readonly itemNo = new Map<string, number>();
  private readonly variants: string[] = [];
  private readonly variantNo = new Map<string, number>();
  private lastSeq = 0;
  /** Rows with seq ≤ lastSeq read so far, weak ones included. */
  private rows = 0;
  private itemAtLast: string | null = null;
  /** Watched gaps: seq → when first seen missing (ms). */
  private readonly holes = new Map<number, number>();
  private loaded = false;
  private readSinceSave = 0;
  private refreshing: Promise<void> | null = null;
  private readonly save: boolean;
  private readonly saveFrom: number;
  private readonly saveEvery: number;
  private pendingSave: Promise<void> = Promise.resolve();
  /** Where the last load came from: the saved file (and the rows since) or the table alone. */
  source: 'file' | 'table' | null = null;

  /** `save: false` keeps the index in memory only; the thresholds are for tests. */
  constructor(opts: { save?: boolean; saveFrom?: number; saveEvery?: number } = {}) {
    this.save = opts.save ?? true;
    this.saveFrom = opts.saveFrom ?? SAVE_FROM;
    this.saveEvery = opts.saveEvery ?? SAVE_EVERY;
  }

  /** Resolves once a save begun by a refresh has been written (or has failed). */
  whenSaved(): Promise<void> {
    return this.pendingSave;
  }

  get size(): number {
    return this.main.index.size + this.windows.index.size;
  }

  /** Gaps still watched (for tests and the benchmark). */
  get watchedGaps(): number {
    return this.holes.size;
  }

  /** Reads the hashes stored since the last refresh (by any process) into the index. */
  async refresh(ctx: Context, now: () => number = Date.now): Promise<void> {
    // One refresh at a time per process; a search arriving meanwhile waits for it.
    while (this.refreshing) await this.refreshing;
    const run = this.refreshOnce(ctx, now);
    this.refreshing = run;
    try {
      await run;
    } finally {
      this.refreshing = null;
    }
  }

  private async refreshOnce(ctx: Context, now: () => number): Promise<void> {
    const repo = ctx.repo(MediaRepository);
    const file = path.join(ctx.config.dataDir, 'index', 'fingerprints.bin');
    if (!this.loaded) {
      this.loaded = true;
      this.source = 'table';
      if (this.save) {
        this.database = await databaseKey(ctx);
        await this.loadFile(ctx, repo, file, now);
      }
    }
    if (this.holes.size > 0) {
      const t = now();
      for (const [seq, since] of this.holes) if (t - since > HOLE_WATCH_MS) this.holes.delete(seq);
      if (this.holes.size > 0) {
        const groups = await repo.hashGroups(0, 0, [...this.holes.keys()]);
        const found = this.addGroups(groups, null);
        for (const seq of found) this.holes.delete(seq);
        this.rows += found.length;
        this.readSinceSave += found.length;
      }
    }
    // An empty index (the first load without a saved one) is built in one pass at the end.
    const bulk = this.main.count === 0 && this.windows.count === 0 ? new BulkWords() : null;
    for (;;) {
      const groups = await repo.hashGroups(this.lastSeq, BATCH);
      const seqs = this.addGroups(groups, now(), bulk);
      this.readSinceSave += seqs.length;
      if (seqs.length < BATCH) break;
    }
    if (bulk) {
      this.main.index = bulk.build(this.main.count, 0);
      this.windows.index = bulk.build(this.windows.count, 1);
    }
    const database = this.database;
    const due = this.readSinceSave >= (this.lastSaved ? this.saveEvery : this.saveFrom);
    if (this.save && database !== null && !this.saving && due) {
      // After this refresh's search, not in its way. The bytes are taken in one synchronous step
      // (no refresh changes the index meanwhile); the disk then takes them without blocking.
      this.saving = true;
      this.pendingSave = new Promise((done) =>
        setImmediate(() => {
          void (async () => {
            try {
              ensurePrivateDir(path.dirname(file), 'The fingerprint index directory');
              const counted = this.readSinceSave;
              const bytes = encodeIndexFile(
                {
                  database,
                  lastSeq: this.lastSeq,
                  rows: this.rows,
                  itemAtLast: this.itemAtLast,
                  holes: [...this.holes.keys()],
                  items: this.items,
                  variants: this.variants,
                },
                [this.main, this.windows],
              );
              await writeIndexFile(file, bytes);
              this.lastSaved = true;
              // Rows read while the disk took the file count towards the next save.
              this.readSinceSave -= counted;
            } catch (e) {
              // A cache: athar runs on without it (the next start reads the table).
              ctx.log.warn({ err: String(e) }, 'could not save the fingerprint index');
            } finally {
              this.saving = false;
              done();
            }
          })();
        }),
      );
    }
  }

  private lastSaved = false;
  private saving = false;
  private database: string | null = null;

  /** Takes the saved index if it matches the database; otherwise leaves the index empty. */
  private async loadFile(
    ctx: Context,
    repo: MediaRepository,
    file: string,
    now: () => number,
  ): Promise<void> {
    const saved = readIndexFile(file);
    const reject = (why: string) =>
      ctx.log.info({ why }, 'saved fingerprint index not used; reading the table');
    if (typeof saved === 'string') {
      if (saved !== 'no saved index') reject(saved);
      return;
    }
    const h = saved.header;
    if (h.database !== this.database) return reject('saved from another database');
    const [inDb, late] = await Promise.all([
      repo.hashCountTo(h.lastSeq),
      h.holes.length > 0 ? repo.hashGroups(0, 0, h.holes) : Promise.resolve([]),
    ]);
    const lateRows = late.reduce((n, g) => n + g.seqs.split(',').length, 0);
    if (inDb.count !== h.rows + lateRows || inDb.itemAt !== h.itemAtLast)
      return reject(`the table changed (${inDb.count} rows up to seq ${h.lastSeq}, the file has ${h.rows})`);
    [this.main, this.windows] = saved.parts as [IndexPart, IndexPart];
    h.items.forEach((id, i) => {
      this.items.push(id);
      this.itemNo.set(id, i);
    });
    h.variants.forEach((v, i) => {
      this.variants.push(v);
      this.variantNo.set(v, i);
    });
    this.lastSeq = h.lastSeq;
    this.rows = h.rows;
    this.itemAtLast = h.itemAtLast;
    this.lastSaved = true;
    this.source = 'file';
    const t = now();
    for (const seq of h.holes) this.holes.set(seq, t);
    const found = this.addGroups(late, null);
    for (const seq of found) this.holes.delete(seq);
    this.rows += found.length;
  }

  /**
   * Adds the groups' strong hashes; returns the seqs read. With `noticed` (a batch after lastSeq),
   * advances lastSeq and watches the seqs skipped over; without (watched gaps), leaves it.
   */
  private addGroups(
    groups: readonly HashGroup[],
    noticed: number | null,
    bulk: BulkWords | null = null,
  ): number[] {
    const all: number[] = [];
    let last = this.lastSeq;
    let lastItem = this.itemAtLast;
    for (const g of groups) {
      const seqs = g.seqs.split(',').map(Number);
      const ts = g.ts.split(',');
      const qualities = g.qualities.split(',');
      const bytes = Buffer.from(g.hashes, 'hex');
      const part = g.variant === WINDOW ? this.windows : this.main;
      const item = this.intern(this.items, this.itemNo, g.itemId);
      const variant = this.intern(this.variants, this.variantNo, g.variant);
      reserve(part, seqs.length);
      for (let i = 0; i < seqs.length; i++) {
        const seq = seqs[i]!;
        all.push(seq);
        if (seq > last) {
          last = seq;
          lastItem = g.itemId;
        }
        if (isWeak(Number(qualities[i]))) continue;
        const s = part.count++;
        part.item[s] = item;
        part.variant[s] = variant;
        part.t[s] = ts[i] === '' ? NaN : Number(ts[i]);
        const hash = bytes.subarray(32 * i, 32 * i + 32);
        if (bulk) bulk.put(part === this.windows ? 1 : 0, s, hash);
        else part.index.add(s, hash);
      }
    }
    if (noticed !== null) {
      this.rows += all.length;
      const gaps = last - this.lastSeq - all.length;
      if (gaps > 0) {
        const present = new Set(all);
        const from = Math.max(this.lastSeq + 1, last - MAX_HOLES * 4);
        for (let s = from; s < last; s++) if (!present.has(s)) this.holes.set(s, noticed);
        if (this.holes.size > MAX_HOLES) {
          const newest = [...this.holes.keys()].sort((a, b) => b - a).slice(MAX_HOLES);
          for (const s of newest) this.holes.delete(s);
        }
      }
      this.lastSeq = last;
      this.itemAtLast = lastItem;
    }
    return all;
  }

  private intern(list: string[], map: Map<string, number>, value: string): number {
    let n = map.get(value);
    if (n === undefined) {
      n = list.length;
      list.push(value);
      map.set(value, n);
    }
    return n;
  }

  private slot(part: IndexPart, m: HammingMatch): HammingMatch & IndexedHash {
    const t = part.t[m.id]!;
    return {
      ...m,
      itemId: this.items[part.item[m.id]!]!,
      variant: this.variants[part.variant[m.id]!]!,
      t: Number.isNaN(t) ? null : t,
    };
  }

  /** Every indexed hash within `radius` bits of `hash`, nearest first (windows apart). */
  search(hash: Uint8Array, radius: number): (HammingMatch & IndexedHash)[] {
    return this.main.index.search(hash, radius).map((m) => this.slot(this.main, m));
  }

  /** Every indexed picture window within `radius` bits of `hash` (the crop search). */
  searchWindows(hash: Uint8Array, radius: number): (HammingMatch & IndexedHash)[] {
    return this.windows.index.search(hash, radius).map((m) => this.slot(this.windows, m));
  }
}
