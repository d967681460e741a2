/**
 * Processing a stored item, as a background job: metadata (ExifTool), fingerprint (PDQ for a
 * picture with its trimmed hash; a hash per second for a video), a thumbnail (a working copy),
 * then matching against every stored fingerprint. Each stage is written to the item (stage and
 * percent) so the API and the CLI can show progress. A file that cannot be decoded is still kept —
 * evidence is never thrown away — with status `unreadable` and the reason; an unexpected error is
 * thrown, so the job is retried with backoff and, after the last try, the item is marked `failed`.
 */
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import type { MediaFingerprint } from '#src/engines/fingerprint/compare.ts';
import type { Context } from '#src/platform/context.ts';
import { isAppError } from '#src/platform/errors.ts';
import {
  describeContainer,
  probeVideo,
  resolveBinaries,
  sampleFrames,
  type ContainerFacts,
} from '#src/platform/media/ffmpeg.ts';
import { fingerprintInWorker } from '#src/platform/media/fingerprint-pool.ts';
import { NO_CREDENTIALS, readCredentials } from '#src/platform/media/credentials.ts';
import { readMetadata, type FileMetadata } from '#src/platform/media/metadata.ts';
import { sniffFile } from '#src/platform/media/media-sniffer.ts';
import type { HashIndex } from './hash-index.ts';
import { findMatches, hashRows, type FoundMatch } from './matching.ts';
import { makeKeyframes, makeRendition } from './working-copies.ts';
import { MediaRepository, type MediaItemRow } from './media.repository.ts';

const THUMB_SIDE = 320;

async function stage(ctx: Context, id: string, name: string, progress: number): Promise<void> {
  await ctx.transaction((tx) =>
    tx
      .repo(MediaRepository)
      .updateItem(id, { status: 'processing', stage: name, progress, updated_at: tx.clock.now() }),
  );
}

/** The reason a media tool gave, without the stored file's name (its hash). */
function reasonOf(e: unknown): string {
  if (isAppError(e)) {
    const d = e.details as { reason?: string } | undefined;
    return d?.reason ?? e.message;
  }
  return e instanceof Error ? e.message : String(e);
}

export async function processItem(ctx: Context, index: HashIndex, itemId: string): Promise<string> {
  const repo = ctx.repo(MediaRepository);
  const item = await repo.item(itemId);
  if (!item) return 'gone';
  if (item.status === 'processed' || item.status === 'unreadable') return 'already';
  const file = ctx.blobs.pathOf(item.sha256);

  await stage(ctx, itemId, 'metadata', 10);
  const kind = await sniffFile(file).catch(() => 'unknown' as const);
  let metadata: (FileMetadata | { error: string }) & { container?: ContainerFacts | { error: string } };
  try {
    metadata = await readMetadata(file);
  } catch (e) {
    metadata = { error: `ExifTool could not read the file: ${reasonOf(e)}` };
  }
  if (kind === 'video') {
    // ffprobe's reading of the container (streams, encoder, creation time) beside ExifTool's tags.
    metadata.container = await describeContainer(file, {
      timeoutS: ctx.config.ffmpegTimeoutS,
      binaries: resolveBinaries({ ffmpegPath: ctx.config.ffmpegPath, ffprobePath: ctx.config.ffprobePath }),
    }).catch((e: unknown) => {
      if (!isAppError(e)) throw e;
      return { error: `ffprobe could not read the container: ${reasonOf(e)}` };
    });
  }

  await stage(ctx, itemId, 'credentials', 25);
  const mime =
    ('summary' in metadata ? metadata.summary.mime : null) ?? (kind === 'video' ? 'video/mp4' : 'image/jpeg');
  const credentials = await readCredentials(file, mime).catch((e: unknown) => ({
    ...NO_CREDENTIALS,
    state: 'unreadable' as const,
    error: reasonOf(e),
  }));

  await stage(ctx, itemId, 'fingerprint', 35);
  let fp: MediaFingerprint;
  try {
    if (kind === 'unknown') throw new Error('not a picture or a video athar can read');
    fp = await fingerprintInWorker(
      file,
      { maxPixels: ctx.config.maxImagePixels },
      {
        ffmpegTimeoutS: ctx.config.ffmpegTimeoutS,
        ffmpegPath: ctx.config.ffmpegPath,
        ffprobePath: ctx.config.ffprobePath,
      },
    );
  } catch (e) {
    if (!(isAppError(e) || kind === 'unknown')) throw e;
    await ctx.transaction((tx) =>
      tx.repo(MediaRepository).updateItem(itemId, {
        kind,
        status: 'unreadable',
        status_reason: reasonOf(e),
        stage: null,
        progress: 100,
        metadata: JSON.stringify(metadata),
        credentials: JSON.stringify(credentials),
        updated_at: tx.clock.now(),
      }),
    );
    return 'unreadable';
  }

  await stage(ctx, itemId, 'thumbnail', 65);
  const size = await thumbnail(ctx, item, file, fp.kind).catch((e: unknown) => {
    ctx.log.warn({ item: itemId, reason: reasonOf(e) }, 'no thumbnail');
    return null;
  });

  if (fp.kind === 'video') {
    // Working copies a person looks at: a strip of keyframes, and a rendition a browser plays
    // when the original is in a format it does not. Neither is evidence; losing one loses nothing.
    await stage(ctx, itemId, 'keyframes', 70);
    await makeKeyframes(ctx, item.sha256, file, fp.durationS).catch((e: unknown) => {
      ctx.log.warn({ item: itemId, reason: reasonOf(e) }, 'no keyframes');
    });
    await stage(ctx, itemId, 'rendition', 74);
    await makeRendition(ctx, item.sha256, file, metadata.container).catch((e: unknown) => {
      ctx.log.warn({ item: itemId, reason: reasonOf(e) }, 'no web rendition');
    });
  }

  await stage(ctx, itemId, 'matching', 80);
  const rows = hashRows(fp);
  // The hashes are stored before matching, so that a check in another process can find this item
  // while its own matches are computed.
  await ctx.transaction((tx) => tx.repo(MediaRepository).replaceHashes(itemId, rows));
  const matches = await findMatches(ctx, index, fp, { self: itemId, sha256: item.sha256 });
  const others = new Map((await repo.items(matches.map((m) => m.itemId))).map((o) => [o.id, o] as const));
  await ctx.transaction(async (tx) => {
    const r = tx.repo(MediaRepository);
    for (const m of matches) {
      await r.upsertMatch(matchRow(itemId, m));
      // A copy in another case: its administrators are told of it, and of nothing else.
      const other = others.get(m.itemId);
      if (other && other.case_id !== item.case_id)
        await r.notify({
          id: tx.ids.uuid(),
          case_id: other.case_id,
          item_id: other.id,
          match_key: createHash('sha256')
            .update(`${[itemId, other.id].sort().join(':')}`)
            .digest('hex'),
          how: m.how,
          distance: m.distance,
          status: m.status,
          created_at: tx.clock.now(),
        });
    }
    await r.updateItem(itemId, {
      kind: fp.kind,
      status: 'processed',
      status_reason: null,
      stage: null,
      progress: 100,
      metadata: JSON.stringify(metadata),
      credentials: JSON.stringify(credentials),
      duration_s: fp.kind === 'video' ? fp.durationS : null,
      width: size?.width ?? null,
      height: size?.height ?? null,
      has_thumbnail: size !== null,
      updated_at: tx.clock.now(),
    });
  });
  return 'done';
}

export function matchRow(itemId: string, m: FoundMatch) {
  const [a, b] = itemId < m.itemId ? [itemId, m.itemId] : [m.itemId, itemId];
  return {
    item_a: a,
    item_b: b,
    how: m.how,
    distance: m.distance,
    detail: JSON.stringify({ variant: m.variant, queryMatch: m.queryMatch, ranges: m.ranges, query: itemId }),
    status: m.status,
    decided_by: null,
    decided_at: null,
  };
}

/** A JPEG of at most 320 px a side; its original's size. */
async function thumbnail(
  ctx: Context,
  item: MediaItemRow,
  file: string,
  kind: 'image' | 'video',
): Promise<{ width: number; height: number } | null> {
  if (kind === 'image') {
    const img = sharp(file, { limitInputPixels: ctx.config.maxImagePixels, animated: false }).rotate();
    const meta = await sharp(file, { limitInputPixels: ctx.config.maxImagePixels }).metadata();
    const jpeg = await img.resize(THUMB_SIDE, THUMB_SIDE, { fit: 'inside' }).jpeg({ quality: 75 }).toBuffer();
    await ctx.blobs.putDerived(item.sha256, 'thumb.jpg', jpeg);
    const turned = (meta.orientation ?? 1) >= 5;
    return meta.width && meta.height
      ? { width: turned ? meta.height : meta.width, height: turned ? meta.width : meta.height }
      : null;
  }
  const run = {
    timeoutS: ctx.config.ffmpegTimeoutS,
    binaries: resolveBinaries({ ffmpegPath: ctx.config.ffmpegPath, ffprobePath: ctx.config.ffprobePath }),
  };
  const probe = await probeVideo(file, run);
  for await (const { pixels } of sampleFrames(file, probe, { ...run, maxSide: THUMB_SIDE, fps: 1 })) {
    const jpeg = await sharp(Buffer.from(pixels.data), {
      raw: { width: pixels.width, height: pixels.height, channels: pixels.channels },
    })
      .jpeg({ quality: 75 })
      .toBuffer();
    await ctx.blobs.putDerived(item.sha256, 'thumb.jpg', jpeg);
    break;
  }
  const quarter = probe.rotation === 90 || probe.rotation === 270;
  return { width: quarter ? probe.height : probe.width, height: quarter ? probe.width : probe.height };
}
