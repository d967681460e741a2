import type { Context } from '#src/platform/context.ts';
import { invalid } from '#src/platform/errors.ts';
import { FigureRepository } from './figure.repository.ts';
import { PlaceRepository, type PlaceRow } from './place.repository.ts';
import { SourceRepository, type SourceRow, type StatementRow } from './source.repository.ts';

/** A reference that names nothing in this case: a 400 naming the field. */
function unknown(kind: string, id: string, field: string) {
  return invalid('validation.reference', `no ${kind} ${id} in this case`, {
    issues: [{ field, message: `unknown ${kind}` }],
  });
}

export async function requireSource(
  ctx: Context,
  caseId: string,
  id: string,
  field: string,
): Promise<SourceRow> {
  const s = await ctx.repo(SourceRepository).get(caseId, id);
  if (!s) throw unknown('source', id, field);
  return s;
}

export async function requireStatement(
  ctx: Context,
  caseId: string,
  id: string,
  field: string,
): Promise<StatementRow> {
  const s = await ctx.repo(SourceRepository).getStatement(caseId, id);
  if (!s) throw unknown('statement', id, field);
  return s;
}

export async function requirePlace(
  ctx: Context,
  caseId: string,
  id: string,
  field: string,
): Promise<PlaceRow> {
  const p = await ctx.repo(PlaceRepository).get(caseId, id);
  if (!p) throw unknown('place', id, field);
  return p;
}

/** Whether the case has a place of this id (a reference to keep or leave out, not to refuse). */
export async function placeExists(ctx: Context, caseId: string, id: string): Promise<boolean> {
  return !!(await ctx.repo(PlaceRepository).get(caseId, id));
}

/** Kinds of case-file records that other records (claims' evidence) may point at. */
export type CaseFileRecord = 'statement' | 'sweep' | 'figure';

/** Whether a statement, sweep or figure of this id exists in the case. */
export async function caseFileRecordExists(
  ctx: Context,
  caseId: string,
  kind: CaseFileRecord,
  id: string,
): Promise<boolean> {
  switch (kind) {
    case 'statement':
      return !!(await ctx.repo(SourceRepository).getStatement(caseId, id));
    case 'sweep':
      return !!(await ctx.repo(PlaceRepository).getSweep(caseId, id));
    case 'figure':
      return !!(await ctx.repo(FigureRepository).get(caseId, id));
  }
}

/** The case's sources with these ids, by id (claimants of published verdicts). */
export async function sourcesById(
  ctx: Context,
  caseId: string,
  ids: readonly string[],
): Promise<Map<string, SourceRow>> {
  return new Map((await ctx.repo(SourceRepository).byIds(caseId, [...new Set(ids)])).map((s) => [s.id, s]));
}
