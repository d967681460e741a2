import type { Static } from '@sinclair/typebox';
import type { Precision } from '#src/db/schema.ts';
import { formatInZone, isoInstant } from '#src/engines/time/zoned.ts';
import type { Timeline, TimelineEntry } from '#src/schemas/case.ts';
import type { CaseScope, ServiceDeps } from './context.ts';
import { validZoneOrThrow } from './when.ts';

type Entry = Static<typeof TimelineEntry>;

const clip = (s: string, n = 140) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/**
 * Every dated thing in a case in time order, rendered in UTC or any zone. A date known only
 * to the day sorts at the start of that day in its zone and is shown as a day, never as
 * midnight.
 */
export class TimelineService {
  constructor(private readonly deps: ServiceDeps) {}

  async build(scope: CaseScope, zone?: string): Promise<Static<typeof Timeline>> {
    const display = zone ?? scope.case.time_zone;
    validZoneOrThrow(display, '/zone');
    const { repos } = this.deps.store;
    const caseId = scope.case.id;
    const [sources, statements, claims, sweeps, places] = await Promise.all([
      repos.sources.list(caseId), repos.sources.listStatements(caseId), repos.claims.listAll(caseId),
      repos.places.listSweeps(caseId), repos.places.list(caseId),
    ]);
    const sourceName = new Map(sources.map((s) => [s.id, s.name]));
    const placeName = new Map(places.map((p) => [p.id, p.names.find((n) => n.lang === 'en')?.name ?? p.names[0]?.name ?? p.id]));
    const entries: Entry[] = [];
    const c = scope.case;
    const add = (at: Date | null, precision: Precision | null, sourceZone: string | null, e: Omit<Entry, 'at' | 'local' | 'precision' | 'sourceTimeZone'>) => {
      if (!at) return;
      const p = precision ?? 'second';
      // A day, month or year is shown as the source gave it (in its zone): converting
      // "8 December in Damascus" to UTC would print the 7th, a date nobody said.
      const coarse = p === 'day' || p === 'month' || p === 'year';
      const zone = coarse ? (sourceZone ?? c.time_zone) : display;
      entries.push({ at: isoInstant(at), local: formatInZone(at, zone, p), precision: p, sourceTimeZone: sourceZone, ...e });
    };
    add(c.event_start, c.event_start_precision, c.time_zone, { kind: 'case.event_start', entityType: 'case', entityId: c.id, title: c.title, isDemo: c.is_demo });
    for (const s of statements) {
      add(s.stated_at, s.stated_precision, s.stated_time_zone, {
        kind: 'statement', entityType: 'statement', entityId: s.id, title: `${sourceName.get(s.source_id) ?? 'source'}: ${clip(s.text)}`, isDemo: s.is_demo,
      });
    }
    for (const cl of claims) {
      add(cl.first_seen_at, cl.first_seen_precision, cl.first_seen_time_zone, { kind: 'claim.first_seen', entityType: 'claim', entityId: cl.id, title: `claim first seen: ${clip(cl.text)}`, isDemo: cl.is_demo });
      if (cl.verdict && cl.verdict_as_of) {
        add(cl.verdict_as_of, cl.verdict_as_of_precision, cl.verdict_as_of_time_zone, { kind: 'claim.verdict', entityType: 'claim', entityId: cl.id, title: `verdict ${cl.verdict}: ${clip(cl.text)}`, isDemo: cl.is_demo });
      }
      add(cl.published_at, 'second', null, { kind: 'claim.published', entityType: 'claim', entityId: cl.id, title: `verdict published: ${clip(cl.text)}`, isDemo: cl.is_demo });
    }
    for (const sw of sweeps) {
      const where = placeName.get(sw.place_id) ?? 'place';
      const who = sw.team ?? (sw.source_id ? sourceName.get(sw.source_id) : null) ?? 'team';
      add(sw.started_at, sw.started_precision, sw.time_zone, { kind: 'sweep.started', entityType: 'sweep', entityId: sw.id, title: `${who} begins searching ${where}`, isDemo: sw.is_demo });
      add(sw.ended_at, sw.ended_precision, sw.time_zone, {
        kind: 'sweep.ended', entityType: 'sweep', entityId: sw.id, title: `${who} ends searching ${where}: ${sw.result.replace('_', ' ')}`, isDemo: sw.is_demo,
      });
    }
    entries.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.kind.localeCompare(b.kind)));
    return { caseId, timeZone: display, entries };
  }
}
