/**
 * The audit trail as a feature: listing events, verifying the hash chain on demand and on a
 * schedule. (Events are written by the platform at the end of every unit of work, through the
 * audit views the modules declare.)
 */
import type { AtharModule } from '#src/platform/module.ts';
import { auditRoutes } from './audit.routes.ts';
import { verifyChainJob } from './jobs.ts';

export { lastAuditCheck, verifyAuditChain, type AuditVerifyResult } from './verify-chain.ts';

export const auditModule: AtharModule = { name: 'audit', routes: auditRoutes, jobs: [verifyChainJob] };
