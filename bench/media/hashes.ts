/**
 * The media benchmark's large installation: synthetic frame hashes stored directly through the
 * media repository (ingesting a million seconds of video would take days), and the time the
 * installation's fingerprint index takes to load them when athar starts.
 *
 * The hashes are random 256-bit values from a fixed seed, quality 100, in items of 1,000 frames (a
 * 17-minute video each, one hash a second). Random hashes are a fair load for timing the index:
 * PDQ hashes of distinct content are spread like random ones (their bits are medians of DCT
 * coefficients), and a query then finds no false candidates among them — what the index spends
 * is the probing and the verification of each 16-bit chunk's bucket, as for real hashes.
 */
import { randomBytes } from 'node:crypto';
import { randomHashBytes, seededRandom } from '#src/engines/prng.ts';
import { HashIndex } from '#src/modules/media/hash-index.ts';
import { statSync } from 'node:fs';
import path from 'node:path';
import { readIndexFile } from '#src/modules/media/index-file.ts';
import { MediaRepository } from '#src/modules/media/media.repository.ts';
import { SYSTEM_ACTOR } from '#src/platform/context.ts';
import { since, type Running } from './athar.ts';

const FRAMES_PER_ITEM = 1000;
const ITEMS_PER_TRANSACTION = 20;

/** Stores `count` synthetic frame hashes in the case; the seconds it took. */
export async function seedFrameHashes(a: Running, count: number): Promise<number> {
  const next = seededRandom(1_000_003);
  const t0 = process.hrtime.bigint();
  const items = Math.ceil(count / FRAMES_PER_ITEM);
  for (let first = 0; first < items; first += ITEMS_PER_TRANSACTION) {
    await a.app.run(SYSTEM_ACTOR, { transaction: true }, async (ctx) => {
      const repo = ctx.repo(MediaRepository);
      for (let n = first; n < Math.min(items, first + ITEMS_PER_TRANSACTION); n++) {
        const frames = Math.min(FRAMES_PER_ITEM, count - n * FRAMES_PER_ITEM);
        const now = ctx.clock.now();
        const { item } = await repo.createItemOnce({
          id: ctx.ids.uuid(),
          case_id: a.caseId,
          sha256: randomBytes(32).toString('hex'),
          size: 1,
          name: `synthetic-frames-${n}.mp4`,
          kind: 'video',
          status: 'processed',
          duration_s: frames,
          created_at: now,
          updated_at: now,
        });
        await repo.replaceHashes(
          item.id,
          Array.from({ length: frames }, (_, t) => ({
            variant: 'frame',
            t,
            hash: Buffer.from(randomHashBytes(next)).toString('hex'),
            quality: 100,
          })),
        );
      }
    });
  }
  return since(t0);
}

/** Each time a HashIndex read the table: seconds, and the hashes it held afterwards. */
export interface IndexLoad {
  seconds: number;
  size: number;
  /** Where its first load came from: the saved index file (and rows since) or the table. */
  source: HashIndex['source'];
  index: HashIndex;
}

export const indexLoads: IndexLoad[] = [];
let instrumented = false;

/**
 * Times every HashIndex refresh in this process (the media module's index included, whose first
 * refresh is the load at start), by wrapping the method: athar's code runs unchanged.
 */
export function timeIndexRefreshes(): void {
  if (instrumented) return;
  instrumented = true;
  const refresh = HashIndex.prototype.refresh; // eslint-disable-line @typescript-eslint/unbound-method -- called with its own this below
  HashIndex.prototype.refresh = async function (this: HashIndex, ctx) {
    const t0 = process.hrtime.bigint();
    await refresh.call(this, ctx);
    indexLoads.push({ seconds: since(t0), size: this.size, source: this.source, index: this });
  };
}

/** Rows in the installation's hash table. */
export async function storedHashes(a: Running): Promise<number> {
  const r = await a.app.database.db
    .selectFrom('media_hash')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/**
 * The index load taken apart, once athar is up: reading the saved index file alone, the check of
 * it against the table (count up to its last seq), and a load from the table alone (what a start
 * without the file, or with a file the table no longer matches, does).
 */
export async function indexLoadParts(
  a: Running,
): Promise<{ fileS: number; checkS: number; tableS: number; fileBytes: number; rows: number }> {
  const file = path.join(a.app.config.dataDir, 'index', 'fingerprints.bin');
  const t0 = process.hrtime.bigint();
  const saved = readIndexFile(file);
  const fileS = since(t0);
  if (typeof saved === 'string') throw new Error(`saved index: ${saved}`);
  const t1 = process.hrtime.bigint();
  await a.app.run(SYSTEM_ACTOR, { transaction: false }, (ctx) =>
    ctx.repo(MediaRepository).hashCountTo(saved.header.lastSeq),
  );
  const checkS = since(t1);
  const fromTable = new HashIndex({ save: false });
  const t2 = process.hrtime.bigint();
  await a.app.run(SYSTEM_ACTOR, { transaction: false }, (ctx) => fromTable.refresh(ctx));
  return { fileS, checkS, tableS: since(t2), fileBytes: statSync(file).size, rows: saved.header.rows };
}
