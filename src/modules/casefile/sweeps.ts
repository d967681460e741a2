import type { Static } from '@sinclair/typebox';
import type { CaseScope } from '#src/platform/access.ts';
import type { Context } from '#src/platform/context.ts';
import { invalid, notFound } from '#src/platform/errors.ts';
import { cursorCodec, pageSize, presentPage, type PageRequest } from '#src/platform/pagination.ts';
import { readWhen } from '#src/platform/when.ts';
import { PlaceRepository } from './place.repository.ts';
import { presentSweep } from './present.ts';
import { requirePlace, requireSource, requireStatement } from './references.ts';
import type { CreateSweepBody, ListOrder, Sweep, UpdateSweepBody } from './schemas.ts';

function endBeforeStart(field: string) {
  return invalid('validation.time_order', 'a sweep cannot end before it started', {
    issues: [{ field, message: 'end before start' }],
  });
}

/** Records a search of a place: who, when, with what result (`ongoing` until it ends). */
export async function addSweep(
  ctx: Context,
  scope: CaseScope,
  input: Static<typeof CreateSweepBody>,
  opts: { isDemo?: boolean } = {},
): Promise<Sweep> {
  const zone = scope.case.time_zone;
  const started = input.started ? readWhen(input.started, zone, '/started') : null;
  const ended = input.ended ? readWhen(input.ended, zone, '/ended') : null;
  if (started && ended && ended.at < started.at) throw endBeforeStart('/ended/at');
  await requirePlace(ctx, scope.case.id, input.placeId, '/placeId');
  if (input.sourceId) await requireSource(ctx, scope.case.id, input.sourceId, '/sourceId');
  if (input.statementId) await requireStatement(ctx, scope.case.id, input.statementId, '/statementId');
  const s = await ctx.repo(PlaceRepository).createSweep({
    id: ctx.ids.uuid(),
    case_id: scope.case.id,
    place_id: input.placeId,
    source_id: input.sourceId ?? null,
    team: input.team ?? null,
    started_at: started?.at ?? null,
    started_precision: started?.precision ?? null,
    ended_at: ended?.at ?? null,
    ended_precision: ended?.precision ?? null,
    time_zone: started?.timeZone ?? ended?.timeZone ?? null,
    result: input.result,
    notes: input.notes ?? '',
    statement_id: input.statementId ?? null,
    is_demo: opts.isDemo ?? false,
  });
  const out = presentSweep(s, zone);
  ctx.audit({
    action: 'sweep.created',
    entityType: 'sweep',
    entityId: s.id,
    caseId: scope.case.id,
    after: out,
  });
  return out;
}

const sweepCursor = cursorCodec('sweeps', ['instant?', 'uuid']);
const newestSweepCursor = cursorCodec('sweeps.newest', ['instant?', 'uuid']);

export async function listSweeps(
  ctx: Context,
  scope: CaseScope,
  page: PageRequest & { order?: ListOrder | undefined },
): Promise<{ sweeps: Sweep[]; nextCursor: string | null }> {
  const newestFirst = page.order === 'newest';
  const codec = newestFirst ? newestSweepCursor : sweepCursor;
  const rows = await ctx.repo(PlaceRepository).sweepPage(scope.case.id, {
    limit: pageSize(page),
    newestFirst,
    ...(page.cursor ? { after: codec.decode(page.cursor) } : {}),
  });
  const { items, nextCursor } = presentPage(
    rows,
    codec,
    (s) => [s.started_at, s.id],
    (s) => presentSweep(s, scope.case.time_zone),
  );
  return { sweeps: items, nextCursor };
}

/** Records how a search went on: its end, its result, notes. */
export async function updateSweep(
  ctx: Context,
  scope: CaseScope,
  id: string,
  input: Static<typeof UpdateSweepBody>,
): Promise<Sweep> {
  const zone = scope.case.time_zone;
  const started = input.started ? readWhen(input.started, zone, '/started') : null;
  const ended = input.ended ? readWhen(input.ended, zone, '/ended') : null;
  const sweeps = ctx.repo(PlaceRepository);
  const before = await sweeps.getSweep(scope.case.id, id);
  if (!before) throw notFound('sweep.not_found', `no sweep ${id} in this case`);
  const startAt = started?.at ?? before.started_at;
  const endAt = ended?.at ?? before.ended_at;
  if (startAt && endAt && endAt < startAt) throw endBeforeStart(ended ? '/ended/at' : '/started/at');
  if (input.sourceId) await requireSource(ctx, scope.case.id, input.sourceId, '/sourceId');
  if (input.statementId) await requireStatement(ctx, scope.case.id, input.statementId, '/statementId');
  const s = await sweeps.updateSweep(id, {
    ...(started ? { started_at: started.at, started_precision: started.precision } : {}),
    ...(ended ? { ended_at: ended.at, ended_precision: ended.precision } : {}),
    ...(started?.timeZone || ended?.timeZone
      ? { time_zone: started?.timeZone ?? ended?.timeZone ?? null }
      : {}),
    ...(input.result !== undefined ? { result: input.result } : {}),
    ...(input.notes !== undefined ? { notes: input.notes } : {}),
    ...(input.team !== undefined ? { team: input.team } : {}),
    ...(input.sourceId !== undefined ? { source_id: input.sourceId } : {}),
    ...(input.statementId !== undefined ? { statement_id: input.statementId } : {}),
    updated_at: ctx.clock.now(),
  });
  const out = presentSweep(s, zone);
  ctx.audit({
    action: 'sweep.updated',
    entityType: 'sweep',
    entityId: id,
    caseId: scope.case.id,
    before: presentSweep(before, zone),
    after: out,
  });
  return out;
}
