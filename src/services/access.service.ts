import type { Role } from '#src/db/schema.ts';
import { forbidden, notFound, unauthenticated } from '#src/errors.ts';
import type { Actor, CaseScope, ServiceDeps } from './context.ts';

/**
 * Access decisions, in one place. Every HTTP route declares an `AccessRule`; routes without
 * one are refused (default deny). Case content is visible only through a membership: an
 * installation administrator manages users and cases, and joins a case (audited) to see it.
 */
export type Permission =
  | 'case.read' // case file: sources, statements, claims, places, sweeps, figures, timeline
  | 'case.write' // add and edit case-file entries
  | 'claim.review' // set verdicts, publish
  | 'case.manage' // members and case settings
  | 'person.read' // registry of persons and inquiries (later issues)
  | 'person.write'
  | 'audit.read';

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: ['case.read', 'case.write', 'claim.review', 'case.manage', 'person.read', 'person.write', 'audit.read'],
  editor: ['case.read', 'case.write'],
  reviewer: ['case.read', 'case.write', 'claim.review'],
  caseworker: ['case.read', 'person.read', 'person.write'],
  viewer: ['case.read'],
};

export type AccessRule =
  | { kind: 'public' }
  /** any signed-in user, including one who must still change their password */
  | { kind: 'authenticated'; allowPasswordChange?: boolean }
  | { kind: 'installation_admin' }
  | { kind: 'case'; permission: Permission }
  /** a case permission, or an installation administrator (how an admin joins a case: audited) */
  | { kind: 'case_or_admin'; permission: Permission };

export class AccessService {
  constructor(private readonly deps: ServiceDeps) {}

  /** Throws unless `actor` may do what `rule` guards; for case rules returns the case and role. */
  async authorize(actor: Actor | null, rule: AccessRule, caseRef?: string): Promise<CaseScope | null> {
    if (rule.kind === 'public') return null;
    if (!actor) throw unauthenticated('auth.required', 'sign in or present an API token');
    if (actor.mustChangePassword && !(rule.kind === 'authenticated' && rule.allowPasswordChange)) {
      throw forbidden('auth.password_change_required', 'change your one-time password first (POST /api/auth/password)');
    }
    switch (rule.kind) {
      case 'authenticated':
        return null;
      case 'installation_admin':
        if (!actor.isAdmin) throw forbidden('auth.admin_only', 'only an installation administrator may do this');
        return null;
      case 'case':
      case 'case_or_admin': {
        if (caseRef === undefined) throw forbidden('auth.no_case', 'this route needs a case');
        const c = await this.deps.store.repos.cases.find(caseRef);
        // Not a member: answer "not found", so case slugs do not leak to outsiders.
        if (!c || actor.userId === null) throw notFound('case.not_found', `no case "${caseRef}"`);
        const m = await this.deps.store.repos.users.membership(c.id, actor.userId);
        if (rule.kind === 'case_or_admin' && actor.isAdmin && (!m || !ROLE_PERMISSIONS[m.role].includes(rule.permission))) {
          return { case: c, role: m?.role ?? null };
        }
        if (!m) throw notFound('case.not_found', `no case "${caseRef}"`);
        if (!ROLE_PERMISSIONS[m.role].includes(rule.permission)) {
          throw forbidden('auth.role', `your role in this case (${m.role}) does not allow ${rule.permission}`);
        }
        return { case: c, role: m.role };
      }
    }
  }
}
