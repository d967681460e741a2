import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { App } from '#src/app.ts';
import { actorOf, scopeOf } from '../plugins/auth.ts';
import { CaseParams } from './cases.routes.ts';

const AuditEvent = Type.Object({
  seq: Type.Integer(), id: Type.String(), at: Type.String(), actor: Type.String(), actorId: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(), entityType: Type.String(), entityId: Type.Union([Type.String(), Type.Null()]),
  caseId: Type.Union([Type.String(), Type.Null()]), before: Type.Unknown(), after: Type.Unknown(), hash: Type.String(),
});
const AuditQuery = Type.Object({
  entityType: Type.Optional(Type.String({ maxLength: 50 })),
  entityId: Type.Optional(Type.String({ maxLength: 100 })),
  before: Type.Optional(Type.Integer({ minimum: 1, description: 'events with seq below this (pagination)' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
}, { additionalProperties: false });

/** The audit trail, the demo case, and database administration. */
export function adminRoutes(fastify: FastifyInstance, athar: App): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { audit, demo } = athar.services;

  app.post('/api/audit/verify', {
    config: { access: { kind: 'installation_admin' } },
    schema: { tags: ['audit'], summary: 'Walk the hash chain; names the first altered, deleted or reordered event' },
  }, async () => audit.verify());

  app.get('/api/audit/events', {
    config: { access: { kind: 'installation_admin' } },
    schema: { tags: ['audit'], summary: 'Audit events, newest first', querystring: AuditQuery, response: { 200: Type.Object({ events: Type.Array(AuditEvent) }) } },
  }, async (req) => ({ events: await audit.list({ ...req.query, limit: req.query.limit ?? 100 }) }));

  app.get('/api/cases/:caseId/audit', {
    config: { access: { kind: 'case', permission: 'audit.read' } },
    schema: { tags: ['audit'], summary: "A case's audit events (case admins)", params: CaseParams, querystring: AuditQuery, response: { 200: Type.Object({ events: Type.Array(AuditEvent) }) } },
  }, async (req) => ({ events: await audit.list({ ...req.query, caseId: scopeOf(req).case.id, limit: req.query.limit ?? 100 }) }));

  app.post('/api/admin/demo', {
    config: { access: { kind: 'installation_admin' } },
    schema: { tags: ['admin'], summary: 'Load the demo case "Sednaya prison, December 2024" (idempotent)' },
  }, async (req) => demo.load(actorOf(req)));

  app.post('/api/admin/migrate', {
    config: { access: { kind: 'installation_admin' } },
    schema: { tags: ['admin'], summary: 'Apply pending database migrations', response: { 200: Type.Object({ applied: Type.Array(Type.Integer()) }) } },
  }, async () => ({ applied: await athar.services.system.migrate() }));
}
