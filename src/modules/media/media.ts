/**
 * Reading media: the case's list, one item with its captures, metadata, matches, first seen and
 * signals, the original (a custody event), and reviewers' decisions on matches.
 */
import { createReadStream, type ReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { MatchedRange } from '#src/engines/fingerprint/video-match.ts';
import { requirePlace } from '#src/modules/casefile/index.ts';
import { caseIdsOf, findCase, roleOf } from '#src/modules/cases/index.ts';
import type { CaseScope } from '#src/platform/access.ts';
import type { Context } from '#src/platform/context.ts';
import { invalid, notFound } from '#src/platform/errors.ts';
import { cursorCodec, pageSize, presentPage, type PageRequest } from '#src/platform/pagination.ts';
import type { ContentCredentials } from '#src/platform/media/credentials.ts';
import { digitalSourceKind, type FileMetadata } from '#src/platform/media/metadata.ts';
import {
  MediaRepository,
  type MediaCaptureRow,
  type MediaItemRow,
  type MediaMatchRow,
  type WebCaptureRow,
} from './media.repository.ts';
import type { MediaStatus } from './media.tables.ts';
import { presentCapture, presentItem } from './present.ts';
import { presentWebCapture } from './capture-url.ts';
import { sourceOfflineSignals } from './url-check.ts';
import { hasRendition, KEYFRAMES_JPEG, readKeyframes, RENDITION } from './working-copies.ts';
import type {
  FirstSeen,
  Match,
  MediaDetail,
  MediaItem,
  MediaNoticeList,
  Signal,
  UpdateMediaBody,
} from './schemas.ts';

const mediaCursor = cursorCodec('media', ['instant', 'uuid']);

export async function listMedia(
  ctx: Context,
  scope: CaseScope,
  page: PageRequest & { status?: MediaStatus | undefined; kind?: string | undefined },
): Promise<{ items: MediaItem[]; nextCursor: string | null }> {
  const rows = await ctx.repo(MediaRepository).page(scope.case.id, {
    limit: pageSize(page),
    ...(page.cursor ? { after: mediaCursor.decode(page.cursor) } : {}),
    ...(page.status ? { status: page.status } : {}),
    ...(page.kind ? { kind: page.kind } : {}),
  });
  return presentPage(rows, mediaCursor, (r) => [r.created_at, r.id], presentItem);
}

export async function requireItem(ctx: Context, scope: CaseScope, id: string): Promise<MediaItemRow> {
  const item = await ctx.repo(MediaRepository).item(id);
  if (!item || item.case_id !== scope.case.id)
    throw notFound('media.not_found', `no media item ${id} in this case`);
  return item;
}

/** What matching stored beside a match (matching.ts, `matchRow`). */
interface StoredDetail {
  variant?: string | null;
  queryMatch?: number | null;
  ranges?: MatchedRange[];
  /** The item that was the query when the match was found. */
  query?: string;
}

interface DetailMatch {
  row: MediaMatchRow;
  other: MediaItemRow;
}

/** The confirmed copies of `start` (transitively): its cluster, start included. */
async function cluster(ctx: Context, start: MediaItemRow): Promise<MediaItemRow[]> {
  const repo = ctx.repo(MediaRepository);
  const seen = new Map<string, MediaItemRow>([[start.id, start]]);
  let frontier = [start.id];
  while (frontier.length > 0 && seen.size < 1000) {
    const next: string[] = [];
    for (const m of await repo.matchesOf(frontier)) {
      if (m.status !== 'confirmed') continue;
      for (const id of [m.item_a, m.item_b]) if (!seen.has(id)) next.push(id);
    }
    const found = await repo.items([...new Set(next)]);
    for (const r of found) seen.set(r.id, r);
    frontier = found.map((r) => r.id);
  }
  return [...seen.values()];
}

/** The earliest time among the captures of these items: observed (captured) or claimed (posted). */
export function earliest(captures: MediaCaptureRow[]): FirstSeen | null {
  let best: FirstSeen | null = null;
  for (const c of captures) {
    for (const [at, observed] of [
      [c.captured_at, true],
      [c.posted_at, false],
    ] as const) {
      if (!at) continue;
      if (
        !best ||
        at.getTime() < Date.parse(best.at) ||
        (at.getTime() === Date.parse(best.at) && observed && !best.observed)
      )
        best = { at: at.toISOString(), itemId: c.item_id, observed };
    }
  }
  return best;
}

export async function showMedia(ctx: Context, scope: CaseScope, id: string): Promise<MediaDetail> {
  const repo = ctx.repo(MediaRepository);
  const item = await requireItem(ctx, scope, id);
  const visible = new Set(await caseIdsOf(ctx, ctx.actor.userId));
  visible.add(scope.case.id);

  const matchRows = await repo.matchesOf([item.id]);
  const others = new Map(
    (await repo.items(matchRows.map((m) => (m.item_a === item.id ? m.item_b : m.item_a)))).map((r) => [
      r.id,
      r,
    ]),
  );
  const detailMatches: DetailMatch[] = [];
  for (const row of matchRows) {
    const other = others.get(row.item_a === item.id ? row.item_b : row.item_a);
    if (other) detailMatches.push({ row, other });
  }
  // Only what the reader may see counts towards first seen; a copy in a case they may not see is
  // reported as such, with nothing about it.
  const copies = (await cluster(ctx, item)).filter((r) => visible.has(r.case_id));
  const captures = await repo.captures([
    ...new Set([item.id, ...copies.map((c) => c.id), ...[...others.values()].map((o) => o.id)]),
  ]);
  const capturesOf = (itemId: string) => captures.filter((c) => c.item_id === itemId);
  const firstSeen = earliest(captures.filter((c) => copies.some((k) => k.id === c.item_id)));

  const matches: Match[] = [];
  let restricted = 0;
  for (const { row, other } of detailMatches.sort((a, b) => (a.row.distance ?? 0) - (b.row.distance ?? 0))) {
    if (!visible.has(other.case_id)) {
      if (row.status !== 'rejected') restricted++;
      continue;
    }
    const d = (row.detail ?? {}) as StoredDetail;
    // Ranges were computed with the newer item as the query; seen from the other side they swap.
    const flip = d.query !== undefined && d.query !== item.id;
    const ranges = (d.ranges ?? []).map((r) =>
      flip
        ? {
            queryStart: r.targetStart,
            queryEnd: r.targetEnd,
            targetStart: r.queryStart,
            targetEnd: r.queryEnd,
          }
        : r,
    );
    const c0 = capturesOf(other.id)[0];
    matches.push({
      itemId: other.id,
      caseId: other.case_id,
      how: row.how,
      distance: row.distance,
      variant: d.variant ?? null,
      queryMatch: flip ? null : (d.queryMatch ?? null),
      ranges,
      status: row.status,
      decidedBy: row.decided_by,
      capturedAt: c0?.captured_at.toISOString() ?? null,
      postedAt:
        capturesOf(other.id)
          .find((c) => c.posted_at)
          ?.posted_at?.toISOString() ?? null,
      platform: c0?.platform ?? null,
      account: c0?.account ?? null,
    });
  }
  if (restricted > 0)
    matches.push({
      restricted: true,
      note: `also known in a restricted case (${restricted === 1 ? 'one copy' : `${restricted} copies`}); ask that case's administrators`,
    });

  const signals = signalsFor(item, scope, firstSeen, matches, captures);
  const webCaptures = await repo.webCapturesOf(item.id);
  const urls = webCaptures.map((w) => w.final_url);
  signals.push(...sourceOfflineSignals(urls, await repo.urlChecks(urls)));
  return {
    ...presentItem(item),
    captures: capturesOf(item.id).map(presentCapture),
    webCaptures: webCaptures.map(presentWebCapture),
    metadata: item.metadata ?? null,
    credentials: (item.credentials ?? null) as MediaDetail['credentials'],
    signals,
    firstSeen,
    matches,
    keyframes: item.kind === 'video' ? await readKeyframes(ctx, item.sha256) : null,
    hasRendition: item.kind === 'video' && hasRendition(ctx, item.sha256),
  };
}

/** "Appeared before the event": first seen earlier than the case's event start. */
export function beforeEventSignal(firstSeen: FirstSeen | null, eventStart: Date | null): Signal | null {
  if (!firstSeen || !eventStart || Date.parse(firstSeen.at) >= eventStart.getTime()) return null;
  return {
    code: 'appeared_before_event',
    source: firstSeen.observed
      ? `capture of item ${firstSeen.itemId}`
      : `posting time claimed for item ${firstSeen.itemId}`,
    detail: `first seen ${firstSeen.at}${firstSeen.observed ? ' (observed by athar)' : ' (claimed by a source; can be forged)'}, before the case's event start ${eventStart.toISOString()}`,
  };
}

/** Signals: evidence for a person to weigh, each with what it rests on; never a verdict. */
function signalsFor(
  item: MediaItemRow,
  scope: CaseScope,
  firstSeen: FirstSeen | null,
  matches: Match[],
  captures: MediaCaptureRow[],
): Signal[] {
  const out: Signal[] = [];
  const before = beforeEventSignal(firstSeen, scope.case.event_start);
  if (before) out.push(before);
  // Both sides are timed alike (captured, or posted as claimed): an original posted earlier than its
  // copy is not a copy of the copy just because athar captured the copy first.
  const mine = captures
    .filter((c) => c.item_id === item.id)
    .flatMap((c) => [c.captured_at, c.posted_at ?? c.captured_at].map((d) => d.getTime()));
  const myFirst = mine.length > 0 ? Math.min(...mine) : Infinity;
  for (const m of matches) {
    if ('restricted' in m || m.status === 'rejected' || m.how === 'sha256') continue;
    const theirs = captures
      .filter((c) => c.item_id === m.itemId)
      .flatMap((c) => [c.captured_at, c.posted_at ?? c.captured_at].map((d) => d.getTime()));
    if (theirs.length > 0 && Math.min(...theirs) < myFirst)
      out.push({
        code: 'copy_of_earlier',
        source: `${m.status} match with item ${m.itemId}`,
        detail: `${m.how === 'video' ? 'video' : 'picture'} within ${m.distance} bits of an earlier item${m.variant ? ` (${m.variant})` : ''}: a re-encoded, cropped or edited copy`,
      });
  }
  const cred = item.credentials as ContentCredentials | null;
  if (cred?.ai)
    out.push({
      code: cred.ai === 'trained' ? 'ai_generated' : 'algorithmic',
      source: `content credentials (C2PA), ${cred.state === 'valid' ? 'valid' : cred.state} manifest signed by ${cred.signer?.issuer ?? 'an unknown signer'}`,
      detail:
        cred.ai === 'trained'
          ? `made or edited with a trained model (digitalSourceType ${cred.digitalSourceTypes.join(', ')})`
          : `made by an algorithm, not a trained model (digitalSourceType ${cred.digitalSourceTypes.join(', ')})`,
    });
  // An untrusted signer alone (no trust list is configured) is not a failure of the manifest.
  const failures = (cred?.codes ?? []).filter((c) => !/\.untrusted$/.test(c));
  if (cred?.state === 'invalid')
    out.push({
      code: 'credentials_invalid',
      source: 'content credentials (C2PA)',
      detail: `the manifest does not validate: ${failures.join(', ') || cred.codes.join(', ')} (the file changed after signing, or the manifest is broken)`,
    });
  const meta = item.metadata as (FileMetadata & { error?: string }) | null;
  if (meta && !meta.error && meta.summary) {
    const dst = cred?.ai ? null : digitalSourceKind(meta.summary.digitalSourceType);
    if (dst === 'trained' || dst === 'composite-trained')
      out.push({
        code: 'ai_generated',
        source: 'XMP/IPTC DigitalSourceType',
        detail: `the file says it was ${dst === 'trained' ? 'made' : 'composited'} with a trained model (${meta.summary.digitalSourceType}); metadata can be added or removed by anyone`,
      });
    if (dst === 'algorithmic')
      out.push({
        code: 'algorithmic',
        source: 'XMP/IPTC DigitalSourceType',
        detail: `the file says it was made by an algorithm, not a trained model (${meta.summary.digitalSourceType})`,
      });
    if (item.kind === 'image' && !meta.summary.hasDescriptiveMetadata)
      out.push({
        code: 'metadata_stripped',
        source: 'ExifTool',
        detail:
          'no EXIF, XMP or IPTC metadata: removed (platforms strip it on upload) or never written; not a sign of inauthenticity',
      });
  }
  if (item.status === 'unreadable')
    out.push({ code: 'unreadable', source: 'decoder', detail: item.status_reason ?? 'could not be decoded' });
  return out;
}

/** A byte range asked for with `Range: bytes=…` (one range; anything else is read whole). */
export type ByteRange = { start: number; end: number } | 'unsatisfiable' | null;

/** Reads a Range header against a size: the one range it asks, or null to send it all. */
export function parseRange(header: string | undefined, size: number): ByteRange {
  const m = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!m || (m[1] === '' && m[2] === '')) return null;
  let start: number;
  let end: number;
  if (m[1] === '') {
    // The last N bytes.
    start = Math.max(0, size - Number(m[2]));
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start >= size || start > end)
    return 'unsatisfiable';
  return { start, end };
}

/**
 * Opens an original for viewing or download: a custody event on the audit trail (who, which
 * bytes, why), recorded in the same transaction that hands out the file. Every read is recorded,
 * a player's range reads too (with the bytes read): the first byte of a file is the same for
 * every file of its kind, so a read that skips it still hands out the file, and none may go
 * unrecorded. A seeking player makes a few events per viewing.
 */
export async function openOriginal(
  ctx: Context,
  scope: CaseScope,
  id: string,
  purpose: 'view' | 'download',
  rangeHeader?: string,
): Promise<{ item: MediaItemRow; stream: ReadStream | null; range: ByteRange }> {
  const item = await requireItem(ctx, scope, id);
  if (!(await ctx.blobs.has(item.sha256)))
    throw notFound(
      'media.original_missing',
      `the original of ${id} is missing from the blob store; run athar blobs verify`,
    );
  const range = parseRange(rangeHeader, Number(item.size));
  if (range === 'unsatisfiable') return { item, stream: null, range };
  ctx.audit({
    action: purpose === 'view' ? 'media.original_viewed' : 'media.original_downloaded',
    entityType: 'media_item',
    entityId: item.id,
    caseId: scope.case.id,
    after: {
      id: item.id,
      sha256: item.sha256,
      name: item.name,
      ...(range ? { bytes: `${range.start}-${range.end}` } : {}),
    },
  });
  const file = ctx.blobs.pathOf(item.sha256);
  return { item, stream: range ? createReadStream(file, range) : createReadStream(file), range };
}

/**
 * Sets an item's sensitivity flags (graphic violence, an identifiable person, deleted by its
 * source — the desk blurs and warns accordingly) and the place of the case it was taken at.
 */
export async function updateMedia(
  ctx: Context,
  scope: CaseScope,
  id: string,
  input: UpdateMediaBody,
): Promise<MediaDetail> {
  const item = await requireItem(ctx, scope, id);
  if (input.placeId) await requirePlace(ctx, scope.case.id, input.placeId, '/placeId');
  const values = {
    ...(input.sensitivity ? { sensitivity: [...input.sensitivity].sort() } : {}),
    ...(input.placeId !== undefined ? { place_id: input.placeId } : {}),
    updated_at: ctx.clock.now(),
  };
  const repo = ctx.repo(MediaRepository);
  await repo.updateItem(item.id, values);
  const after = await repo.item(item.id);
  ctx.audit({
    action: 'media.updated',
    entityType: 'media_item',
    entityId: item.id,
    caseId: scope.case.id,
    before: presentItem(item),
    after: presentItem(after!),
  });
  return showMedia(ctx, scope, item.id);
}

/**
 * What this case's administrators are told of copies of their items stored in cases they cannot
 * see: which item, how close, when — nothing of the other case.
 */
export async function listNotices(ctx: Context, scope: CaseScope): Promise<MediaNoticeList> {
  const rows = await ctx.repo(MediaRepository).notices(scope.case.id, 500);
  return {
    notices: rows.map((r) => ({
      id: r.id,
      itemId: r.item_id,
      itemName: r.item_name,
      how: r.how,
      distance: r.distance,
      status: r.status,
      at: r.created_at.toISOString(),
      note: 'a copy of this item was stored in another case; nothing of that case is shown here, and nothing of this one there; to work together, ask the installation administrators',
    })),
  };
}

/** Every capture and URL capture recorded in [from, to), in order (a day's trusted-time manifest). */
export async function capturesBetween(ctx: Context, from: Date, to: Date) {
  const repo = ctx.repo(MediaRepository);
  return {
    captures: await repo.capturesBetween(from, to),
    webCaptures: await repo.webCapturesBetween(from, to),
  };
}

/** Whether an item of this id belongs to the case (claims' evidence points at media items). */
export async function mediaItemInCase(ctx: Context, caseId: string, id: string): Promise<boolean> {
  const item = await ctx.repo(MediaRepository).item(id);
  return item?.case_id === caseId;
}

/** A URL capture's WARC, handed out as a custody event. */
export async function openWarc(
  ctx: Context,
  scope: CaseScope,
  id: string,
): Promise<{ capture: WebCaptureRow; stream: ReadStream }> {
  const capture = await ctx.repo(MediaRepository).webCapture(id);
  if (!capture || capture.case_id !== scope.case.id)
    throw notFound('media.capture_not_found', `no URL capture ${id} in this case`);
  if (!(await ctx.blobs.has(capture.warc_sha256)))
    throw notFound(
      'media.original_missing',
      `the WARC of ${id} is missing from the blob store; run athar blobs verify`,
    );
  ctx.audit({
    action: 'media.warc_downloaded',
    entityType: 'web_capture',
    entityId: capture.id,
    caseId: scope.case.id,
    after: { id: capture.id, url: capture.final_url, warcSha256: capture.warc_sha256 },
  });
  return { capture, stream: ctx.blobs.read(capture.warc_sha256) };
}

export async function decideMatch(
  ctx: Context,
  scope: CaseScope,
  id: string,
  otherId: string,
  decision: 'confirmed' | 'rejected',
): Promise<MediaDetail> {
  const item = await requireItem(ctx, scope, id);
  const repo = ctx.repo(MediaRepository);
  const before = await repo.match(item.id, otherId);
  if (!before) throw notFound('media.match_not_found', `item ${id} has no match with ${otherId}`);
  const other = await repo.item(otherId);
  const visible = new Set(await caseIdsOf(ctx, ctx.actor.userId));
  if (!other || !visible.has(other.case_id))
    throw invalid(
      'media.match_restricted',
      'that match is in a case you may not see; its administrators decide it',
    );
  await repo.decideMatch(item.id, otherId, decision, ctx.actor.username, ctx.clock.now());
  ctx.audit({
    action: `media.match_${decision}`,
    entityType: 'media_match',
    entityId: item.id,
    caseId: scope.case.id,
    before: { itemId: item.id, otherId, status: before.status },
    after: { itemId: item.id, otherId, status: decision },
  });
  return showMedia(ctx, scope, id);
}

/**
 * One item by its id alone (`athar media show ID`): shown to members of its case only; to anyone
 * else it does not exist.
 */
export async function showMediaById(ctx: Context, id: string): Promise<MediaDetail> {
  const item = await ctx.repo(MediaRepository).item(id);
  const role = item ? await roleOf(ctx, item.case_id, ctx.actor.userId) : null;
  const row = item && role ? await findCase(ctx, item.case_id) : undefined;
  if (!item || !role || !row) throw notFound('media.not_found', `no media item ${id} that you may see`);
  return showMedia(ctx, { case: row, role }, id);
}

/** How long `wait=true` (the CLI's ingest) waits for processing before answering with the item as it stands. */
const WAIT_MS = 10 * 60_000;

/** The item once processing has ended (or the wait ran out). */
export async function waitProcessed(ctx: Context, item: MediaItem): Promise<MediaItem> {
  const deadline = Date.now() + WAIT_MS;
  for (let delay = 100; ; delay = Math.min(1000, delay * 2)) {
    const row = await ctx.repo(MediaRepository).item(item.id);
    if (!row) return item;
    if (!['received', 'processing'].includes(row.status) || Date.now() >= deadline) return presentItem(row);
    await new Promise((r) => setTimeout(r, delay));
  }
}

/** The thumbnail, a working copy (no custody event: it is not the original). */
export async function openThumbnail(ctx: Context, scope: CaseScope, id: string): Promise<ReadStream> {
  const item = await requireItem(ctx, scope, id);
  if (!item.has_thumbnail) throw notFound('media.no_thumbnail', 'this item has no thumbnail (yet)');
  return createReadStream(ctx.blobs.derivedPath(item.sha256, 'thumb.jpg'));
}

/** A working copy of an item of the case (no custody event: it is not the original). */
export async function openWorkingCopy(
  ctx: Context,
  scope: CaseScope,
  id: string,
  which: typeof KEYFRAMES_JPEG | typeof RENDITION,
): Promise<{ size: number; open: (range: { start: number; end: number } | null) => ReadStream }> {
  const item = await requireItem(ctx, scope, id);
  const file = ctx.blobs.derivedPath(item.sha256, which);
  const stats = await stat(file).catch(() => null);
  if (!stats)
    throw notFound(
      which === RENDITION ? 'media.no_rendition' : 'media.no_keyframes',
      which === RENDITION
        ? 'this item has no web rendition (its original plays in a browser, or it is not a video)'
        : 'this item has no keyframe strip (yet)',
    );
  return {
    size: stats.size,
    open: (range) => (range ? createReadStream(file, range) : createReadStream(file)),
  };
}
