import { auditView, list } from '#src/platform/audit/audit-view.ts';

const ITEM = {
  id: 'value',
  caseId: 'value',
  sha256: 'value',
  size: 'value',
  name: 'value',
  kind: 'value',
  isDemo: 'value',
  sensitivity: list('value'),
  placeId: 'value',
  // the bytes a range read of the original handed out (media.original_viewed)
  bytes: 'value',
} as const;

/**
 * What the audit trail records of media: each capture (who collected which bytes, when, how, from
 * where, with what the source claimed), each URL capture (what was fetched, from which address, the
 * WARC's hash) and each custody event on an original or a WARC (viewed, downloaded, exported in
 * an evidence package),
 * match decisions, and the blob store's checks. Captures and custody events together are the chain
 * of custody.
 */
export const mediaAuditViews = [
  auditView('media_item', {
    ...ITEM,
    // an original handed out in an evidence package (media.original_exported)
    exportId: 'value',
    capture: {
      id: 'value',
      method: 'value',
      capturedBy: 'value',
      capturedAt: 'value',
      capturedFrom: 'value',
      tool: 'value',
      toolVersion: 'value',
      sha256: 'value',
      fileName: 'value',
      notes: 'value',
      sourceUrl: 'value',
      platform: 'value',
      account: 'value',
      title: 'value',
      postedAt: 'value',
    },
  }),
  auditView('web_capture', {
    id: 'value',
    parentId: 'value',
    url: 'value',
    finalUrl: 'value',
    redirects: 'value',
    httpStatus: 'value',
    contentType: 'value',
    remoteAddress: 'value',
    warcSha256: 'value',
    warcSize: 'value',
    bodySha256: 'value',
    bodySize: 'value',
    itemId: 'value',
    capturedBy: 'value',
    capturedAt: 'value',
    notes: 'value',
    exportId: 'value',
  }),
  auditView('media_match', { itemId: 'value', otherId: 'value', status: 'value' }),
  auditView('blob_check', { checked: 'value', changed: 'value', missing: 'value' }),
];
