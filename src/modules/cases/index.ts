/**
 * Cases, memberships and access to them: a case file groups the work of one investigation, and
 * who may see or change it is decided here (`authorizeCase`) for every case route.
 */
import type { AtharModule } from '#src/platform/module.ts';
import { caseAuditViews } from './audit-views.ts';
import { caseRoutes } from './case.routes.ts';
import { caseTimeline } from './timeline.ts';

export { authorizeCase, recordDenied } from './access.ts';
export { caseIdsOf, caseSlugs, createCase, findCase, showCase } from './cases.ts';
export { roleOf, setMember } from './members.ts';
export type { CaseRow } from './case.repository.ts';
export type { CaseScopeFields } from './case-scope.ts';
export { Case, CaseParams } from './schemas.ts';
export type { Membership } from './schemas.ts';

export const casesModule: AtharModule = {
  name: 'cases',
  routes: caseRoutes,
  auditViews: caseAuditViews,
  timeline: caseTimeline,
};
