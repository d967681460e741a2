/**
 * The audit trail as a feature: listing events, verifying the hash chain on demand and on a
 * schedule. (Events are written by the platform at the end of every unit of work, through the
 * audit views the modules declare.)
 */
import { auditView } from '#src/platform/audit/audit-view.ts';
import type { AtharModule } from '#src/platform/module.ts';
import { auditRoutes } from './audit.routes.ts';
import { verifyChainJob } from './jobs.ts';

export { custodyEvents } from './list-events.ts';
export type { AuditEvent } from './schemas.ts';
export { lastAuditCheck, verifyAuditChain, type AuditVerifyResult } from './verify-chain.ts';

export const auditModule: AtharModule = {
  name: 'audit',
  routes: auditRoutes,
  jobs: [verifyChainJob],
  // A reading of the trail: which part was read, and how much of it was withheld.
  auditViews: [
    auditView('audit_trail', {
      entityType: 'value',
      entityId: 'value',
      events: 'value',
      contentHidden: 'value',
    }),
  ],
};
