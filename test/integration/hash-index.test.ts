import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomHashBytes, seededRandom } from '#src/engines/prng.ts';
import { HashIndex, HOLE_WATCH_MS } from '#src/modules/media/hash-index.ts';
import { MediaRepository } from '#src/modules/media/media.repository.ts';
import { createCase } from '#src/modules/cases/index.ts';
import { SYSTEM_ACTOR, type Context } from '#src/platform/context.ts';
import { testEnv, type TestEnv } from './harness.ts';

// The installation's fingerprint index against the table it follows: seqs committed out of order,
// the index saved in the data directory and loaded at the next start, and a saved index the table
// no longer matches (or damaged bytes) ignored for the table itself.
let env: TestEnv;
let caseId: string;
const next = seededRandom(77);
const hex = (h: Uint8Array) => Buffer.from(h).toString('hex');

beforeAll(async () => {
  env = await testEnv();
  const local = await env.localActor();
  caseId = await env.run(
    local,
    async (ctx) => (await createCase(ctx, { slug: 'idx', title: 'Index', timeZone: 'UTC' })).id,
  );
});
afterAll(() => env.close());

const system = <T>(fn: (ctx: Context) => Promise<T>) => env.run(SYSTEM_ACTOR, fn, { transaction: false });

/** Stores an item with `n` random frame hashes (one weak); returns its id and the hashes. */
async function storeItem(n: number): Promise<{ id: string; hashes: Uint8Array[] }> {
  const hashes = Array.from({ length: n }, () => randomHashBytes(next));
  const id = await env.run(SYSTEM_ACTOR, async (ctx) => {
    const now = ctx.clock.now();
    const { item } = await ctx.repo(MediaRepository).createItemOnce({
      id: ctx.ids.uuid(),
      case_id: caseId,
      sha256: hex(randomHashBytes(next)),
      size: 1,
      name: 'frames.mp4',
      kind: 'video',
      status: 'processed',
      duration_s: n,
      created_at: now,
      updated_at: now,
    });
    await ctx.repo(MediaRepository).replaceHashes(
      item.id,
      hashes.map((h, t) => ({ variant: 'frame', t, hash: hex(h), quality: t === 0 ? 10 : 100 })),
    );
    return item.id;
  });
  return { id, hashes };
}

/** Inserts one hash row under an explicit seq, as a transaction that took it earlier would commit it. */
async function insertAt(seq: number, itemId: string, hash: Uint8Array): Promise<void> {
  await sql`INSERT INTO media_hash (seq, item_id, variant, t, hash, quality) VALUES (${String(seq)}, ${itemId}, 'frame', 0, ${hex(hash)}, 100)`.execute(
    env.app.database.db,
  );
}

const maxSeq = async () =>
  Number(
    (await sql<{ m: string }>`SELECT max(seq)::text AS m FROM media_hash`.execute(env.app.database.db))
      .rows[0]!.m,
  );

const found = (index: HashIndex, hash: Uint8Array) => index.search(hash, 0).map((m) => `${m.itemId}@${m.t}`);

describe('the fingerprint index', () => {
  it('indexes strong hashes only, with their item and time', async () => {
    const a = await storeItem(5);
    const index = new HashIndex({ save: false });
    await system((ctx) => index.refresh(ctx));
    expect(found(index, a.hashes[3]!)).toEqual([`${a.id}@3`]);
    expect(found(index, a.hashes[0]!)).toEqual([]); // quality 10: kept in the table, not indexed
    expect(index.size).toBe(4);
  });

  it('watches a seq it read past and takes the row when its transaction commits late; gives up after the watch', async () => {
    const a = await storeItem(2);
    const index = new HashIndex({ save: false });
    await system((ctx) => index.refresh(ctx));
    const top = await maxSeq();
    // seq top+2 commits first; top+1 (taken earlier by a slower transaction) commits after the refresh.
    const [early, late, never] = [randomHashBytes(next), randomHashBytes(next), randomHashBytes(next)];
    await insertAt(top + 2, a.id, early);
    await system((ctx) => index.refresh(ctx));
    expect(found(index, early)).toHaveLength(1);
    expect(index.watchedGaps).toBe(1);
    await insertAt(top + 1, a.id, late);
    await system((ctx) => index.refresh(ctx));
    expect(found(index, late)).toHaveLength(1);
    expect(index.watchedGaps).toBe(0);
    // A gap that never fills (a rolled-back transaction) is dropped once the watch is over.
    await insertAt(top + 4, a.id, never);
    const t0 = Date.now();
    await system((ctx) => index.refresh(ctx, () => t0));
    expect(index.watchedGaps).toBe(1);
    await system((ctx) => index.refresh(ctx, () => t0 + HOLE_WATCH_MS + 1));
    expect(index.watchedGaps).toBe(0);
    await sql`SELECT setval('media_hash_seq_seq', ${String(top + 10)})`.execute(env.app.database.db);
  });

  it('is saved in the data directory; the next start loads it and reads only the rows stored since', async () => {
    const before = await storeItem(6);
    const first = new HashIndex({ saveFrom: 1, saveEvery: 1 });
    await system((ctx) => first.refresh(ctx));
    await first.whenSaved();
    const file = path.join(env.config.dataDir, 'index', 'fingerprints.bin');
    expect(existsSync(file)).toBe(true);
    const after = await storeItem(4);

    const started = new HashIndex();
    await system((ctx) => started.refresh(ctx));
    expect(started.source).toBe('file');
    const fromTable = new HashIndex({ save: false });
    await system((ctx) => fromTable.refresh(ctx));
    expect(fromTable.source).toBe('table');
    expect(started.size).toBe(fromTable.size);
    for (const h of [...before.hashes, ...after.hashes]) {
      expect(found(started, h)).toEqual(found(fromTable, h));
      // The same matches (slot numbers aside: the order rows were read in differs).
      const matches = (i: HashIndex) => i.search(h, 40).map(({ id: _slot, ...m }) => m);
      expect(matches(started)).toEqual(matches(fromTable));
    }
    expect(found(started, after.hashes[2]!)).toEqual([`${after.id}@2`]);
  });

  it('ignores a saved index the table no longer matches, or a damaged one, and reads the table', async () => {
    const a = await storeItem(3);
    const saver = new HashIndex({ saveFrom: 1, saveEvery: 1 });
    await system((ctx) => saver.refresh(ctx));
    await saver.whenSaved();
    const file = path.join(env.config.dataDir, 'index', 'fingerprints.bin');

    // Hashes deleted since (an item processed again): the file would still find them.
    await sql`DELETE FROM media_hash WHERE item_id = ${a.id} AND t = 1`.execute(env.app.database.db);
    const afterDelete = new HashIndex({ saveFrom: 1e9 });
    await system((ctx) => afterDelete.refresh(ctx));
    expect(afterDelete.source).toBe('table');
    expect(found(afterDelete, a.hashes[1]!)).toEqual([]);
    expect(found(afterDelete, a.hashes[2]!)).toEqual([`${a.id}@2`]);

    // A file saved now matches again; one byte changed in it is caught.
    const resaved = new HashIndex({ saveFrom: 1, saveEvery: 1 });
    await system((ctx) => resaved.refresh(ctx));
    await resaved.whenSaved();
    const good = new HashIndex({ saveFrom: 1e9 });
    await system((ctx) => good.refresh(ctx));
    expect(good.source).toBe('file');
    const bytes = readFileSync(file);
    bytes[bytes.length - 3]! ^= 0xff;
    writeFileSync(file, bytes);
    const damaged = new HashIndex({ saveFrom: 1e9 });
    await system((ctx) => damaged.refresh(ctx));
    expect(damaged.source).toBe('table');
    expect(damaged.size).toBe(good.size);
    // A header that parses but lacks what the file must say is damaged too, not an error.
    const json = Buffer.from(JSON.stringify({ version: 1 }));
    const head = Buffer.alloc(12);
    head.write('ATHARIX1', 0, 'latin1');
    head.writeUInt32LE(json.length, 8);
    writeFileSync(file, Buffer.concat([head, json]));
    const headerless = new HashIndex({ saveFrom: 1e9 });
    await system((ctx) => headerless.refresh(ctx));
    expect(headerless.source).toBe('table');
    expect(headerless.size).toBe(good.size);
  });
});
