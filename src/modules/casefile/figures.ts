import type { Static } from '@sinclair/typebox';
import type { CaseScope } from '#src/platform/access.ts';
import type { Context } from '#src/platform/context.ts';
import { invalid, notFound } from '#src/platform/errors.ts';
import { cursorCodec, pageSize, presentPage, type PageRequest } from '#src/platform/pagination.ts';
import { isPartialDate } from '#src/engines/time/zoned.ts';
import type { FigureQualifier } from './casefile.tables.ts';
import { FigureRepository, type FigureRow } from './figure.repository.ts';
import { presentFigure } from './present.ts';
import { requireSource, requireStatement } from './references.ts';
import type { CreateFigureBody, Figure, UpdateFigureBody } from './schemas.ts';

/** A figure as it will be stored, whether new or corrected. */
interface FigureState {
  label: string;
  value: number | null;
  low: number | null;
  high: number | null;
  qualifier: FigureQualifier;
  unit: string;
  periodFrom: string | null;
  periodTo: string | null;
  sourceId: string | null;
  statementId: string | null;
  method: string;
}

/** The rules a figure keeps, new or corrected: a value or a range, a sound period, references of this case. */
async function checkFigure(ctx: Context, scope: CaseScope, f: FigureState): Promise<void> {
  const hasValue = f.value !== null;
  const hasRange = f.low !== null || f.high !== null;
  if (hasValue === hasRange || (hasRange && (f.low === null || f.high === null))) {
    throw invalid('figure.value', 'give either a value, or both low and high', {
      issues: [{ field: hasValue ? '/low' : '/value', message: 'value xor low+high' }],
    });
  }
  if (hasRange && f.low! > f.high!)
    throw invalid('figure.range', 'low is above high', {
      issues: [{ field: '/low', message: 'greater than high' }],
    });
  for (const [field, date] of [
    ['/periodFrom', f.periodFrom],
    ['/periodTo', f.periodTo],
  ] as const) {
    if (date !== null && !isPartialDate(date)) {
      throw invalid('validation.date', `impossible date "${date}"`, {
        issues: [{ field, message: 'not a calendar date' }],
      });
    }
  }
  if (f.periodFrom && f.periodTo && f.periodFrom > f.periodTo) {
    throw invalid('figure.period', 'the period ends before it starts', {
      issues: [{ field: '/periodTo', message: 'before periodFrom' }],
    });
  }
  if (f.sourceId) await requireSource(ctx, scope.case.id, f.sourceId, '/sourceId');
  if (f.statementId) await requireStatement(ctx, scope.case.id, f.statementId, '/statementId');
}

const num = (v: number | null) => (v === null ? null : String(v));
const columns = (f: FigureState) => ({
  label: f.label,
  value: num(f.value),
  low: num(f.low),
  high: num(f.high),
  qualifier: f.qualifier,
  unit: f.unit,
  period_from: f.periodFrom,
  period_to: f.periodTo,
  source_id: f.sourceId,
  statement_id: f.statementId,
  method: f.method,
});

/** Records a figure: a value, or a range, with its unit, period, source and method. */
export async function addFigure(
  ctx: Context,
  scope: CaseScope,
  input: Static<typeof CreateFigureBody>,
  opts: { isDemo?: boolean } = {},
): Promise<Figure> {
  const state: FigureState = {
    label: input.label,
    value: input.value ?? null,
    low: input.low ?? null,
    high: input.high ?? null,
    qualifier: input.qualifier ?? 'exact',
    unit: input.unit,
    periodFrom: input.periodFrom ?? null,
    periodTo: input.periodTo ?? null,
    sourceId: input.sourceId ?? null,
    statementId: input.statementId ?? null,
    method: input.method ?? '',
  };
  await checkFigure(ctx, scope, state);
  const f = await ctx
    .repo(FigureRepository)
    .create({ id: ctx.ids.uuid(), case_id: scope.case.id, ...columns(state), is_demo: opts.isDemo ?? false });
  const out = presentFigure(f);
  ctx.audit({
    action: 'figure.created',
    entityType: 'figure',
    entityId: f.id,
    caseId: scope.case.id,
    after: out,
  });
  return out;
}

function stateOf(f: FigureRow): FigureState {
  const n = (v: string | null) => (v === null ? null : Number(v));
  return {
    label: f.label,
    value: n(f.value),
    low: n(f.low),
    high: n(f.high),
    qualifier: f.qualifier,
    unit: f.unit,
    periodFrom: f.period_from,
    periodTo: f.period_to,
    sourceId: f.source_id,
    statementId: f.statement_id,
    method: f.method,
  };
}

/**
 * Corrects a figure: any of its fields; null clears one (a value becomes a range by clearing the
 * value and giving low and high). The corrected figure keeps the rules a new one does; the audit
 * trail keeps what it said before.
 */
export async function updateFigure(
  ctx: Context,
  scope: CaseScope,
  id: string,
  input: Static<typeof UpdateFigureBody>,
): Promise<Figure> {
  const figures = ctx.repo(FigureRepository);
  const before = await figures.get(scope.case.id, id);
  if (!before) throw notFound('figure.not_found', `no figure ${id} in this case`);
  const defined = Object.fromEntries(
    Object.entries(input).filter(([, v]) => v !== undefined),
  ) as Partial<FigureState>;
  const state: FigureState = { ...stateOf(before), ...defined };
  await checkFigure(ctx, scope, state);
  const f = await figures.update(id, { ...columns(state), updated_at: ctx.clock.now() });
  const out = presentFigure(f);
  ctx.audit({
    action: 'figure.updated',
    entityType: 'figure',
    entityId: id,
    caseId: scope.case.id,
    before: presentFigure(before),
    after: out,
  });
  return out;
}

const figureCursor = cursorCodec('figures', ['instant', 'uuid']);

export async function listFigures(
  ctx: Context,
  scope: CaseScope,
  page: PageRequest,
): Promise<{ figures: Figure[]; nextCursor: string | null }> {
  const rows = await ctx.repo(FigureRepository).page(scope.case.id, {
    limit: pageSize(page),
    ...(page.cursor ? { after: figureCursor.decode(page.cursor) } : {}),
  });
  const { items, nextCursor } = presentPage(rows, figureCursor, (f) => [f.created_at, f.id], presentFigure);
  return { figures: items, nextCursor };
}
