import { auditView, list, WHEN_VIEW } from '#src/platform/audit/audit-view.ts';

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
    firstSeen: WHEN_VIEW,
    appearanceUrl: 'value',
    claimantSourceId: 'value',
    status: 'value',
    verdict: 'value',
    rating: 'value',
    ratingOverridden: 'value',
    summary: 'value',
    reviewedBy: 'value',
    reviewedAt: 'value',
    verdictAsOf: WHEN_VIEW,
    publishedAt: 'value',
    publicUrl: 'value',
    authorName: 'value',
    evidence: list(evidence),
    isDemo: 'value',
    // claim.publication_withdrawn says why.
    withdrawnBecause: 'value',
    // claim.evidence_added records the one link added: its id and time, and these.
    stance: 'value',
    targetType: 'value',
    targetId: 'value',
    note: 'value',
    createdAt: 'value',
  }),
];
