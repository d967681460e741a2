import { defineJob } from '#src/platform/jobs/job.ts';
import { verifyBlobs } from './blobs.ts';
import type { HashIndex } from './hash-index.ts';
import { MediaRepository } from './media.repository.ts';
import { processItem } from './process.ts';
import { sweepUploads } from './uploads.ts';
import { checkCapturedUrls } from './url-check.ts';

declare module '#src/platform/jobs/job.ts' {
  interface JobPayloads {
    /** Metadata, fingerprint, thumbnail and matches of one stored item. */
    'media.process': { itemId: string };
    /** Re-hashes every stored original; scheduled, and on demand. */
    'blobs.verify': { requestedBy?: string };
    /** Asks every captured URL whether it is still online; scheduled. */
    'media.urls.check': { requestedBy?: string };
    /** Removes resumable uploads left untouched (ATHAR_UPLOAD_EXPIRY_H); hourly. */
    'media.uploads.sweep': Record<string, never>;
  }
}

const PROCESS_RETRIES = 3;

export function mediaJobs(index: HashIndex) {
  return [
    defineJob({
      name: 'media.process',
      policy: { retryLimit: PROCESS_RETRIES, retryDelay: 10, retryBackoff: true, expireInSeconds: 3600 },
      // Decoding and hashing take seconds: the job writes in short transactions of its own, so the
      // embedded database's one connection is not held while it computes.
      transaction: false,
      // Two items at a time (decoding runs in sharp's threads and in ffmpeg processes meanwhile).
      flow: { batchSize: 8, concurrency: 2 },
      async handle(ctx, data, attempt) {
        try {
          return await processItem(ctx, index, data.itemId);
        } catch (e) {
          // Say so on the item, visibly, with the reason: retried with backoff, failed after the last try.
          const reason = (e instanceof Error ? e.message : String(e)).slice(0, 500);
          ctx.log.error({ item: data.itemId, reason, retry: attempt.retry }, 'media processing failed');
          await ctx.transaction((tx) =>
            tx.repo(MediaRepository).updateItem(data.itemId, {
              ...(attempt.last
                ? { status: 'failed', stage: null, status_reason: `processing failed: ${reason}` }
                : { status_reason: `processing failed, will retry (try ${attempt.retry + 1}): ${reason}` }),
              updated_at: tx.clock.now(),
            }),
          );
          if (attempt.last) return 'failed';
          throw e;
        }
      },
    }),
    defineJob({
      name: 'media.urls.check',
      policy: { retryLimit: 1, retryDelay: 600, retryBackoff: false, expireInSeconds: 6 * 3600 },
      transaction: false,
      schedule: (config) => (config.urlCheckCron === 'off' ? null : config.urlCheckCron),
      async handle(ctx) {
        const r = await checkCapturedUrls(ctx);
        ctx.log.info(r, 'captured URLs checked');
        return 'done';
      },
    }),
    defineJob({
      name: 'media.uploads.sweep',
      policy: { retryLimit: 1, retryDelay: 300, retryBackoff: false, expireInSeconds: 3600 },
      transaction: false,
      schedule: () => '29 * * * *',
      async handle(ctx) {
        const r = await sweepUploads(ctx);
        if (r.removed > 0) ctx.log.info(r, 'abandoned uploads removed');
        return 'done';
      },
    }),
    defineJob({
      name: 'blobs.verify',
      policy: { retryLimit: 1, retryDelay: 60, retryBackoff: false, expireInSeconds: 6 * 3600 },
      transaction: false,
      schedule: (config) => config.blobsCheckCron,
      async handle(ctx) {
        const r = await verifyBlobs(ctx);
        return r.changed.length + r.missing.length === 0 ? 'done' : 'failed_check';
      },
    }),
  ];
}
