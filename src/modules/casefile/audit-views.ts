import { auditView, list } from '#src/platform/audit/audit-view.ts';

const when = { at: 'value', timeZone: 'value', precision: 'value', local: 'value', asWritten: 'value' } as const;

/** What the audit trail records of the case file: each entry as the API shows it. */
export const caseFileAuditViews = [
  auditView('source', {
    id: 'value', caseId: 'value', kind: 'value', name: 'value', platform: 'value', handle: 'value', url: 'value', description: 'value', isDemo: 'value',
  }),
  auditView('statement', {
    id: 'value', caseId: 'value', sourceId: 'value', text: 'value', language: 'value', stated: when, url: 'value', quote: 'value', isDemo: 'value',
  }),
  auditView('place', {
    id: 'value', caseId: 'value', kind: 'value', parentId: 'value', names: list({ lang: 'value', name: 'value' }),
    coordinates: { latitude: 'value', longitude: 'value', precisionM: 'value', approximate: 'value' }, description: 'value', isDemo: 'value',
  }),
  auditView('sweep', {
    id: 'value', caseId: 'value', placeId: 'value', sourceId: 'value', team: 'value', started: when, ended: when, result: 'value', notes: 'value',
    statementId: 'value', isDemo: 'value',
  }),
  auditView('figure', {
    id: 'value', caseId: 'value', label: 'value', value: 'value', low: 'value', high: 'value', qualifier: 'value', unit: 'value',
    period: { from: 'value', to: 'value' }, sourceId: 'value', statementId: 'value', method: 'value', isDemo: 'value',
  }),
];
