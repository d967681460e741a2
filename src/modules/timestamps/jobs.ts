import { defineJob } from '#src/platform/jobs/job.ts';
import { stampDay, yesterday } from './stamp.ts';
import { TimeStampRepository } from './timestamps.repository.ts';

declare module '#src/platform/jobs/job.ts' {
  interface JobPayloads {
    /** Stamps the previous UTC day's manifest, when an authority is configured; scheduled. */
    'timestamps.stamp-day': { day?: string };
  }
}

export const stampDayJob = defineJob({
  name: 'timestamps.stamp-day',
  policy: { retryLimit: 5, retryDelay: 300, retryBackoff: true, expireInSeconds: 3600 },
  // The authority is asked between reading and writing: no transaction around it.
  transaction: false,
  schedule: (config) => config.timestampCron,
  async handle(ctx, data) {
    if (!ctx.config.tsaUrl) return 'not_configured';
    const day = data.day ?? yesterday(ctx.clock.now());
    if ((await ctx.repo(TimeStampRepository).ofDay(day)).length > 0) return 'already';
    const s = await stampDay(ctx, day);
    ctx.log.info({ day, genTime: s.genTime, captures: s.captures }, 'day manifest time-stamped');
    return 'done';
  },
});
