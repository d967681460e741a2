import { clipTitle, type TimelineItem, type TimelineSource } from '#src/platform/timeline.ts';
import { ClaimRepository } from './claim.repository.ts';

/** Claims on the timeline: when each was first seen, when its verdict holds from, when it was published. */
export const claimTimeline: TimelineSource = async (ctx, scope, window) => {
  const claims = ctx.repo(ClaimRepository);
  const caseId = scope.case.id;
  const [firstSeen, verdicts, published] = await Promise.all([
    claims.dated(caseId, 'first_seen_at', 'claim.first_seen', window),
    claims.dated(caseId, 'verdict_as_of', 'claim.verdict', window),
    claims.dated(caseId, 'published_at', 'claim.published', window),
  ]);
  const base = (cl: (typeof firstSeen)[number]) => ({
    entityType: 'claim',
    entityId: cl.id,
    isDemo: cl.is_demo,
  });
  const items: TimelineItem[] = [
    ...firstSeen.map((cl) => ({
      ...base(cl),
      at: cl.first_seen_at!,
      precision: cl.first_seen_precision ?? 'second',
      sourceTimeZone: cl.first_seen_time_zone,
      kind: 'claim.first_seen',
      title: `claim first seen: ${clipTitle(cl.text)}`,
      parts: { subject: null, text: clipTitle(cl.text), detail: null },
    })),
    ...verdicts.map((cl) => ({
      ...base(cl),
      at: cl.verdict_as_of!,
      precision: cl.verdict_as_of_precision ?? 'second',
      sourceTimeZone: cl.verdict_as_of_time_zone,
      kind: 'claim.verdict',
      title: `verdict ${cl.verdict}: ${clipTitle(cl.text)}`,
      parts: { subject: null, text: clipTitle(cl.text), detail: cl.verdict },
    })),
    ...published.map((cl) => ({
      ...base(cl),
      at: cl.published_at!,
      precision: 'second' as const,
      sourceTimeZone: null,
      kind: 'claim.published',
      title: `verdict published: ${clipTitle(cl.text)}`,
      parts: { subject: null, text: clipTitle(cl.text), detail: cl.verdict },
    })),
  ];
  return items;
};
