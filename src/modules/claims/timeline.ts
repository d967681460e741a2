import type { TimelineItem, TimelineSource } from '#src/platform/timeline.ts';
import { ClaimRepository } from './claim.repository.ts';

const clip = (s: string, n = 140) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** Claims on the timeline: when each was first seen, when its verdict holds from, when it was published. */
export const claimTimeline: TimelineSource = async (ctx, scope) => {
  const items: TimelineItem[] = [];
  for (const cl of await ctx.repo(ClaimRepository).dated(scope.case.id)) {
    const base = { entityType: 'claim', entityId: cl.id, isDemo: cl.is_demo };
    if (cl.first_seen_at) {
      items.push({
        ...base,
        at: cl.first_seen_at,
        precision: cl.first_seen_precision ?? 'second',
        sourceTimeZone: cl.first_seen_time_zone,
        kind: 'claim.first_seen',
        title: `claim first seen: ${clip(cl.text)}`,
      });
    }
    if (cl.verdict && cl.verdict_as_of) {
      items.push({
        ...base,
        at: cl.verdict_as_of,
        precision: cl.verdict_as_of_precision ?? 'second',
        sourceTimeZone: cl.verdict_as_of_time_zone,
        kind: 'claim.verdict',
        title: `verdict ${cl.verdict}: ${clip(cl.text)}`,
      });
    }
    if (cl.published_at) {
      items.push({
        ...base,
        at: cl.published_at,
        precision: 'second',
        sourceTimeZone: null,
        kind: 'claim.published',
        title: `verdict published: ${clip(cl.text)}`,
      });
    }
  }
  return items;
};
