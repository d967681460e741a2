import { defineJob } from '#src/platform/jobs/job.ts';
import { purgeExpiredContacts } from './inquiries.ts';
import { InquiryRepository } from './inquiry.repository.ts';
import { matchAllOpen, matchInquiry } from './inquiry-matching.ts';
import './inquiry-hooks.ts';

/** One inquiry (the public form's), or every open inquiry of a case (after an import). */
export const matchInquiriesJob = defineJob({
  name: 'registry.match-inquiries',
  policy: { retryLimit: 5, retryDelay: 10, retryBackoff: true, expireInSeconds: 3600 },
  // Each inquiry's suggestions commit as they are made: a batch over thousands of inquiries holds
  // no transaction (and no lock a caseworker's decision would wait for) for its whole run, and a
  // retried batch adds only what is missing.
  transaction: false,
  async handle(ctx, data) {
    if (data.inquiryId) {
      const [row] = await ctx.repo(InquiryRepository).openByIds(data.caseId, [data.inquiryId]);
      if (row) await matchInquiry(ctx, row, data.foundBy);
      return 'done';
    }
    const r = await matchAllOpen(ctx, data.caseId, data.foundBy);
    ctx.log.info({ inquiries: r.inquiries, suggested: r.suggested }, 'open inquiries matched');
    return 'done';
  },
});

/** Contact details of inquiries closed longer ago than ATHAR_INQUIRY_RETENTION_DAYS are purged. */
export const retentionJob = defineJob({
  name: 'registry.retention',
  policy: { retryLimit: 3, retryDelay: 60, retryBackoff: true, expireInSeconds: 3600 },
  schedule: (config) => config.retentionCron,
  async handle(ctx) {
    const purged = await purgeExpiredContacts(ctx);
    if (purged > 0) ctx.log.info({ purged }, 'contact details past retention purged');
    return 'done';
  },
});
