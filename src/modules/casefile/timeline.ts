import { clipTitle, type TimelineItem, type TimelineSource } from '#src/platform/timeline.ts';
import { PlaceRepository } from './place.repository.ts';
import { placeName } from './present.ts';
import { SourceRepository } from './source.repository.ts';

/** The case file on the timeline: what sources said, and when sweeps began and ended. */
export const caseFileTimeline: TimelineSource = async (ctx, scope, window) => {
  const caseId = scope.case.id;
  const sources = ctx.repo(SourceRepository);
  const places = ctx.repo(PlaceRepository);
  const [statements, started, ended] = await Promise.all([
    sources.datedStatements(caseId, window),
    places.datedSweeps(caseId, 'started_at', 'sweep.started', window),
    places.datedSweeps(caseId, 'ended_at', 'sweep.ended', window),
  ]);
  const sweeps = [...started, ...ended];
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
  const items: TimelineItem[] = statements.map((s) => ({
    at: s.stated_at!,
    precision: s.stated_precision ?? 'second',
    sourceTimeZone: s.stated_time_zone,
    kind: 'statement',
    entityType: 'statement',
    entityId: s.id,
    title: `${sourceName.get(s.source_id) ?? 'source'}: ${clipTitle(s.text)}`,
    parts: { subject: sourceName.get(s.source_id) ?? null, text: clipTitle(s.text), detail: null },
    isDemo: s.is_demo,
  }));
  const sweepItem = (sw: (typeof sweeps)[number], ends: boolean): TimelineItem => {
    const where = placeNames.get(sw.place_id) ?? 'place';
    const who = sw.team ?? (sw.source_id ? sourceName.get(sw.source_id) : null) ?? 'team';
    return {
      at: (ends ? sw.ended_at : sw.started_at)!,
      precision: (ends ? sw.ended_precision : sw.started_precision) ?? 'second',
      sourceTimeZone: sw.time_zone,
      kind: ends ? 'sweep.ended' : 'sweep.started',
      entityType: 'sweep',
      entityId: sw.id,
      isDemo: sw.is_demo,
      parts: {
        subject: sw.team ?? (sw.source_id ? sourceName.get(sw.source_id) : null) ?? null,
        text: where,
        detail: ends ? sw.result : null,
      },
      title: ends
        ? `${who} ends searching ${where}: ${sw.result.replace('_', ' ')}`
        : `${who} begins searching ${where}`,
    };
  };
  return [...items, ...started.map((sw) => sweepItem(sw, false)), ...ended.map((sw) => sweepItem(sw, true))];
};
