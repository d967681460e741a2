/**
 * Who may do what: the roles a member has in a case, the permissions each role carries, and the
 * access rule every route declares. The checks that need no stored data live here; whether an
 * actor is a member of a case, and in which role, is the cases module's to decide (it implements
 * `CaseAuthorizer`), so case slugs and memberships stay behind one door.
 */
import { forbidden, unauthenticated } from './errors.ts';
import type { Actor } from './context.ts';

/** The roles a member may have in a case. */
export const ROLES = ['admin', 'editor', 'reviewer', 'caseworker', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export type Permission =
  | 'case.read' // case file: sources, statements, claims, places, sweeps, figures, timeline
  | 'case.write' // add and edit case-file entries
  | 'claim.review' // set verdicts, publish
  | 'case.manage' // members and case settings
  | 'person.read' // registry of persons and inquiries (later issues)
  | 'person.write'
  /**
   * Take a case's persons out of athar as one file (CSV, JSON): the case's admins alone — a
   * caseworker reads persons one at a time. Every export is on the audit trail.
   */
  | 'person.export'
  /**
   * Erase protected data (a requester's contact details): destroys its key, irreversibly. The
   * case's admins alone; recorded.
   */
  | 'person.erase'
  | 'audit.read'
  /**
   * Hand a case's evidence out of athar as one package (originals, WARCs, capture records,
   * custody events, time-stamp tokens). Given to those who collect evidence (editors, reviewers)
   * and to case admins; not to viewers or caseworkers, who may see an item but not take its
   * originals away wholesale. Every export is on the audit trail.
   */
  | 'media.export';

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: [
    'case.read',
    'case.write',
    'claim.review',
    'case.manage',
    'person.read',
    'person.write',
    'person.export',
    'person.erase',
    'audit.read',
    'media.export',
  ],
  editor: ['case.read', 'case.write', 'media.export'],
  reviewer: ['case.read', 'case.write', 'claim.review', 'media.export'],
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

export type CaseRule = Extract<AccessRule, { kind: 'case' | 'case_or_admin' }>;

/**
 * The case a case rule was granted for, with the role that granted it. Its fields are declared
 * by the cases module (interface merging, as Fastify's request decorations are), so that every
 * module reads the same case row without the platform knowing the cases table.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by src/modules/cases/case-scope.ts
export interface CaseScope {}

/** Decides a case rule: the case, and the actor's role in it (cases module). */
export interface CaseAuthorizer {
  authorize(actor: Actor, rule: CaseRule, caseRef: string): Promise<CaseScope>;
}

/**
 * The part of an access decision that needs no stored data. Throws unless `actor` may pass
 * `rule`; returns whether a case must still be checked.
 */
export function checkAccess(actor: Actor | null, rule: AccessRule): rule is CaseRule {
  if (rule.kind === 'public') return false;
  if (!actor) throw unauthenticated('auth.required', 'sign in or present an API token');
  if (actor.mustChangePassword && !(rule.kind === 'authenticated' && rule.allowPasswordChange)) {
    throw forbidden(
      'auth.password_change_required',
      'change your one-time password first (POST /api/auth/password)',
    );
  }
  switch (rule.kind) {
    case 'authenticated':
      return false;
    case 'installation_admin':
      if (!actor.isAdmin)
        throw forbidden('auth.admin_only', 'only an installation administrator may do this');
      return false;
    case 'case':
    case 'case_or_admin':
      return true;
  }
}
