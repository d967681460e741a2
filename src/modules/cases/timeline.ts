import type { TimelineSource } from '#src/platform/timeline.ts';

/** A case on its own timeline: when the event began, in the case's zone and as precisely as known. */
export const caseTimeline: TimelineSource = async (_ctx, scope) => {
  const c = scope.case;
  if (!c.event_start) return [];
  return [
    {
      at: c.event_start,
      precision: c.event_start_precision ?? 'second',
      sourceTimeZone: c.time_zone,
      kind: 'case.event_start',
      entityType: 'case',
      entityId: c.id,
      title: c.title,
      parts: { subject: null, text: c.title, detail: null },
      isDemo: c.is_demo,
    },
  ];
};
