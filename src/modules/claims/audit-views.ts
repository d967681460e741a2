import { auditView, list } from '#src/platform/audit/audit-view.ts';

const when = {
  at: 'value',
  timeZone: 'value',
  precision: 'value',
  local: 'value',
  asWritten: 'value',
} as const;
const evidence = {
  id: 'value',
  stance: 'value',
  targetType: 'value',
  targetId: 'value',
  note: 'value',
  createdAt: 'value',
} as const;

/** What the audit trail records of claims: the claim as the API shows it, its evidence, and its verdict's course. */
export const claimAuditViews = [
  auditView('claim', {
    id: 'value',
    caseId: 'value',
    text: 'value',
    language: 'value',
    firstSeen: when,
    appearanceUrl: 'value',
    claimantSourceId: 'value',
    status: 'value',
    verdict: 'value',
    rating: 'value',
    ratingOverridden: 'value',
    summary: 'value',
    reviewedBy: 'value',
    reviewedAt: 'value',
    verdictAsOf: when,
    publishedAt: 'value',
    publicUrl: 'value',
    authorName: 'value',
    evidence: list(evidence),
    isDemo: 'value',
    createdAt: 'value',
  }),
];
