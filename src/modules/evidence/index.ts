/**
 * Evidence packages: a case's media handed out of athar in one archive that anyone can check with
 * standard tools — originals, capture records, WARCs, custody events and RFC 3161 time-stamps.
 * A module of its own because it draws on media, timestamps and audit together (timestamps
 * already reads media, so media could not read timestamps back).
 */
import { auditView, list } from '#src/platform/audit/audit-view.ts';
import type { AtharModule } from '#src/platform/module.ts';
import { evidenceRoutes } from './evidence.routes.ts';

export { EXPORT_HEADERS } from './schemas.ts';

export const evidenceModule: AtharModule = {
  name: 'evidence',
  routes: evidenceRoutes,
  auditViews: [
    // One export: what went out, and the archive's SHA-256 (each original and WARC also gets its
    // own custody event, on the media item or URL capture).
    auditView('evidence_export', {
      id: 'value',
      format: 'value',
      sha256: 'value',
      size: 'value',
      selection: 'value',
      items: list('value'),
      webCaptures: list('value'),
      timestamps: list('value'),
      custodyEvents: 'value',
    }),
  ],
};
