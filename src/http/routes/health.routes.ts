import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { App } from '#src/app.ts';

/** Liveness and readiness for orchestrators and `athar` itself. */
export function healthRoutes(app: FastifyInstance, athar: App): void {
  app.get('/healthz', {
    config: { access: { kind: 'public' } },
    schema: { hide: true, response: { 200: Type.Object({ status: Type.Literal('ok') }) } },
  }, async () => ({ status: 'ok' as const }));

  app.get('/readyz', {
    config: { access: { kind: 'public' } },
    schema: { hide: true },
  }, async (_req, reply) => {
    const r = await athar.services.system.readiness();
    return reply.status(r.status === 'ready' ? 200 : 503).send(r);
  });
}
