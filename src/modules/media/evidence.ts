/**
 * What an evidence package holds of the media module: the chosen items of a case (or all of
 * them) with every capture of each, the URL captures that brought them (and the pages those were
 * linked from), and the custody events that record each original and WARC leaving athar.
 */
import type { CaseScope } from '#src/platform/access.ts';
import type { Context } from '#src/platform/context.ts';
import { notFound } from '#src/platform/errors.ts';
import { presentWebCapture } from './capture-url.ts';
import { MediaRepository, type MediaCaptureRow, type WebCaptureRow } from './media.repository.ts';
import { presentCapture, presentItem } from './present.ts';
import type { Capture, MediaItem, WebCapture } from './schemas.ts';

/** At most this many items or URL captures in one package. */
export const EVIDENCE_LIMIT = 100_000;

export interface EvidenceItem {
  item: MediaItem;
  /** Every capture of its bytes, oldest first: who, when, how, from where, what the source claimed. */
  captures: Capture[];
  /** The URL captures that brought its bytes. */
  webCaptureIds: string[];
}

export interface EvidenceSelection {
  items: EvidenceItem[];
  /** Oldest first: those that brought the items, and the pages those were linked from. */
  webCaptures: WebCapture[];
}

async function inBatches<T>(ids: readonly string[], fn: (batch: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += 1000) out.push(...(await fn(ids.slice(i, i + 1000))));
  return out;
}

/**
 * The items `itemIds` names (every item of the case when null) with their captures and URL
 * captures; with no items named, every URL capture of the case too, pages kept only as their
 * WARC included. An id that is not an item of this case is refused, naming it (an item of another
 * case is not told apart from one that does not exist).
 */
export async function evidenceOf(
  ctx: Context,
  scope: CaseScope,
  itemIds: readonly string[] | null,
): Promise<EvidenceSelection> {
  const repo = ctx.repo(MediaRepository);
  const caseId = scope.case.id;
  let items;
  if (itemIds === null) items = await repo.itemsOfCase(caseId, EVIDENCE_LIMIT);
  else {
    const found = new Map(
      (await inBatches(itemIds, (b) => repo.items(b)))
        .filter((r) => r.case_id === caseId)
        .map((r) => [r.id, r]),
    );
    const issues = itemIds.flatMap((id, i) =>
      found.has(id) ? [] : [{ field: `/items/${i}`, message: `no media item ${id} in this case` }],
    );
    if (issues.length > 0)
      throw notFound(
        'media.not_found',
        `${issues.length === 1 ? 'an item' : `${issues.length} items`} named in items ${issues.length === 1 ? 'is' : 'are'} not in this case`,
        { issues },
      );
    items = itemIds.map((id) => found.get(id)!);
  }
  const ids = items.map((r) => r.id);
  const captures = await inBatches<MediaCaptureRow>(ids, (b) => repo.captures(b));
  let web: WebCaptureRow[];
  if (itemIds === null) web = await repo.webCaptures(caseId, EVIDENCE_LIMIT);
  else {
    web = await inBatches(ids, (b) => repo.webCapturesOfItems(b));
    // The page a picture was linked from says where it was posted: its WARC goes along.
    const known = new Set(web.map((w) => w.id));
    let parents = [...new Set(web.map((w) => w.parent_id).filter((p): p is string => !!p && !known.has(p)))];
    while (parents.length > 0) {
      const found = (await inBatches(parents, (b) => repo.webCapturesById(b))).filter(
        (w) => w.case_id === caseId,
      );
      for (const w of found) known.add(w.id);
      web.push(...found);
      parents = [...new Set(found.map((w) => w.parent_id).filter((p): p is string => !!p && !known.has(p)))];
    }
  }
  web.sort((a, b) => a.captured_at.getTime() - b.captured_at.getTime() || (a.id < b.id ? -1 : 1));
  return {
    items: items.map((r) => ({
      item: presentItem(r),
      captures: captures
        .filter((c) => c.item_id === r.id)
        .sort((a, b) => a.captured_at.getTime() - b.captured_at.getTime())
        .map(presentCapture),
      webCaptureIds: web.filter((w) => w.item_id === r.id).map((w) => w.id),
    })),
    webCaptures: web.map(presentWebCapture),
  };
}

/**
 * Records each original and WARC of a package leaving athar: one custody event per item and per
 * URL capture, naming the export (whose own event holds the package's SHA-256).
 */
export function recordEvidenceExport(
  ctx: Context,
  scope: CaseScope,
  exportId: string,
  selection: EvidenceSelection,
): void {
  for (const { item } of selection.items)
    ctx.audit({
      action: 'media.original_exported',
      entityType: 'media_item',
      entityId: item.id,
      caseId: scope.case.id,
      after: { id: item.id, sha256: item.sha256, name: item.name, exportId },
    });
  for (const w of selection.webCaptures)
    ctx.audit({
      action: 'media.warc_exported',
      entityType: 'web_capture',
      entityId: w.id,
      caseId: scope.case.id,
      after: { id: w.id, url: w.finalUrl, warcSha256: w.warcSha256, exportId },
    });
}
