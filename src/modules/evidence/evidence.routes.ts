import { CaseParams } from '#src/modules/cases/index.ts';
import type { Router } from '#src/platform/http/router.ts';
import { exportEvidence } from './export-evidence.ts';
import { EXPORT_HEADERS, ExportEvidenceBody } from './schemas.ts';

/** Evidence packages of a case. */
export function evidenceRoutes(r: Router): void {
  r.post(
    '/api/cases/:caseId/media/export',
    {
      access: { kind: 'case', permission: 'media.export' },
      tags: ['media'],
      summary:
        "An evidence package of the case's media: originals, WARCs, capture records, custody, time-stamps",
      description: `A tar archive (application/x-tar) of one folder: README.txt (how to check each part with sha256sum and openssl ts), SHA256SUMS (every other file), export.json, captures.json (every capture of each item and every URL capture), custody.json (the audit events about them), originals/<sha256>.<ext> byte for byte, warc/<id>.warc.gz, and timestamps/<day>_<id>/ (manifest.json, token.tst, tsa.pem, stamp.json) for each RFC 3161 stamp whose manifest lists one of its captures. Send {} for every item and URL capture of the case, or {"items": [ids]} for those items and the URL captures that brought them. The export is recorded before the archive is sent (media.evidence_exported with its SHA-256, and a custody event on each original and WARC); the headers ${EXPORT_HEADERS.exportId}, ${EXPORT_HEADERS.sha256} and ${EXPORT_HEADERS.items} describe it. 404 media.not_found naming /items/N for an id not of this case; 400 media.nothing_to_export for a case with no media.`,
      params: CaseParams,
      body: ExportEvidenceBody,
      // Made outside a transaction (reading the originals takes time); recorded in one.
      transaction: false,
    },
    async (ctx, { scope, body }, { reply }) => {
      const p = await exportEvidence(ctx, scope, body);
      void reply
        .type('application/x-tar')
        .header('content-disposition', `attachment; filename="${p.fileName}"`)
        .header('content-length', String(p.size))
        .header(EXPORT_HEADERS.exportId, p.exportId)
        .header(EXPORT_HEADERS.sha256, p.sha256)
        .header(EXPORT_HEADERS.items, String(p.items))
        .header('cache-control', 'no-store');
      return p.stream;
    },
  );
}
