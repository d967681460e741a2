/**
 * Media evidence: files stored as evidence (write-once originals, content-addressed), each
 * capture of them (the chain of custody), their metadata and fingerprints, matches against every
 * stored item in the installation, first seen, and signals for a person to weigh.
 */
import type { AtharModule } from '#src/platform/module.ts';
import { mediaAuditViews } from './audit-views.ts';
import { sweepOrphanBlobs } from './blobs.ts';
import { HashIndex } from './hash-index.ts';
import { mediaJobs } from './jobs.ts';
import { MediaRepository } from './media.repository.ts';
import { mediaRoutes } from './media.routes.ts';

export { ingest, TOOL_VERSION } from './ingest.ts';
export { evidenceOf, recordEvidenceExport, type EvidenceItem, type EvidenceSelection } from './evidence.ts';
export { capturesBetween, mediaItemInCase, updateMedia } from './media.ts';
export type { Capture, MediaItem, WebCapture } from './schemas.ts';

/** How old an unreferenced blob must be before the sweep removes it on a shared PostgreSQL. */
const ORPHAN_GRACE_MS = 3600_000;

/** The media module of one process: its fingerprint index lives as long as the process. */
export function mediaModule(): AtharModule {
  const index = new HashIndex();
  return {
    name: 'media',
    routes: mediaRoutes(index),
    jobs: mediaJobs(index),
    auditViews: mediaAuditViews,
    async onStart(ctx) {
      // What a killed process left: bytes stored for uploads that never committed, and items
      // whose processing never finished (sent again; processing an item twice is harmless).
      await sweepOrphanBlobs(ctx, ctx.databaseKind === 'pglite' ? 0 : ORPHAN_GRACE_MS);
      for (const item of await ctx.repo(MediaRepository).unfinished(10_000))
        await ctx.jobs.send('media.process', { itemId: item.id });
      await index.refresh(ctx);
    },
  };
}
