/**
 * Trusted time (RFC 3161): each day's manifest of captures, WARCs and the audit chain's head,
 * stamped by the authority an administrator configures, kept with its token and checked again on
 * demand.
 */
import { auditView } from '#src/platform/audit/audit-view.ts';
import type { AtharModule } from '#src/platform/module.ts';
import { stampDayJob } from './jobs.ts';
import { timestampRoutes } from './timestamps.routes.ts';

export { stampsCovering, type CoveringStamp } from './covering.ts';

export const timestampsModule: AtharModule = {
  name: 'timestamps',
  routes: timestampRoutes,
  jobs: [stampDayJob],
  auditViews: [
    auditView('time_stamp', {
      id: 'value',
      day: 'value',
      manifestSha256: 'value',
      captures: 'value',
      webCaptures: 'value',
      auditHead: { seq: 'value', hash: 'value' },
      tsaUrl: 'value',
      genTime: 'value',
      serial: 'value',
      signer: 'value',
      tsaCertFingerprint: 'value',
      createdBy: 'value',
      createdAt: 'value',
    }),
  ],
};
