/**
 * Goal 4 of the media benchmark (PostgreSQL only: the embedded database belongs to one process):
 * a picture ingested in one athar process is found by a check in another process on the same
 * database. The other process is a real `athar serve --no-workers` (so it never processes the
 * picture itself); the check it answers is of a re-encoded copy of the picture, so it can only be
 * found through the fingerprint index (the same bytes would be found by their SHA-256 at once).
 * The moment the picture's hashes are committed is watched on a connection of its own.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import sharp from 'sharp';
import { createToken, localActor } from '#src/modules/accounts/index.ts';
import { isWeak, MATCH_DISTANCE } from '#src/engines/fingerprint/compare.ts';
import { hammingDistance } from '#src/engines/fingerprint/pdq.ts';
import { SYSTEM_ACTOR } from '#src/platform/context.ts';
import { fingerprintFile } from '#src/platform/media/fingerprint-file.ts';
import { CASE_SLUG, ok, request, since, type Installation, type Running } from './athar.ts';

const root = path.resolve(import.meta.dirname, '../..');

export interface CrossProcessTrial {
  /** Whether the other process found it within TRIAL_TIMEOUT_S (the times are NaN when not). */
  found: boolean;
  /** From the hashes' commit in the ingesting process to the first check in the other that found the picture. */
  commitToFoundS: number;
  /** From the upload answered (stored, job sent) to that check's answer. */
  uploadToFoundS: number;
  /** How long the finding check took (it started before or after the commit). */
  checkS: number;
  checks: number;
}

export interface CrossProcess {
  trials: CrossProcessTrial[];
  /** The other process's first check: it loads the whole index then (it runs no workers, so no start hook). */
  firstCheckS: number;
  /** Candidate pictures left out, and why: a copy the index cannot find at all would time nothing. */
  skipped: string[];
}

const TRIAL_TIMEOUT_S = 60;

/**
 * The first `count` candidates whose re-encoded copy the index can find at all: both hashes strong
 * (quality ≥ 50; flat pictures are never indexed) and within 31 bits of each other. The copy is the
 * picture 1,000 px wide at JPEG quality 60.
 */
async function usablePictures(
  candidates: readonly string[],
  count: number,
  tmp: string,
): Promise<{ pictures: { file: string; copy: string }[]; skipped: string[] }> {
  const pictures: { file: string; copy: string }[] = [];
  const skipped: string[] = [];
  for (const file of candidates) {
    if (pictures.length === count) break;
    const copy = path.join(tmp, `copy-${path.basename(file)}`);
    await sharp(file).resize({ width: 1000 }).jpeg({ quality: 60 }).toFile(copy);
    const [p, q] = await Promise.all(
      [file, copy].map((f) => fingerprintFile(f, { maxPixels: 100_000_000 }, { ffmpegTimeoutS: 60 })),
    );
    if (p?.kind !== 'image' || q?.kind !== 'image') continue;
    const d = hammingDistance(p.pdq.hash, q.pdq.hash);
    if (isWeak(p.pdq.quality) || isWeak(q.pdq.quality))
      skipped.push(`${path.basename(file)}: flat, PDQ quality ${p.pdq.quality}`);
    else if (d > MATCH_DISTANCE) skipped.push(`${path.basename(file)}: its copy's hash is ${d} bits away`);
    else pictures.push({ file, copy });
  }
  return { pictures, skipped };
}

/** Starts `athar serve --no-workers` on the installation's database; its base URL. */
async function serveAnother(
  inst: Installation,
  dataDir: string,
): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(
    process.execPath,
    [path.join(root, 'bin/athar.js'), 'serve', '--port', '0', '--no-workers'],
    { env: { ...process.env, ...inst.env, ATHAR_DATA_DIR: dataDir }, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let err = '';
  const base = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`athar serve did not start in 60 s: ${err}`)), 60_000);
    child.stderr.on('data', (c: Buffer) => {
      err += c.toString();
      const m = /serving (http:\/\/\S+) /.exec(err);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.on('exit', (code) => reject(new Error(`athar serve exited ${code}: ${err}`)));
  });
  return { child, base };
}

/** Runs `count` pictures (chosen among candidates not stored yet) through the two processes. */
export async function measureCrossProcess(
  inst: Installation,
  a: Running,
  candidates: readonly string[],
  count: number,
): Promise<CrossProcess> {
  const actor = await a.app.run(SYSTEM_ACTOR, { transaction: false }, (ctx) => localActor(ctx, null));
  const { secret } = await a.app.run(actor, { transaction: true }, (ctx) =>
    createToken(ctx, { name: 'media benchmark, the other process' }),
  );
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'athar-bench-media-other-'));
  const other = await serveAnother(inst, path.join(tmp, 'data'));
  const watcher = new pg.Client({ connectionString: inst.databaseUrl! });
  await watcher.connect();
  try {
    const checkPath = `/api/cases/${CASE_SLUG}/media/check?name=copy.jpg`;
    const { pictures, skipped } = await usablePictures(candidates, count, tmp);
    const t0 = process.hrtime.bigint();
    await ok(other.base, secret, 'POST', checkPath, candidates[0]);
    const firstCheckS = since(t0);
    const trials: CrossProcessTrial[] = [];
    for (const [n, { file, copy }] of pictures.entries()) {
      const sha = createHash('sha256').update(readFileSync(file)).digest('hex');
      let committedAt: bigint | null = null;
      let watching = true;
      const watch = (async () => {
        while (watching && committedAt === null) {
          const r = await watcher.query(
            'SELECT 1 FROM media_hash h JOIN media_item i ON i.id = h.item_id WHERE i.sha256 = $1 LIMIT 1',
            [sha],
          );
          if (r.rowCount) committedAt = process.hrtime.bigint();
          else await new Promise((ok) => setTimeout(ok, 10));
        }
      })();
      let itemId: string | null = null;
      let foundAt: bigint | null = null;
      let checkS = 0;
      let checks = 0;
      const poll = (async () => {
        const deadline = Date.now() + TRIAL_TIMEOUT_S * 1000;
        while (foundAt === null && Date.now() < deadline) {
          const start = process.hrtime.bigint();
          const r = await request<{ matches: { itemId: string; how: string }[] }>(
            other.base,
            secret,
            'POST',
            checkPath,
            copy,
          );
          checks++;
          if (r.status !== 200) throw new Error(`check in the other process: HTTP ${r.status}`);
          if (itemId && r.body.matches.some((m) => m.itemId === itemId && m.how === 'image')) {
            foundAt = process.hrtime.bigint();
            checkS = Number(foundAt - start) / 1e9;
          }
        }
      })();
      const up = await ok<{ item: { id: string } }>(
        a.base,
        a.token,
        'POST',
        `/api/cases/${CASE_SLUG}/media?name=fresh-${n}.jpg`,
        file,
      );
      const uploadedAt = process.hrtime.bigint();
      itemId = up.body.item.id;
      await poll;
      watching = false;
      await watch;
      if (foundAt === null || committedAt === null) {
        trials.push({ found: false, commitToFoundS: NaN, uploadToFoundS: NaN, checkS: NaN, checks });
        continue;
      }
      trials.push({
        found: true,
        commitToFoundS: Number((foundAt as bigint) - (committedAt as bigint)) / 1e9,
        uploadToFoundS: Number((foundAt as bigint) - uploadedAt) / 1e9,
        checkS,
        checks,
      });
    }
    return { trials, firstCheckS, skipped };
  } finally {
    await watcher.end();
    other.child.kill('SIGTERM');
    await new Promise((r) => other.child.once('exit', r));
    rmSync(tmp, { recursive: true, force: true });
  }
}
