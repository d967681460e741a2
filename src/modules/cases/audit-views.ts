import { auditView } from '#src/platform/audit/audit-view.ts';

const when = {
  at: 'value',
  timeZone: 'value',
  precision: 'value',
  local: 'value',
  asWritten: 'value',
} as const;

export const caseAuditViews = [
  auditView('case', {
    id: 'value',
    slug: 'value',
    title: 'value',
    description: 'value',
    timeZone: 'value',
    eventStart: when,
    isDemo: 'value',
    role: 'value',
    createdAt: 'value',
  }),
  auditView('membership', { userId: 'value', role: 'value' }),
];
