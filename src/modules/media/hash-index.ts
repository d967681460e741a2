/**
 * The installation's fingerprint index, one per process: every stored hash (of every case) in the
 * engine's multi-index table, loaded from `media_hash` at the first search and brought up to date
 * before each search by reading the rows added since (`seq` > the last one seen). A hash stored by
 * another process (several athar processes on one PostgreSQL) is therefore found by the next check
 * anywhere, not after a polling interval. Weak hashes (quality < 50: flat or dark pictures) are
 * kept in the table but never indexed: they would match anything flat.
 */
import { isWeak } from '#src/engines/fingerprint/compare.ts';
import { MihIndex } from '#src/engines/fingerprint/mih-index.ts';
import { fromHex } from '#src/engines/fingerprint/pdq.ts';
import type { HammingMatch } from '#src/engines/fingerprint/brute-force.ts';
import type { Context } from '#src/platform/context.ts';
import { MediaRepository } from './media.repository.ts';

export interface IndexedHash {
  itemId: string;
  variant: string;
  t: number | null;
}

const BATCH = 20_000;

export class HashIndex {
  private readonly index = MihIndex.empty();
  private readonly slots: IndexedHash[] = [];
  /** Pictures' central windows (variant 'window'), apart: only crop probes search them. */
  private readonly windows = MihIndex.empty();
  private readonly windowSlots: IndexedHash[] = [];
  private lastSeq = '0';
  private refreshing: Promise<void> | null = null;

  get size(): number {
    return this.index.size + this.windows.size;
  }

  /** Reads the hashes stored since the last refresh (by any process) into the index. */
  async refresh(ctx: Context): Promise<void> {
    // One refresh at a time per process; a search arriving meanwhile waits for it.
    while (this.refreshing) await this.refreshing;
    const run = (async () => {
      const repo = ctx.repo(MediaRepository);
      for (;;) {
        const rows = await repo.hashesAfter(this.lastSeq, BATCH);
        for (const r of rows) {
          this.lastSeq = r.seq;
          if (isWeak(r.quality)) continue;
          const [index, slots] =
            r.variant === 'window' ? [this.windows, this.windowSlots] : [this.index, this.slots];
          const slot = slots.length;
          slots.push({ itemId: r.item_id, variant: r.variant, t: r.t });
          index.add(slot, fromHex(r.hash));
        }
        if (rows.length < BATCH) break;
      }
    })();
    this.refreshing = run;
    try {
      await run;
    } finally {
      this.refreshing = null;
    }
  }

  /** Every indexed hash within `radius` bits of `hash`, nearest first (windows apart). */
  search(hash: Uint8Array, radius: number): (HammingMatch & IndexedHash)[] {
    return this.index.search(hash, radius).map((m) => ({ ...m, ...this.slots[m.id]! }));
  }

  /** Every indexed picture window within `radius` bits of `hash` (the crop search). */
  searchWindows(hash: Uint8Array, radius: number): (HammingMatch & IndexedHash)[] {
    return this.windows.search(hash, radius).map((m) => ({ ...m, ...this.windowSlots[m.id]! }));
  }
}
