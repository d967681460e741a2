import type { Static } from '@sinclair/typebox';
import type { CaseScope } from '#src/platform/access.ts';
import type { Context } from '#src/platform/context.ts';
import { notFound } from '#src/platform/errors.ts';
import { cursorCodec, pageSize, presentPage, type PageRequest } from '#src/platform/pagination.ts';
import { readWhen, validZoneOrThrow } from '#src/platform/when.ts';
import { CaseRepository, slugTaken, type CaseRow } from './case.repository.ts';
import { MembershipRepository } from './membership.repository.ts';
import { presentCase } from './present.ts';
import type { Case, CreateCaseBody, UpdateCaseBody } from './schemas.ts';

/** Creates a case; its creator becomes its admin. */
export async function createCase(
  ctx: Context,
  input: Static<typeof CreateCaseBody>,
  opts: { isDemo?: boolean } = {},
): Promise<Case> {
  const timeZone = validZoneOrThrow(input.timeZone, '/timeZone');
  const cases = ctx.repo(CaseRepository);
  if (await cases.find(input.slug)) throw slugTaken(input.slug);
  const start = input.eventStart ? readWhen(input.eventStart, timeZone, '/eventStart') : null;
  const c = await cases.create({
    id: ctx.ids.uuid(),
    slug: input.slug,
    title: input.title,
    description: input.description ?? '',
    time_zone: timeZone,
    event_start: start?.at ?? null,
    event_start_precision: start?.precision ?? null,
    is_demo: opts.isDemo ?? false,
  });
  ctx.audit({
    action: 'case.created',
    entityType: 'case',
    entityId: c.id,
    caseId: c.id,
    after: presentCase(c, null),
  });
  const { userId } = ctx.actor;
  if (userId) {
    await ctx.repo(MembershipRepository).set(c.id, userId, 'admin');
    ctx.audit({
      action: 'membership.set',
      entityType: 'membership',
      entityId: `${c.id}:${userId}`,
      caseId: c.id,
      after: { userId, role: 'admin' },
    });
  }
  return presentCase(c, userId ? 'admin' : null);
}

/**
 * Corrects a case's title, description, time zone or start (null: unknown). Records keep the
 * zone their source gave; the case's zone is the default for what was given without one, and
 * where the case is shown.
 */
export async function updateCase(
  ctx: Context,
  scope: CaseScope,
  input: Static<typeof UpdateCaseBody>,
): Promise<Case> {
  const before = scope.case;
  const timeZone =
    input.timeZone === undefined ? before.time_zone : validZoneOrThrow(input.timeZone, '/timeZone');
  const start = input.eventStart ? readWhen(input.eventStart, timeZone, '/eventStart') : input.eventStart;
  const c = await ctx.repo(CaseRepository).update(before.id, {
    ...(input.title !== undefined ? { title: input.title } : {}),
    ...(input.description !== undefined ? { description: input.description } : {}),
    time_zone: timeZone,
    ...(start !== undefined
      ? { event_start: start?.at ?? null, event_start_precision: start?.precision ?? null }
      : {}),
    updated_at: ctx.clock.now(),
  });
  const out = presentCase(c, scope.role);
  ctx.audit({
    action: 'case.updated',
    entityType: 'case',
    entityId: c.id,
    caseId: c.id,
    before: presentCase(before, scope.role),
    after: out,
  });
  return out;
}

/** A case by id or slug, or undefined (no access check: for use cases that have made their own). */
export async function findCase(ctx: Context, ref: string): Promise<CaseRow | undefined> {
  return ctx.repo(CaseRepository).find(ref);
}

/** The case a scope stands for, as the API shows it. */
export function showCase(scope: CaseScope): Case {
  return presentCase(scope.case, scope.role);
}

const caseCursor = cursorCodec('cases', ['instant', 'uuid']);

/** Cases the actor is a member of (an installation admin sees all, with their role or none). */
export async function listCases(
  ctx: Context,
  page: PageRequest,
): Promise<{ cases: Case[]; nextCursor: string | null }> {
  const { actor } = ctx;
  if (!actor.isAdmin && !actor.userId) return { cases: [], nextCursor: null };
  const limit = pageSize(page);
  const after = page.cursor ? caseCursor.decode(page.cursor) : undefined;
  const rows = await ctx
    .repo(CaseRepository)
    .page({ memberId: actor.isAdmin ? null : actor.userId, limit, ...(after ? { after } : {}) });
  // An installation administrator sees every case, with their own role where they are a member.
  const roles =
    actor.isAdmin && actor.userId
      ? await ctx.repo(MembershipRepository).rolesOf(
          actor.userId,
          rows.rows.map((c) => c.id),
        )
      : new Map<string, string>();
  const { items, nextCursor } = presentPage(
    rows,
    caseCursor,
    (c) => [c.created_at, c.id],
    (c) => presentCase(c, actor.isAdmin ? (roles.get(c.id) ?? null) : c.role),
  );
  return { cases: items, nextCursor };
}

/** Ids of the cases a user is a member of (for searches across the cases they can see). */
export async function caseIdsOf(ctx: Context, userId: string | null): Promise<string[]> {
  return userId ? ctx.repo(MembershipRepository).caseIdsOf(userId) : [];
}

/** The slugs of these cases, by id (for lists that name the cases a reader may see). */
export async function caseSlugs(ctx: Context, ids: readonly string[]): Promise<Map<string, string>> {
  return new Map((await ctx.repo(CaseRepository).byIds([...new Set(ids)])).map((c) => [c.id, c.slug]));
}

/** A case that must exist (member management by installation administrators). */
export async function requireCase(ctx: Context, ref: string): Promise<CaseRow> {
  const c = await findCase(ctx, ref);
  if (!c) throw notFound('case.not_found', `no case "${ref}"`);
  return c;
}
