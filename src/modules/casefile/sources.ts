import type { Static } from '@sinclair/typebox';
import type { CaseScope } from '#src/platform/access.ts';
import type { Context } from '#src/platform/context.ts';
import { notFound } from '#src/platform/errors.ts';
import { cursorCodec, pageSize, presentPage, type PageRequest } from '#src/platform/pagination.ts';
import { presentSource } from './present.ts';
import type { CreateSourceBody, Source, UpdateSourceBody } from './schemas.ts';
import { SourceRepository } from './source.repository.ts';

/** Records a source: an organisation, outlet, account or person whose statements the case keeps. */
export async function addSource(
  ctx: Context,
  scope: CaseScope,
  input: Static<typeof CreateSourceBody>,
  opts: { isDemo?: boolean } = {},
): Promise<Source> {
  const s = await ctx.repo(SourceRepository).create({
    id: ctx.ids.uuid(),
    case_id: scope.case.id,
    kind: input.kind,
    name: input.name,
    platform: input.platform ?? null,
    handle: input.handle ?? null,
    url: input.url ?? null,
    description: input.description ?? '',
    is_demo: opts.isDemo ?? false,
  });
  const out = presentSource(s);
  ctx.audit({
    action: 'source.created',
    entityType: 'source',
    entityId: s.id,
    caseId: scope.case.id,
    after: out,
  });
  return out;
}

const sourceCursor = cursorCodec('sources', ['text', 'uuid']);

export async function listSources(
  ctx: Context,
  scope: CaseScope,
  page: PageRequest,
): Promise<{ sources: Source[]; nextCursor: string | null }> {
  const rows = await ctx.repo(SourceRepository).page(scope.case.id, {
    limit: pageSize(page),
    ...(page.cursor ? { after: sourceCursor.decode(page.cursor) } : {}),
  });
  const { items, nextCursor } = presentPage(rows, sourceCursor, (s) => [s.name, s.id], presentSource);
  return { sources: items, nextCursor };
}

/**
 * Corrects a source; the audit trail keeps what it said before. Modules that show the source
 * (a published ClaimReview names its claimant) hear of it (`source.updated`) in this unit.
 */
export async function updateSource(
  ctx: Context,
  scope: CaseScope,
  id: string,
  input: Static<typeof UpdateSourceBody>,
): Promise<Source> {
  const sources = ctx.repo(SourceRepository);
  const before = await sources.get(scope.case.id, id);
  if (!before) throw notFound('source.not_found', `no source ${id} in this case`);
  const s = await sources.update(id, {
    ...(input.kind !== undefined ? { kind: input.kind } : {}),
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.platform !== undefined ? { platform: input.platform } : {}),
    ...(input.handle !== undefined ? { handle: input.handle } : {}),
    ...(input.url !== undefined ? { url: input.url } : {}),
    ...(input.description !== undefined ? { description: input.description } : {}),
    updated_at: ctx.clock.now(),
  });
  const out = presentSource(s);
  ctx.audit({
    action: 'source.updated',
    entityType: 'source',
    entityId: id,
    caseId: scope.case.id,
    before: presentSource(before),
    after: out,
  });
  await ctx.emit('source.updated', { caseId: scope.case.id, before: presentSource(before), after: out });
  return out;
}
