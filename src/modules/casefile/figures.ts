import type { Static } from '@sinclair/typebox';
import type { CaseScope } from '#src/platform/access.ts';
import type { Context } from '#src/platform/context.ts';
import { invalid } from '#src/platform/errors.ts';
import { cursorCodec, pageSize, presentPage, type PageRequest } from '#src/platform/pagination.ts';
import { isPartialDate } from '#src/engines/time/zoned.ts';
import { FigureRepository } from './figure.repository.ts';
import { presentFigure } from './present.ts';
import { requireSource, requireStatement } from './references.ts';
import type { CreateFigureBody, Figure } from './schemas.ts';

/** Records a figure: a value, or a range, with its unit, period, source and method. */
export async function addFigure(
  ctx: Context,
  scope: CaseScope,
  input: Static<typeof CreateFigureBody>,
  opts: { isDemo?: boolean } = {},
): Promise<Figure> {
  const hasValue = input.value !== undefined;
  const hasRange = input.low !== undefined || input.high !== undefined;
  if (hasValue === hasRange || (hasRange && (input.low === undefined || input.high === undefined))) {
    throw invalid('figure.value', 'give either a value, or both low and high', {
      issues: [{ field: hasValue ? '/low' : '/value', message: 'value xor low+high' }],
    });
  }
  if (hasRange && input.low! > input.high!) {
    throw invalid('figure.range', 'low is above high', {
      issues: [{ field: '/low', message: 'greater than high' }],
    });
  }
  for (const [field, date] of [
    ['/periodFrom', input.periodFrom],
    ['/periodTo', input.periodTo],
  ] as const) {
    if (date !== undefined && !isPartialDate(date)) {
      throw invalid('validation.date', `impossible date "${date}"`, {
        issues: [{ field, message: 'not a calendar date' }],
      });
    }
  }
  if (input.periodFrom && input.periodTo && input.periodFrom > input.periodTo) {
    throw invalid('figure.period', 'the period ends before it starts', {
      issues: [{ field: '/periodTo', message: 'before periodFrom' }],
    });
  }
  if (input.sourceId) await requireSource(ctx, scope.case.id, input.sourceId, '/sourceId');
  if (input.statementId) await requireStatement(ctx, scope.case.id, input.statementId, '/statementId');
  const f = await ctx.repo(FigureRepository).create({
    id: ctx.ids.uuid(),
    case_id: scope.case.id,
    label: input.label,
    value: input.value === undefined ? null : String(input.value),
    low: input.low === undefined ? null : String(input.low),
    high: input.high === undefined ? null : String(input.high),
    qualifier: input.qualifier ?? 'exact',
    unit: input.unit,
    period_from: input.periodFrom ?? null,
    period_to: input.periodTo ?? null,
    source_id: input.sourceId ?? null,
    statement_id: input.statementId ?? null,
    method: input.method ?? '',
    is_demo: opts.isDemo ?? false,
  });
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
