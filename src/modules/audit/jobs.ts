import { defineJob } from '#src/platform/jobs/job.ts';
import { recordAuditCheck, verifyAuditChain } from './verify-chain.ts';

declare module '#src/platform/jobs/job.ts' {
  interface JobPayloads {
    /** Walks the whole audit chain and records the result; scheduled, and on demand. */
    'audit.verify-chain': { requestedBy?: string };
  }
}

export const verifyChainJob = defineJob({
  name: 'audit.verify-chain',
  policy: { retryLimit: 2, retryDelay: 30, retryBackoff: true, expireInSeconds: 3600 },
  // Walking a long chain is a long read: no transaction, so the embedded database's one
  // connection is not held for the whole walk.
  transaction: false,
  schedule: (config) => config.auditCheckCron,
  async handle(ctx) {
    const r = await verifyAuditChain(ctx);
    await recordAuditCheck(ctx, r);
    if (!r.ok) {
      ctx.log.error({ problem: r.problem }, 'audit chain verification FAILED');
      return 'failed_check';
    }
    ctx.log.info({ events: r.events }, 'audit chain verified');
    return 'done';
  },
});
