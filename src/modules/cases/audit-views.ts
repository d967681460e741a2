import { auditView, WHEN_VIEW } from '#src/platform/audit/audit-view.ts';

export const caseAuditViews = [
  auditView('case', {
    id: 'value',
    slug: 'value',
    title: 'value',
    description: 'value',
    timeZone: 'value',
    eventStart: WHEN_VIEW,
    isDemo: 'value',
    role: 'value',
    createdAt: 'value',
  }),
  auditView('membership', { userId: 'value', role: 'value' }),
  /** A refused use of a permission that guards persons (who tried, in which role, for what). */
  auditView('access', { permission: 'value', role: 'value' }),
];
