/**
 * Goal 1 of the media benchmark: photos ingested end to end through the HTTP API (each uploaded
 * as the desk and the CLI do, one after the other, then processed by the job workers: metadata,
 * content credentials, fingerprint, thumbnail, hashes stored, matched), while the case's media
 * list is asked for every 100 ms through the same server; then where the time goes, stage by
 * stage, on a sample of the same photos.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { findContentBox } from '#src/engines/fingerprint/border.ts';
import { coarseProbes, PROBE_SIDE, windowHash } from '#src/engines/fingerprint/crop.ts';
import { pdqTransform } from '#src/engines/fingerprint/pdq.ts';
import { HashIndex } from '#src/modules/media/hash-index.ts';
import { findMatches } from '#src/modules/media/matching.ts';
import { MediaRepository } from '#src/modules/media/media.repository.ts';
import { SYSTEM_ACTOR } from '#src/platform/context.ts';
import { readCredentials } from '#src/platform/media/credentials.ts';
import { fingerprintInWorker } from '#src/platform/media/fingerprint-pool.ts';
import { decodeImage } from '#src/platform/media/image-decoder.ts';
import { readMetadata } from '#src/platform/media/metadata.ts';
import { CASE_SLUG, ok, quantile, request, since, type Running } from './athar.ts';

export interface IngestMeasure {
  photos: number;
  /** From the first upload sent to the last item's final write. */
  totalS: number;
  /** From the first upload sent to the last upload answered (stored, job sent). */
  uploadsS: number;
  statuses: Record<string, number>;
  matches: number;
  list: { polls: number; p50: number; p95: number; max: number; errors: number };
  /** Each item's processing as it ran during the ingest (see `timeline`). */
  timeline: Timeline;
}

/** Per processing stage under load: mean work (ms) between stage writes, mean time of the write itself. */
export interface Timeline {
  items: number;
  /** Mean seconds from the upload answered to the first stage written (waiting in the queue). */
  queueS: number;
  /** Mean and p95 seconds from the first stage write to the final one. */
  processingS: number;
  processingP95S: number;
  /** Share of the 2 slots' time (the ingest's wall time × 2) spent processing an item. */
  busyShare: number;
  stages: { stage: string; workMs: number; writeMs: number }[];
}

interface StageWrite {
  id: string;
  stage: string | null;
  status: string | null;
  start: number;
  end: number;
}

const writes: StageWrite[] = [];
let recording = false;

/**
 * Records every write of an item's stage (processing writes one before each stage and a final one),
 * by wrapping the repository method the job calls: athar's code runs unchanged.
 */
function recordStageWrites(): void {
  if ((MediaRepository.prototype as { recorded?: boolean }).recorded) return;
  const update = MediaRepository.prototype.updateItem; // eslint-disable-line @typescript-eslint/unbound-method -- called with its own this below
  Object.assign(MediaRepository.prototype, { recorded: true });
  MediaRepository.prototype.updateItem = async function (this: MediaRepository, id, values) {
    const start = performance.now();
    await update.call(this, id, values);
    if (recording)
      writes.push({
        id,
        stage: values.stage ?? null,
        status: typeof values.status === 'string' ? values.status : null,
        start,
        end: performance.now(),
      });
  };
}

function timeline(createdAt: Map<string, number>, totalS: number): Timeline {
  const byItem = new Map<string, StageWrite[]>();
  for (const w of writes) byItem.set(w.id, [...(byItem.get(w.id) ?? []), w]);
  const work = new Map<string, number[]>();
  const write = new Map<string, number[]>();
  const queue: number[] = [];
  const processing: number[] = [];
  for (const [id, ws] of byItem) {
    ws.sort((x, y) => x.start - y.start);
    const first = ws[0]!;
    const last = ws[ws.length - 1]!;
    if (last.status !== 'processed') continue;
    const created = createdAt.get(id);
    if (created !== undefined) queue.push((first.start - created) / 1000);
    processing.push((last.end - first.start) / 1000);
    ws.forEach((w, k) => {
      const name = w.stage ?? 'final write (matches, item)';
      write.set(name, [...(write.get(name) ?? []), w.end - w.start]);
      const next = ws[k + 1];
      if (next) work.set(name, [...(work.get(name) ?? []), next.start - w.end]);
    });
  }
  const mean = (xs: number[] | undefined) => (xs?.length ? xs.reduce((n, x) => n + x, 0) / xs.length : 0);
  return {
    items: processing.length,
    queueS: mean(queue),
    processingS: mean(processing),
    processingP95S: quantile(processing, 0.95),
    busyShare: processing.reduce((n, x) => n + x, 0) / (JOB_SLOTS * totalS),
    stages: [...write.keys()].map((stage) => ({
      stage,
      workMs: mean(work.get(stage)),
      writeMs: mean(write.get(stage)),
    })),
  };
}

const LIST_EVERY_MS = 100;
/** Items the processing job runs at a time (src/modules/media/jobs.ts, flow.concurrency). */
const JOB_SLOTS = 2;

/** Uploads every file, waits until each is processed (or unreadable, or failed), polling the list meanwhile. */
export async function measureIngest(a: Running, files: readonly string[]): Promise<IngestMeasure> {
  const db = a.app.database.db;
  const listMs: number[] = [];
  let listErrors = 0;
  let polling = true;
  const poller = (async () => {
    while (polling) {
      const t0 = process.hrtime.bigint();
      const r = await request(a.base, a.token, 'GET', `/api/cases/${CASE_SLUG}/media`).catch(() => null);
      if (r && r.status === 200) listMs.push(r.ms);
      else listErrors++;
      const wait = LIST_EVERY_MS - since(t0) * 1000;
      if (wait > 0) await new Promise((ok) => setTimeout(ok, wait));
    }
  })();

  recordStageWrites();
  writes.length = 0;
  recording = true;
  const createdAt = new Map<string, number>();
  const started = Date.now();
  const t0 = process.hrtime.bigint();
  for (const [i, file] of files.entries()) {
    const r = await ok<{ item: { id: string } }>(
      a.base,
      a.token,
      'POST',
      `/api/cases/${CASE_SLUG}/media?name=photo-${i}.jpg`,
      file,
    );
    createdAt.set(r.body.item.id, performance.now());
  }
  const uploadsS = since(t0);
  // Done when no item waits; the end is the last item's final write (its updated_at), so the
  // polling interval adds nothing to the measure.
  for (;;) {
    const waiting = await db
      .selectFrom('media_item')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('case_id', '=', a.caseId)
      .where('status', 'in', ['received', 'processing'])
      .executeTakeFirstOrThrow();
    if (Number(waiting.n) === 0) break;
    await new Promise((ok) => setTimeout(ok, 500));
  }
  polling = false;
  recording = false;
  await poller;
  const rows = await db
    .selectFrom('media_item')
    .select(['status', 'updated_at'])
    .where('case_id', '=', a.caseId)
    .execute();
  const last = Math.max(...rows.map((r) => new Date(r.updated_at).getTime()));
  const statuses: Record<string, number> = {};
  for (const r of rows) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
  const matches = await db
    .selectFrom('media_match')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  const totalS = (last - started) / 1000;
  return {
    photos: files.length,
    totalS,
    uploadsS,
    statuses,
    matches: Number(matches.n),
    list: {
      polls: listMs.length,
      p50: quantile(listMs, 0.5),
      p95: quantile(listMs, 0.95),
      max: Math.max(...listMs),
      errors: listErrors,
    },
    timeline: timeline(createdAt, totalS),
  };
}

/** Mean milliseconds per photo of each stage, measured one photo at a time. */
export type StageProfile = { stage: string; ms: number }[];

const LIMITS = { maxPixels: 100_000_000 };

/**
 * Where an ingest's time goes: each stage of processing timed on its own, one photo at a time on
 * an idle server, with the same library calls as athar's processing job (process.ts and
 * fingerprint-file.ts; the fingerprint's parts are repeated here to time them apart, and also timed
 * whole, in the worker pool, as the job runs it). Matching runs against the installation's index.
 */
export async function profileStages(a: Running, files: readonly string[]): Promise<StageProfile> {
  const sums = new Map<string, number>();
  const time = async <T>(stage: string, fn: () => Promise<T> | T): Promise<T> => {
    const t0 = process.hrtime.bigint();
    const out = await fn();
    sums.set(stage, (sums.get(stage) ?? 0) + since(t0) * 1000);
    return out;
  };
  const index = new HashIndex();
  await a.app.run(SYSTEM_ACTOR, { transaction: false }, (ctx) => index.refresh(ctx));
  // Warm-up: ExifTool's processes, the worker threads, sharp's first call.
  await readMetadata(files[0]!);
  await fingerprintInWorker(files[0]!, LIMITS, { ffmpegTimeoutS: 60 });
  for (const file of files) {
    await time('SHA-256 of the bytes (stored while streaming)', () =>
      createHash('sha256').update(readFileSync(file)).digest('hex'),
    );
    await time('metadata (ExifTool)', () => readMetadata(file));
    await time('content credentials (c2pa-wasm)', () => readCredentials(file, 'image/jpeg'));
    const decoded = await time('· decode to pixels (sharp)', () => decodeImage(file, LIMITS));
    if (decoded.kind !== 'image') continue;
    const pixels = decoded.pixels;
    await time('· PDQ of the picture, and inside borders (JavaScript)', () => {
      pdqTransform(pixels);
      const box = findContentBox(pixels);
      if (box) pdqTransform(pixels, box);
    });
    await time('· crop window and ~720 crop probes (sharp resize + JavaScript)', async () => {
      const { data, info } = await sharp(pixels.data, {
        raw: { width: pixels.width, height: pixels.height, channels: pixels.channels as 3 },
      })
        .resize(PROBE_SIDE, PROBE_SIDE, { fit: 'inside', withoutEnlargement: true })
        .raw()
        .toBuffer({ resolveWithObject: true });
      const small = { width: info.width, height: info.height, channels: info.channels, data };
      windowHash(small);
      coarseProbes(small);
    });
    const fp = await time('fingerprint, whole, in the worker pool (the · rows together)', () =>
      fingerprintInWorker(file, LIMITS, { ffmpegTimeoutS: 60 }),
    );
    await time('thumbnail (sharp: header, decode, resize, JPEG)', async () => {
      await sharp(file).metadata();
      await sharp(file).rotate().resize(320, 320, { fit: 'inside' }).jpeg({ quality: 75 }).toBuffer();
    });
    await time('matching against the installation (index + crop search + reads)', () =>
      a.app.run(SYSTEM_ACTOR, { transaction: false }, (ctx) =>
        findMatches(ctx, index, fp, { self: null, sha256: null }),
      ),
    );
  }
  return [...sums].map(([stage, ms]) => ({ stage, ms: ms / files.length }));
}
