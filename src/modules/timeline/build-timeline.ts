import { formatInZone, isoInstant } from '#src/engines/time/zoned.ts';
import type { CaseScope } from '#src/platform/access.ts';
import type { Context } from '#src/platform/context.ts';
import { cursorCodec, pageSize, type PageRequest } from '#src/platform/pagination.ts';
import {
  compareTimelineKeys,
  type TimelineItem,
  type TimelineKey,
  type TimelineSource,
} from '#src/platform/timeline.ts';
import { validZoneOrThrow } from '#src/platform/when.ts';
import type { Timeline, TimelineEntry } from './schemas.ts';

const timelineCursor = cursorCodec('timeline', ['instant', 'text', 'uuid']);

/**
 * Every dated thing in a case in time order, from every module that holds dated records,
 * rendered in UTC or any zone. A date known only to the day sorts at the start of that day in its
 * zone and is shown as a day, never as midnight.
 */
export async function buildTimeline(
  ctx: Context,
  scope: CaseScope,
  sources: readonly TimelineSource[],
  q: PageRequest & { zone?: string | undefined },
): Promise<Timeline> {
  const display = validZoneOrThrow(q.zone ?? scope.case.time_zone, '/zone');
  const limit = pageSize(q);
  let after: TimelineKey | null = null;
  if (q.cursor) {
    const [at, kind, entityId] = timelineCursor.decode(q.cursor);
    after = { at, kind, entityId };
  }
  const window = { after, limit };
  const items = (await Promise.all(sources.map((source) => source(ctx, scope, window))))
    .flat()
    .filter((i) => after === null || compareTimelineKeys(i, after) > 0)
    .sort(compareTimelineKeys);
  const page = items.slice(0, limit);
  const last = page[page.length - 1];
  return {
    caseId: scope.case.id,
    timeZone: display,
    entries: page.map((i) => render(i, display, scope.case.time_zone)),
    nextCursor:
      items.length > limit && last ? timelineCursor.encode([last.at, last.kind, last.entityId]) : null,
  };
}

function render(i: TimelineItem, display: string, caseZone: string): TimelineEntry {
  // A day, month or year is shown as the source gave it (in its zone): converting "8 December in
  // Damascus" to UTC would print the 7th, a date nobody said.
  const coarse = i.precision === 'day' || i.precision === 'month' || i.precision === 'year';
  const zone = coarse ? (i.sourceTimeZone ?? caseZone) : display;
  return {
    at: isoInstant(i.at),
    local: formatInZone(i.at, zone, i.precision),
    precision: i.precision,
    sourceTimeZone: i.sourceTimeZone,
    kind: i.kind,
    entityType: i.entityType,
    entityId: i.entityId,
    title: i.title,
    parts: i.parts,
    isDemo: i.isDemo,
  };
}
