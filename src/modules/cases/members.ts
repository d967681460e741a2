import type { CaseScope, Role } from '#src/platform/access.ts';
import type { Context } from '#src/platform/context.ts';
import { notFound } from '#src/platform/errors.ts';
import { cursorCodec, pageSize, presentPage, type PageRequest } from '#src/platform/pagination.ts';
import { requireUser, usersById } from '#src/modules/accounts/index.ts';
import { requireCase } from './cases.ts';
import { MembershipRepository } from './membership.repository.ts';
import type { Membership } from './schemas.ts';

const memberCursor = cursorCodec('members', ['instant', 'uuid']);

/** A case's members in the order they joined, with their names. */
export async function listMembers(
  ctx: Context,
  scope: CaseScope,
  page: PageRequest,
): Promise<{ members: Membership[]; nextCursor: string | null }> {
  const rows = await ctx.repo(MembershipRepository).page(scope.case.id, {
    limit: pageSize(page),
    ...(page.cursor ? { after: memberCursor.decode(page.cursor) } : {}),
  });
  const users = await usersById(
    ctx,
    rows.rows.map((m) => m.user_id),
  );
  const { items, nextCursor } = presentPage(
    rows,
    memberCursor,
    (m) => [m.created_at, m.user_id],
    (m) => {
      const u = users.get(m.user_id);
      return {
        userId: m.user_id,
        username: u?.username ?? '',
        displayName: u?.displayName ?? '',
        role: m.role,
        since: m.created_at.toISOString(),
      };
    },
  );
  return { members: items, nextCursor };
}

/**
 * Adds or changes a member. Case admins manage their case; an installation admin may too (that
 * is how an admin joins a case: audited like any other change).
 */
export async function setMember(
  ctx: Context,
  caseRef: string,
  username: string,
  role: Role,
): Promise<Membership> {
  const c = await requireCase(ctx, caseRef);
  const u = await requireUser(ctx, username);
  const memberships = ctx.repo(MembershipRepository);
  const before = await memberships.find(c.id, u.id);
  const m = await memberships.set(c.id, u.id, role);
  ctx.audit({
    action: 'membership.set',
    entityType: 'membership',
    entityId: `${c.id}:${u.id}`,
    caseId: c.id,
    before: before ? { userId: u.id, role: before.role } : null,
    after: { userId: u.id, role },
  });
  return {
    userId: u.id,
    username: u.username,
    displayName: u.display_name,
    role: m.role,
    since: m.created_at.toISOString(),
  };
}

export async function removeMember(ctx: Context, caseRef: string, username: string): Promise<void> {
  const c = await requireCase(ctx, caseRef);
  const u = await requireUser(ctx, username);
  const memberships = ctx.repo(MembershipRepository);
  const before = await memberships.find(c.id, u.id);
  if (!before) throw notFound('membership.not_found', `${username} is not a member of ${c.slug}`);
  await memberships.remove(c.id, u.id);
  ctx.audit({
    action: 'membership.removed',
    entityType: 'membership',
    entityId: `${c.id}:${u.id}`,
    caseId: c.id,
    before: { userId: u.id, role: before.role },
  });
}

/** A user's role in a case, or null when they are not a member. */
export async function roleOf(ctx: Context, caseId: string, userId: string | null): Promise<Role | null> {
  return userId ? ((await ctx.repo(MembershipRepository).find(caseId, userId))?.role ?? null) : null;
}
