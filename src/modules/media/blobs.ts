/**
 * Checking the blob store: every original the database knows of is re-hashed; one whose bytes
 * changed or that vanished is named. Each check is recorded (`blob_check`, and an audit event), by
 * hand (`athar blobs verify`) or on the schedule.
 */
import type { Context } from '#src/platform/context.ts';
import type { VerifyProgress } from '#src/platform/blobs/blob-store.ts';
import { MediaRepository } from './media.repository.ts';
import type { BlobReport } from './schemas.ts';

export async function verifyBlobs(
  ctx: Context,
  onProgress?: (p: VerifyProgress) => void,
): Promise<BlobReport> {
  const startedAt = ctx.clock.now();
  const expected = await ctx.repo(MediaRepository).allBlobs();
  const r = await ctx.blobs.verify(expected, onProgress);
  const report: BlobReport = {
    checked: r.checked,
    changed: r.changed.map(({ sha256, path }) => ({ sha256, path })),
    missing: r.missing,
  };
  await ctx.transaction(async (tx) => {
    await tx.repo(MediaRepository).recordBlobCheck({
      id: tx.ids.uuid(),
      started_at: startedAt,
      finished_at: tx.clock.now(),
      checked: report.checked,
      changed: JSON.stringify(report.changed),
      missing: JSON.stringify(report.missing),
    });
    tx.audit({
      action: report.changed.length + report.missing.length === 0 ? 'blobs.verified' : 'blobs.check_failed',
      entityType: 'blob_check',
      entityId: null,
      after: { checked: report.checked, changed: report.changed.length, missing: report.missing.length },
    });
  });
  if (report.changed.length + report.missing.length > 0)
    ctx.log.error(
      { changed: report.changed.length, missing: report.missing.length },
      'blob store check FAILED',
    );
  return report;
}

/**
 * Removes originals no item refers to (bytes stored for an upload whose transaction never
 * committed). On the embedded database nothing else can be uploading at start, so every such blob
 * goes; on a shared PostgreSQL only those older than an hour (an upload in flight elsewhere is younger).
 */
export async function sweepOrphanBlobs(ctx: Context, graceMs: number): Promise<string[]> {
  const repo = ctx.repo(MediaRepository);
  const removed = await ctx.blobs.sweepOrphans((shas) => repo.referenced(shas), graceMs);
  if (removed.length > 0)
    ctx.log.warn({ removed: removed.length }, 'removed blobs of uploads that never committed');
  return removed;
}
