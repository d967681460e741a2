import type { TimelineItem, TimelineSource } from '#src/platform/timeline.ts';
import { PlaceRepository } from './place.repository.ts';
import { placeName } from './present.ts';
import { SourceRepository } from './source.repository.ts';

const clip = (s: string, n = 140) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** The case file on the timeline: what sources said, and when sweeps began and ended. */
export const caseFileTimeline: TimelineSource = async (ctx, scope) => {
  const caseId = scope.case.id;
  const sources = ctx.repo(SourceRepository);
  const places = ctx.repo(PlaceRepository);
  const [statements, sweeps] = await Promise.all([
    sources.datedStatements(caseId),
    places.datedSweeps(caseId),
  ]);
  const sourceIds = [
    ...statements.map((s) => s.source_id),
    ...sweeps.flatMap((s) => (s.source_id ? [s.source_id] : [])),
  ];
  const [sourceRows, placeRows] = await Promise.all([
    sources.byIds(caseId, [...new Set(sourceIds)]),
    places.byIds(caseId, [...new Set(sweeps.map((s) => s.place_id))]),
  ]);
  const sourceName = new Map(sourceRows.map((s) => [s.id, s.name]));
  const placeNames = new Map(placeRows.map((p) => [p.id, placeName(p)]));
  const items: TimelineItem[] = [];
  for (const s of statements) {
    items.push({
      at: s.stated_at!,
      precision: s.stated_precision ?? 'second',
      sourceTimeZone: s.stated_time_zone,
      kind: 'statement',
      entityType: 'statement',
      entityId: s.id,
      title: `${sourceName.get(s.source_id) ?? 'source'}: ${clip(s.text)}`,
      isDemo: s.is_demo,
    });
  }
  for (const sw of sweeps) {
    const where = placeNames.get(sw.place_id) ?? 'place';
    const who = sw.team ?? (sw.source_id ? sourceName.get(sw.source_id) : null) ?? 'team';
    const base = { sourceTimeZone: sw.time_zone, entityType: 'sweep', entityId: sw.id, isDemo: sw.is_demo };
    if (sw.started_at)
      items.push({
        ...base,
        at: sw.started_at,
        precision: sw.started_precision ?? 'second',
        kind: 'sweep.started',
        title: `${who} begins searching ${where}`,
      });
    if (sw.ended_at) {
      items.push({
        ...base,
        at: sw.ended_at,
        precision: sw.ended_precision ?? 'second',
        kind: 'sweep.ended',
        title: `${who} ends searching ${where}: ${sw.result.replace('_', ' ')}`,
      });
    }
  }
  return items;
};
