import { ROLE_PERMISSIONS, type CaseRule, type CaseScope } from '#src/platform/access.ts';
import type { Actor, Context } from '#src/platform/context.ts';
import { forbidden, invalid, notFound } from '#src/platform/errors.ts';
import { isCaseRef } from '#src/platform/schemas.ts';
import { CaseRepository } from './case.repository.ts';
import { MembershipRepository } from './membership.repository.ts';

/**
 * Decides a case rule. Case content is visible only through a membership: an installation
 * administrator manages users and cases, and joins a case (audited) to see it. Someone who is not
 * a member is told the case does not exist, so case slugs do not leak to outsiders.
 */
export async function authorizeCase(
  ctx: Context,
  actor: Actor,
  rule: CaseRule,
  caseRef: string,
): Promise<CaseScope> {
  // The access decision comes before validation, so the reference is checked here, before any
  // lookup: the caller is signed in, and a malformed reference says nothing about which cases exist.
  if (!isCaseRef(caseRef)) {
    throw invalid('validation.params', '/caseId: not a case id or slug', {
      issues: [{ field: '/caseId', message: 'letters, digits and - only, at most 64' }],
    });
  }
  const c = await ctx.repo(CaseRepository).find(caseRef);
  if (!c || actor.userId === null) throw notFound('case.not_found', `no case "${caseRef}"`);
  const m = await ctx.repo(MembershipRepository).find(c.id, actor.userId);
  if (
    rule.kind === 'case_or_admin' &&
    actor.isAdmin &&
    (!m || !ROLE_PERMISSIONS[m.role].includes(rule.permission))
  ) {
    return { case: c, role: m?.role ?? null };
  }
  if (!m) throw notFound('case.not_found', `no case "${caseRef}"`);
  if (!ROLE_PERMISSIONS[m.role].includes(rule.permission)) {
    if (rule.permission.startsWith('person.'))
      await recordDenied(ctx.as(actor), c.id, rule.permission, m.role);
    throw forbidden('auth.role', `your role in this case (${m.role}) does not allow ${rule.permission}`);
  }
  return { case: c, role: m.role };
}

/**
 * Records a refused attempt on persons (the registry's data): in a transaction of its own, so
 * that it stays when the request fails. Called where the refusal is decided, outside the
 * request's own transaction.
 */
export async function recordDenied(
  ctx: Context,
  caseId: string,
  permission: string,
  role: string,
): Promise<void> {
  await ctx.transaction(async (tx) => {
    tx.audit({
      action: 'access.denied',
      entityType: 'access',
      entityId: null,
      caseId,
      after: { permission, role },
    });
  });
}
