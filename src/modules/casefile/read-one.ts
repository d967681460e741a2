import type { CaseScope } from '#src/platform/access.ts';
import type { Context } from '#src/platform/context.ts';
import { notFound } from '#src/platform/errors.ts';
import { FigureRepository } from './figure.repository.ts';
import { PlaceRepository } from './place.repository.ts';
import { presentFigure, presentPlace, presentSource, presentStatement, presentSweep } from './present.ts';
import type { Figure, Place, Source, Statement, Sweep } from './schemas.ts';
import { SourceRepository } from './source.repository.ts';

/** One record of the case file by id: 404 when it is not in this case (or does not exist). */
function missing(kind: string, id: string) {
  return notFound(`${kind}.not_found`, `no ${kind} ${id} in this case`);
}

export async function getSource(ctx: Context, scope: CaseScope, id: string): Promise<Source> {
  const s = await ctx.repo(SourceRepository).get(scope.case.id, id);
  if (!s) throw missing('source', id);
  return presentSource(s);
}

export async function getStatement(ctx: Context, scope: CaseScope, id: string): Promise<Statement> {
  const s = await ctx.repo(SourceRepository).getStatement(scope.case.id, id);
  if (!s) throw missing('statement', id);
  return presentStatement(s, scope.case.time_zone);
}

export async function getPlace(ctx: Context, scope: CaseScope, id: string): Promise<Place> {
  const p = await ctx.repo(PlaceRepository).get(scope.case.id, id);
  if (!p) throw missing('place', id);
  return presentPlace(p);
}

export async function getSweep(ctx: Context, scope: CaseScope, id: string): Promise<Sweep> {
  const s = await ctx.repo(PlaceRepository).getSweep(scope.case.id, id);
  if (!s) throw missing('sweep', id);
  return presentSweep(s, scope.case.time_zone);
}

export async function getFigure(ctx: Context, scope: CaseScope, id: string): Promise<Figure> {
  const f = await ctx.repo(FigureRepository).get(scope.case.id, id);
  if (!f) throw missing('figure', id);
  return presentFigure(f);
}
