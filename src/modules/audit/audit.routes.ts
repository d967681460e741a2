import { CaseParams } from '#src/modules/cases/index.ts';
import type { Router } from '#src/platform/http/router.ts';
import { caseHistory, listAuditEvents } from './list-events.ts';
import { AuditEventPage, AuditQuery, AuditVerifyResult, HistoryQuery } from './schemas.ts';
import { verifyAuditChain } from './verify-chain.ts';

const tags = ['audit'];

/** The audit trail: its events, and verifying the chain. */
export function auditRoutes(r: Router): void {
  r.post(
    '/api/audit/verify',
    {
      access: { kind: 'installation_admin' },
      tags,
      summary: 'Walk the hash chain; names the first altered, deleted or reordered event',
      transaction: false,
      response: AuditVerifyResult,
    },
    (ctx) => verifyAuditChain(ctx),
  );

  r.get(
    '/api/audit/events',
    {
      access: { kind: 'installation_admin' },
      tags,
      summary: 'Audit events, newest first',
      querystring: AuditQuery,
      response: AuditEventPage,
    },
    (ctx, { query }) => listAuditEvents(ctx, query),
  );

  r.get(
    '/api/cases/:caseId/audit',
    {
      access: { kind: 'case', permission: 'audit.read' },
      tags,
      summary: "A case's audit events (case admins)",
      params: CaseParams,
      querystring: AuditQuery,
      response: AuditEventPage,
    },
    (ctx, { scope, query }) => listAuditEvents(ctx, { ...query, caseId: scope.case.id }),
  );

  r.get(
    '/api/cases/:caseId/history',
    {
      access: { kind: 'case', permission: 'case.read' },
      tags,
      summary: "A case's history, for its members: of one record, or since a moment",
      params: CaseParams,
      querystring: HistoryQuery,
      response: AuditEventPage,
    },
    (ctx, { scope, query }) => caseHistory(ctx, scope.case.id, query),
  );
}
