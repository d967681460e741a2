/**
 * Collecting a file as evidence: its bytes are stored (hashed while they stream, write-once) before
 * anything is recorded, then one transaction records the capture — who, when by the server's
 * clock, how, from where, with which tool, the SHA-256 at collection, the notes, and what the
 * source claims (platform, account, posting time) — on the case's item for those bytes (a new item,
 * or a second capture of the same one), audits it, and sends the processing job. A failure before
 * the commit leaves at most an unreferenced blob, which the orphan sweep removes.
 */
import type { Readable } from 'node:stream';
import type { CaseScope } from '#src/platform/access.ts';
import type { Context } from '#src/platform/context.ts';
import { invalid } from '#src/platform/errors.ts';
import { sniffFile } from '#src/platform/media/media-sniffer.ts';
import { MediaRepository } from './media.repository.ts';
import { presentCapture, presentItem } from './present.ts';
import type { IngestResult, UploadQuery } from './schemas.ts';

export const TOOL = 'athar';
export const TOOL_VERSION = '0.1.0';

export interface CaptureFacts extends Omit<UploadQuery, 'wait' | 'method'> {
  method?: 'upload' | 'file' | 'url';
  /** The client's address, when nothing better says where the file came from. */
  clientAddress?: string | null;
}

export async function ingest(
  ctx: Context,
  scope: CaseScope,
  body: Readable,
  facts: CaptureFacts,
  opts: {
    isDemo?: boolean;
    /** Runs in the transaction that records the capture (a web capture records itself there). */
    within?: (tx: Context, itemId: string, captureId: string) => Promise<void>;
  } = {},
): Promise<IngestResult> {
  const postedAt = facts.postedAt ? new Date(facts.postedAt) : null;
  if (postedAt && Number.isNaN(postedAt.getTime()))
    throw invalid('validation.querystring', `postedAt: not a time: ${facts.postedAt}`);
  const stored = await ctx.blobs.put(body, ctx.config.mediaLimitBytes);
  const kind = await sniffFile(ctx.blobs.pathOf(stored.sha256)).catch(() => 'unknown' as const);
  return ctx.transaction(async (tx) => {
    const repo = tx.repo(MediaRepository);
    const now = tx.clock.now();
    const { item, created } = await repo.createItemOnce({
      id: tx.ids.uuid(),
      case_id: scope.case.id,
      sha256: stored.sha256,
      size: stored.size,
      name: facts.name,
      kind,
      status: 'received',
      stage: 'queued',
      is_demo: opts.isDemo ?? false,
      created_at: now,
      updated_at: now,
    });
    const duplicate = !created;
    const capture = await repo.createCapture({
      id: tx.ids.uuid(),
      item_id: item.id,
      case_id: scope.case.id,
      method: facts.method ?? 'upload',
      captured_by_id: tx.actor.userId,
      captured_by: tx.actor.username,
      captured_at: now,
      captured_from: facts.from ?? facts.clientAddress ?? null,
      tool: facts.tool ?? TOOL,
      tool_version: facts.toolVersion ?? TOOL_VERSION,
      sha256: stored.sha256,
      file_name: facts.name,
      notes: facts.notes ?? '',
      source_url: facts.sourceUrl ?? null,
      platform: facts.platform ?? null,
      account: facts.account ?? null,
      title: facts.title ?? null,
      posted_at: postedAt,
      is_demo: opts.isDemo ?? false,
    });
    const out = { item: presentItem(item), capture: presentCapture(capture), duplicate };
    tx.audit({
      action: 'media.captured',
      entityType: 'media_item',
      entityId: item.id,
      caseId: scope.case.id,
      after: { ...out.item, capture: out.capture },
    });
    if (opts.within) await opts.within(tx, item.id, capture.id);
    if (!duplicate) await tx.jobs.send('media.process', { itemId: item.id });
    return out;
  });
}
