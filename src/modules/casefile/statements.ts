import type { Static } from '@sinclair/typebox';
import type { CaseScope } from '#src/platform/access.ts';
import type { Context } from '#src/platform/context.ts';
import { notFound } from '#src/platform/errors.ts';
import { cursorCodec, pageSize, presentPage, type PageRequest } from '#src/platform/pagination.ts';
import { readWhen } from '#src/platform/when.ts';
import { presentStatement } from './present.ts';
import { requireSource } from './references.ts';
import type { CreateStatementBody, ListOrder, Statement, UpdateStatementBody } from './schemas.ts';
import { SourceRepository } from './source.repository.ts';

/** Records what a source said, with the time as the source gave it (zone and precision). */
export async function addStatement(
  ctx: Context,
  scope: CaseScope,
  input: Static<typeof CreateStatementBody>,
  opts: { isDemo?: boolean } = {},
): Promise<Statement> {
  const zone = scope.case.time_zone;
  const stated = input.stated ? readWhen(input.stated, zone, '/stated') : null;
  await requireSource(ctx, scope.case.id, input.sourceId, '/sourceId');
  const s = await ctx.repo(SourceRepository).createStatement({
    id: ctx.ids.uuid(),
    case_id: scope.case.id,
    source_id: input.sourceId,
    text: input.text,
    language: input.language,
    stated_at: stated?.at ?? null,
    stated_time_zone: stated?.timeZone ?? null,
    stated_precision: stated?.precision ?? null,
    stated_as_written: stated?.asWritten ?? null,
    url: input.url ?? null,
    quote: input.quote ?? null,
    is_demo: opts.isDemo ?? false,
  });
  const out = presentStatement(s, zone);
  ctx.audit({
    action: 'statement.created',
    entityType: 'statement',
    entityId: s.id,
    caseId: scope.case.id,
    after: out,
  });
  return out;
}

const statementCursor = cursorCodec('statements', ['instant?', 'uuid']);
// Its own name: a cursor of one order is refused by the other.
const newestStatementCursor = cursorCodec('statements.newest', ['instant?', 'uuid']);

/** Statements in the order they were made (undated last); one source's, or all. */
export async function listStatements(
  ctx: Context,
  scope: CaseScope,
  q: PageRequest & { sourceId?: string | undefined; order?: ListOrder | undefined },
): Promise<{ statements: Statement[]; nextCursor: string | null }> {
  const newestFirst = q.order === 'newest';
  const codec = newestFirst ? newestStatementCursor : statementCursor;
  const rows = await ctx.repo(SourceRepository).statementPage(scope.case.id, {
    sourceId: q.sourceId,
    newestFirst,
    limit: pageSize(q),
    ...(q.cursor ? { after: codec.decode(q.cursor) } : {}),
  });
  const { items, nextCursor } = presentPage(
    rows,
    codec,
    (s) => [s.stated_at, s.id],
    (s) => presentStatement(s, scope.case.time_zone),
  );
  return { statements: items, nextCursor };
}

/** Corrects a statement (its text, language, time as given, URL or quote). */
export async function updateStatement(
  ctx: Context,
  scope: CaseScope,
  id: string,
  input: Static<typeof UpdateStatementBody>,
): Promise<Statement> {
  const zone = scope.case.time_zone;
  const stated = input.stated ? readWhen(input.stated, zone, '/stated') : null;
  const statements = ctx.repo(SourceRepository);
  const before = await statements.getStatement(scope.case.id, id);
  if (!before) throw notFound('statement.not_found', `no statement ${id} in this case`);
  const s = await statements.updateStatement(id, {
    ...(input.text !== undefined ? { text: input.text } : {}),
    ...(input.language !== undefined ? { language: input.language } : {}),
    ...(stated
      ? {
          stated_at: stated.at,
          stated_time_zone: stated.timeZone,
          stated_precision: stated.precision,
          stated_as_written: stated.asWritten,
        }
      : {}),
    ...(input.url !== undefined ? { url: input.url } : {}),
    ...(input.quote !== undefined ? { quote: input.quote } : {}),
    updated_at: ctx.clock.now(),
  });
  const out = presentStatement(s, zone);
  ctx.audit({
    action: 'statement.updated',
    entityType: 'statement',
    entityId: id,
    caseId: scope.case.id,
    before: presentStatement(before, zone),
    after: out,
  });
  return out;
}
