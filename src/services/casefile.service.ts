import type { Static } from '@sinclair/typebox';
import { isPartialDate } from '#src/engines/time/zoned.ts';
import { invalid, notFound } from '#src/errors.ts';
import type { FigureRow, PlaceRow, SweepRow } from '#src/repositories/place.repository.ts';
import type { SourceRow, StatementRow } from '#src/repositories/source.repository.ts';
import type { Repos } from '#src/repositories/index.ts';
import type {
  CreateFigureBody, CreatePlaceBody, CreateSourceBody, CreateStatementBody, CreateSweepBody, Figure, Place, Source, Statement, Sweep,
  UpdateSourceBody, UpdateStatementBody, UpdateSweepBody,
} from '#src/schemas/case.ts';
import { audit, type Actor, type CaseScope, type ServiceDeps } from './context.ts';
import { presentWhen, readWhen } from './when.ts';

export function presentSource(s: SourceRow): Source {
  return {
    id: s.id, caseId: s.case_id, kind: s.kind, name: s.name, platform: s.platform, handle: s.handle, url: s.url,
    description: s.description, isDemo: s.is_demo,
  };
}

export function presentStatement(s: StatementRow, caseZone: string): Statement {
  return {
    id: s.id, caseId: s.case_id, sourceId: s.source_id, text: s.text, language: s.language,
    stated: presentWhen(s.stated_at, s.stated_time_zone, s.stated_precision, caseZone, s.stated_as_written),
    url: s.url, quote: s.quote, isDemo: s.is_demo,
  };
}

export function presentPlace(p: PlaceRow): Place {
  return {
    id: p.id, caseId: p.case_id, kind: p.kind, parentId: p.parent_id, names: p.names,
    coordinates: p.latitude === null || p.longitude === null ? null : {
      latitude: p.latitude, longitude: p.longitude, precisionM: p.coord_precision_m, approximate: p.coord_approximate,
    },
    description: p.description, isDemo: p.is_demo,
  };
}

export function presentSweep(s: SweepRow, caseZone: string): Sweep {
  return {
    id: s.id, caseId: s.case_id, placeId: s.place_id, sourceId: s.source_id, team: s.team,
    started: presentWhen(s.started_at, s.time_zone, s.started_precision, caseZone),
    ended: presentWhen(s.ended_at, s.time_zone, s.ended_precision, caseZone),
    result: s.result, notes: s.notes, statementId: s.statement_id, isDemo: s.is_demo,
  };
}

const num = (v: string | null) => (v === null ? null : Number(v));

export function presentFigure(f: FigureRow): Figure {
  return {
    id: f.id, caseId: f.case_id, label: f.label, value: num(f.value), low: num(f.low), high: num(f.high), qualifier: f.qualifier,
    unit: f.unit, period: { from: f.period_from, to: f.period_to }, sourceId: f.source_id, statementId: f.statement_id,
    method: f.method, isDemo: f.is_demo,
  };
}

/** Where a parent kind may hold a child kind: site → building → floor → zone, towns within regions. */
const PARENT_KINDS: Record<string, readonly string[]> = {
  region: ['region'],
  city: ['region'],
  town: ['region', 'city'],
  site: ['region', 'city', 'town'],
  building: ['site'],
  floor: ['building'],
  zone: ['site', 'building', 'floor', 'zone'],
};

/** The who-said-what-and-where part of a case file: sources, statements, places, sweeps, figures. */
export class CaseFileService {
  constructor(private readonly deps: ServiceDeps) {}

  private async requireSource(repos: Repos, caseId: string, id: string, field: string) {
    const s = await repos.sources.get(caseId, id);
    if (!s) throw invalid('validation.reference', `no source ${id} in this case`, { issues: [{ field, message: 'unknown source' }] });
    return s;
  }

  private async requireStatement(repos: Repos, caseId: string, id: string, field: string) {
    const s = await repos.sources.getStatement(caseId, id);
    if (!s) throw invalid('validation.reference', `no statement ${id} in this case`, { issues: [{ field, message: 'unknown statement' }] });
    return s;
  }

  async addSource(actor: Actor, scope: CaseScope, input: Static<typeof CreateSourceBody>, opts: { isDemo?: boolean } = {}): Promise<Source> {
    return this.deps.store.transaction(async (repos) => {
      const s = await repos.sources.create({
        id: this.deps.ids.uuid(), case_id: scope.case.id, kind: input.kind, name: input.name, platform: input.platform ?? null,
        handle: input.handle ?? null, url: input.url ?? null, description: input.description ?? '', is_demo: opts.isDemo ?? false,
      });
      const out = presentSource(s);
      await audit(repos, this.deps, actor, { action: 'source.created', entityType: 'source', entityId: s.id, caseId: scope.case.id, after: out });
      return out;
    });
  }

  async listSources(scope: CaseScope): Promise<Source[]> {
    return (await this.deps.store.repos.sources.list(scope.case.id)).map(presentSource);
  }

  async addStatement(actor: Actor, scope: CaseScope, input: Static<typeof CreateStatementBody>, opts: { isDemo?: boolean } = {}): Promise<Statement> {
    const zone = scope.case.time_zone;
    const stated = input.stated ? readWhen(input.stated, zone, '/stated') : null;
    return this.deps.store.transaction(async (repos) => {
      await this.requireSource(repos, scope.case.id, input.sourceId, '/sourceId');
      const s = await repos.sources.createStatement({
        id: this.deps.ids.uuid(), case_id: scope.case.id, source_id: input.sourceId, text: input.text, language: input.language,
        stated_at: stated?.at ?? null, stated_time_zone: stated?.timeZone ?? null, stated_precision: stated?.precision ?? null,
        stated_as_written: stated?.asWritten ?? null, url: input.url ?? null, quote: input.quote ?? null, is_demo: opts.isDemo ?? false,
      });
      const out = presentStatement(s, zone);
      await audit(repos, this.deps, actor, { action: 'statement.created', entityType: 'statement', entityId: s.id, caseId: scope.case.id, after: out });
      return out;
    });
  }

  async listStatements(scope: CaseScope, sourceId?: string): Promise<Statement[]> {
    return (await this.deps.store.repos.sources.listStatements(scope.case.id, sourceId)).map((s) => presentStatement(s, scope.case.time_zone));
  }

  async addPlace(actor: Actor, scope: CaseScope, input: Static<typeof CreatePlaceBody>, opts: { isDemo?: boolean } = {}): Promise<Place> {
    return this.deps.store.transaction(async (repos) => {
      if (input.parentId) {
        const parent = await repos.places.get(scope.case.id, input.parentId);
        if (!parent) throw invalid('validation.reference', `no place ${input.parentId} in this case`, { issues: [{ field: '/parentId', message: 'unknown place' }] });
        if (!PARENT_KINDS[input.kind]?.includes(parent.kind)) {
          throw invalid('place.hierarchy', `a ${input.kind} cannot be inside a ${parent.kind}`, { issues: [{ field: '/parentId', message: `a ${parent.kind} cannot hold a ${input.kind}` }] });
        }
      }
      const c = input.coordinates;
      const p = await repos.places.create({
        id: this.deps.ids.uuid(), case_id: scope.case.id, parent_id: input.parentId ?? null, kind: input.kind,
        names: JSON.stringify(input.names), latitude: c?.latitude ?? null, longitude: c?.longitude ?? null,
        coord_precision_m: c?.precisionM ?? null, coord_approximate: c?.approximate ?? false, description: input.description ?? '',
        is_demo: opts.isDemo ?? false,
      });
      const out = presentPlace(p);
      await audit(repos, this.deps, actor, { action: 'place.created', entityType: 'place', entityId: p.id, caseId: scope.case.id, after: out });
      return out;
    });
  }

  async listPlaces(scope: CaseScope): Promise<Place[]> {
    return (await this.deps.store.repos.places.list(scope.case.id)).map(presentPlace);
  }

  async addSweep(actor: Actor, scope: CaseScope, input: Static<typeof CreateSweepBody>, opts: { isDemo?: boolean } = {}): Promise<Sweep> {
    const zone = scope.case.time_zone;
    const started = input.started ? readWhen(input.started, zone, '/started') : null;
    const ended = input.ended ? readWhen(input.ended, zone, '/ended') : null;
    if (started && ended && ended.at < started.at) {
      throw invalid('validation.time_order', 'a sweep cannot end before it started', { issues: [{ field: '/ended/at', message: 'before started' }] });
    }
    return this.deps.store.transaction(async (repos) => {
      if (!(await repos.places.get(scope.case.id, input.placeId))) {
        throw invalid('validation.reference', `no place ${input.placeId} in this case`, { issues: [{ field: '/placeId', message: 'unknown place' }] });
      }
      if (input.sourceId) await this.requireSource(repos, scope.case.id, input.sourceId, '/sourceId');
      if (input.statementId) await this.requireStatement(repos, scope.case.id, input.statementId, '/statementId');
      const s = await repos.places.createSweep({
        id: this.deps.ids.uuid(), case_id: scope.case.id, place_id: input.placeId, source_id: input.sourceId ?? null, team: input.team ?? null,
        started_at: started?.at ?? null, started_precision: started?.precision ?? null, ended_at: ended?.at ?? null,
        ended_precision: ended?.precision ?? null, time_zone: started?.timeZone ?? ended?.timeZone ?? null, result: input.result,
        notes: input.notes ?? '', statement_id: input.statementId ?? null, is_demo: opts.isDemo ?? false,
      });
      const out = presentSweep(s, zone);
      await audit(repos, this.deps, actor, { action: 'sweep.created', entityType: 'sweep', entityId: s.id, caseId: scope.case.id, after: out });
      return out;
    });
  }

  async listSweeps(scope: CaseScope): Promise<Sweep[]> {
    return (await this.deps.store.repos.places.listSweeps(scope.case.id)).map((s) => presentSweep(s, scope.case.time_zone));
  }

  async addFigure(actor: Actor, scope: CaseScope, input: Static<typeof CreateFigureBody>, opts: { isDemo?: boolean } = {}): Promise<Figure> {
    const hasValue = input.value !== undefined;
    const hasRange = input.low !== undefined || input.high !== undefined;
    if (hasValue === hasRange || (hasRange && (input.low === undefined || input.high === undefined))) {
      throw invalid('figure.value', 'give either a value, or both low and high', { issues: [{ field: hasValue ? '/low' : '/value', message: 'value xor low+high' }] });
    }
    if (hasRange && input.low! > input.high!) {
      throw invalid('figure.range', 'low is above high', { issues: [{ field: '/low', message: 'greater than high' }] });
    }
    for (const [field, date] of [['/periodFrom', input.periodFrom], ['/periodTo', input.periodTo]] as const) {
      if (date !== undefined && !isPartialDate(date)) {
        throw invalid('validation.date', `impossible date "${date}"`, { issues: [{ field, message: 'not a calendar date' }] });
      }
    }
    if (input.periodFrom && input.periodTo && input.periodFrom > input.periodTo) {
      throw invalid('figure.period', 'the period ends before it starts', { issues: [{ field: '/periodTo', message: 'before periodFrom' }] });
    }
    return this.deps.store.transaction(async (repos) => {
      if (input.sourceId) await this.requireSource(repos, scope.case.id, input.sourceId, '/sourceId');
      if (input.statementId) await this.requireStatement(repos, scope.case.id, input.statementId, '/statementId');
      const f = await repos.places.createFigure({
        id: this.deps.ids.uuid(), case_id: scope.case.id, label: input.label,
        value: input.value === undefined ? null : String(input.value), low: input.low === undefined ? null : String(input.low),
        high: input.high === undefined ? null : String(input.high), qualifier: input.qualifier ?? 'exact', unit: input.unit,
        period_from: input.periodFrom ?? null, period_to: input.periodTo ?? null, source_id: input.sourceId ?? null,
        statement_id: input.statementId ?? null, method: input.method ?? '', is_demo: opts.isDemo ?? false,
      });
      const out = presentFigure(f);
      await audit(repos, this.deps, actor, { action: 'figure.created', entityType: 'figure', entityId: f.id, caseId: scope.case.id, after: out });
      return out;
    });
  }

  async listFigures(scope: CaseScope): Promise<Figure[]> {
    return (await this.deps.store.repos.places.listFigures(scope.case.id)).map(presentFigure);
  }

  /** Corrects a source; the audit trail keeps what it said before. */
  async updateSource(actor: Actor, scope: CaseScope, id: string, input: Static<typeof UpdateSourceBody>): Promise<Source> {
    return this.deps.store.transaction(async (repos) => {
      const before = await repos.sources.get(scope.case.id, id);
      if (!before) throw notFound('source.not_found', `no source ${id} in this case`);
      const s = await repos.sources.update(id, {
        ...(input.kind !== undefined ? { kind: input.kind } : {}), ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.platform !== undefined ? { platform: input.platform } : {}), ...(input.handle !== undefined ? { handle: input.handle } : {}),
        ...(input.url !== undefined ? { url: input.url } : {}), ...(input.description !== undefined ? { description: input.description } : {}),
        updated_at: this.deps.clock.now(),
      });
      const out = presentSource(s);
      await audit(repos, this.deps, actor, { action: 'source.updated', entityType: 'source', entityId: id, caseId: scope.case.id, before: presentSource(before), after: out });
      return out;
    });
  }

  /** Corrects a statement (its text, language, time as given, URL or quote). */
  async updateStatement(actor: Actor, scope: CaseScope, id: string, input: Static<typeof UpdateStatementBody>): Promise<Statement> {
    const zone = scope.case.time_zone;
    const stated = input.stated ? readWhen(input.stated, zone, '/stated') : null;
    return this.deps.store.transaction(async (repos) => {
      const before = await repos.sources.getStatement(scope.case.id, id);
      if (!before) throw notFound('statement.not_found', `no statement ${id} in this case`);
      const s = await repos.sources.updateStatement(id, {
        ...(input.text !== undefined ? { text: input.text } : {}), ...(input.language !== undefined ? { language: input.language } : {}),
        ...(stated ? { stated_at: stated.at, stated_time_zone: stated.timeZone, stated_precision: stated.precision, stated_as_written: stated.asWritten } : {}),
        ...(input.url !== undefined ? { url: input.url } : {}), ...(input.quote !== undefined ? { quote: input.quote } : {}),
        updated_at: this.deps.clock.now(),
      });
      const out = presentStatement(s, zone);
      await audit(repos, this.deps, actor, { action: 'statement.updated', entityType: 'statement', entityId: id, caseId: scope.case.id, before: presentStatement(before, zone), after: out });
      return out;
    });
  }

  /** Records how a search went on: its end, its result, notes. */
  async updateSweep(actor: Actor, scope: CaseScope, id: string, input: Static<typeof UpdateSweepBody>): Promise<Sweep> {
    const zone = scope.case.time_zone;
    const started = input.started ? readWhen(input.started, zone, '/started') : null;
    const ended = input.ended ? readWhen(input.ended, zone, '/ended') : null;
    return this.deps.store.transaction(async (repos) => {
      const before = await repos.places.getSweep(scope.case.id, id);
      if (!before) throw notFound('sweep.not_found', `no sweep ${id} in this case`);
      const startAt = started?.at ?? before.started_at;
      const endAt = ended?.at ?? before.ended_at;
      if (startAt && endAt && endAt < startAt) {
        throw invalid('validation.time_order', 'a sweep cannot end before it started', { issues: [{ field: ended ? '/ended/at' : '/started/at', message: 'end before start' }] });
      }
      if (input.sourceId) await this.requireSource(repos, scope.case.id, input.sourceId, '/sourceId');
      if (input.statementId) await this.requireStatement(repos, scope.case.id, input.statementId, '/statementId');
      const s = await repos.places.updateSweep(id, {
        ...(started ? { started_at: started.at, started_precision: started.precision } : {}),
        ...(ended ? { ended_at: ended.at, ended_precision: ended.precision } : {}),
        ...(started?.timeZone || ended?.timeZone ? { time_zone: started?.timeZone ?? ended?.timeZone ?? null } : {}),
        ...(input.result !== undefined ? { result: input.result } : {}), ...(input.notes !== undefined ? { notes: input.notes } : {}),
        ...(input.team !== undefined ? { team: input.team } : {}), ...(input.sourceId !== undefined ? { source_id: input.sourceId } : {}),
        ...(input.statementId !== undefined ? { statement_id: input.statementId } : {}),
        updated_at: this.deps.clock.now(),
      });
      const out = presentSweep(s, zone);
      await audit(repos, this.deps, actor, { action: 'sweep.updated', entityType: 'sweep', entityId: id, caseId: scope.case.id, before: presentSweep(before, zone), after: out });
      return out;
    });
  }

  async getSource(scope: CaseScope, id: string): Promise<Source> {
    const s = await this.deps.store.repos.sources.get(scope.case.id, id);
    if (!s) throw notFound('source.not_found', `no source ${id}`);
    return presentSource(s);
  }
}
