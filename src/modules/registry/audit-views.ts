import { auditView } from '#src/platform/audit/audit-view.ts';

/**
 * What the audit trail records of the registry. The chain cannot be edited, and a person's data
 * must be erasable: so of a person only the id and the case are recorded as values, every other
 * field only as changed or not; of an event, which records it points at (ids), everything it says
 * (kind, date, certainty, source, notes) only as changed; of a search or a list,
 * how many results it gave (never the query: it is a name).
 */
export const registryAuditViews = [
  auditView('person', {
    id: 'value',
    caseId: 'value',
    externalId: 'protected',
    names: 'protected',
    aliases: 'protected',
    sex: 'protected',
    birth: 'protected',
    birthplace: 'protected',
    description: 'protected',
    photoMediaId: 'protected',
    status: 'protected',
    isDemo: 'value',
  }),
  auditView('person_event', {
    id: 'value',
    personId: 'value',
    kind: 'protected',
    date: 'protected',
    placeId: 'protected',
    source: 'protected',
    sourceId: 'value',
    certainty: 'protected',
    evidence: 'protected',
    notes: 'protected',
  }),
  auditView('person_search', { results: 'value', candidates: 'value' }),
  /**
   * An inquiry: its id, channel and the states of its contact details and of the inquiry; the
   * sought person's names, the relation and the details only as changed. The contact details
   * themselves are never handed to the trail (not even sealed).
   */
  auditView('inquiry', {
    id: 'value',
    caseId: 'value',
    channel: 'value',
    names: 'protected',
    relation: 'protected',
    details: 'protected',
    contact: 'value',
    status: 'value',
  }),
  auditView('inquiry_list', { results: 'value' }),
  /** A reading of contact details: which inquiry, what it held, and that a reason was given. */
  auditView('inquiry_contact', { inquiryId: 'value', state: 'value', reason: 'protected' }),
  auditView('inquiry_match', {
    inquiryId: 'value',
    personId: 'value',
    score: 'value',
    eventId: 'value',
    taskId: 'value',
  }),
  auditView('inquiry_batch', { inquiries: 'value', suggested: 'value' }),
  auditView('registry_task', { id: 'value', inquiryId: 'value', personId: 'value', reason: 'value' }),
  auditView('public_inquiry_desk', { caseId: 'value', open: 'value' }),
  auditView('person_list', { results: 'value' }),
  /** A link between two records: which, how and how sure; its note only as changed. */
  auditView('person_link', {
    id: 'value',
    personA: 'value',
    personB: 'value',
    kind: 'value',
    certainty: 'value',
    note: 'protected',
  }),
  /** A release list: its file by SHA-256, how many lines, how many found candidates (never its names). */
  auditView('release_list', {
    id: 'value',
    sha256: 'value',
    lines: 'value',
    matched: 'value',
    inquiries: 'value',
    eventKind: 'value',
  }),
  auditView('release_decision', { listId: 'value', line: 'value', personId: 'value', eventId: 'value' }),
  /** An export of persons: the format, how many, the file's SHA-256 (never its rows). */
  auditView('person_export', {
    id: 'value',
    format: 'value',
    persons: 'value',
    sha256: 'value',
    size: 'value',
  }),
  /** An import: the file by its SHA-256 (its rows are persons: never in the trail), and the counts. */
  auditView('person_import', {
    id: 'value',
    sha256: 'value',
    encoding: 'value',
    bytes: 'value',
    rows: 'value',
    accepted: 'value',
    rejected: 'value',
    duplicates: 'value',
    created: 'value',
    updated: 'value',
    dryRun: 'value',
  }),
];
