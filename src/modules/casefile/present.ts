import { presentWhen } from '#src/platform/when.ts';
import type { FigureRow } from './figure.repository.ts';
import type { PlaceRow, SweepRow } from './place.repository.ts';
import type { Figure, Place, Source, Statement, Sweep } from './schemas.ts';
import type { SourceRow, StatementRow } from './source.repository.ts';

export function presentSource(s: SourceRow): Source {
  return {
    id: s.id,
    caseId: s.case_id,
    kind: s.kind,
    name: s.name,
    platform: s.platform,
    handle: s.handle,
    url: s.url,
    description: s.description,
    isDemo: s.is_demo,
  };
}

export function presentStatement(s: StatementRow, caseZone: string): Statement {
  return {
    id: s.id,
    caseId: s.case_id,
    sourceId: s.source_id,
    text: s.text,
    language: s.language,
    stated: presentWhen(s.stated_at, s.stated_time_zone, s.stated_precision, caseZone, s.stated_as_written),
    url: s.url,
    quote: s.quote,
    isDemo: s.is_demo,
  };
}

export function presentPlace(p: PlaceRow): Place {
  return {
    id: p.id,
    caseId: p.case_id,
    kind: p.kind,
    parentId: p.parent_id,
    names: p.names,
    coordinates:
      p.latitude === null || p.longitude === null
        ? null
        : {
            latitude: p.latitude,
            longitude: p.longitude,
            precisionM: p.coord_precision_m,
            approximate: p.coord_approximate,
          },
    description: p.description,
    isDemo: p.is_demo,
  };
}

export function presentSweep(s: SweepRow, caseZone: string): Sweep {
  return {
    id: s.id,
    caseId: s.case_id,
    placeId: s.place_id,
    sourceId: s.source_id,
    team: s.team,
    started: presentWhen(s.started_at, s.time_zone, s.started_precision, caseZone),
    ended: presentWhen(s.ended_at, s.time_zone, s.ended_precision, caseZone),
    result: s.result,
    notes: s.notes,
    statementId: s.statement_id,
    isDemo: s.is_demo,
  };
}

const num = (v: string | null) => (v === null ? null : Number(v));

export function presentFigure(f: FigureRow): Figure {
  return {
    id: f.id,
    caseId: f.case_id,
    label: f.label,
    value: num(f.value),
    low: num(f.low),
    high: num(f.high),
    qualifier: f.qualifier,
    unit: f.unit,
    period: { from: f.period_from, to: f.period_to },
    sourceId: f.source_id,
    statementId: f.statement_id,
    method: f.method,
    isDemo: f.is_demo,
  };
}

/** A place's name for people: English, else its first. */
export function placeName(p: PlaceRow): string {
  return p.names.find((n) => n.lang === 'en')?.name ?? p.names[0]?.name ?? p.id;
}
