import { Type } from '@sinclair/typebox';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { pendingMigrations } from '#src/db/migrate.ts';
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
    try {
      await sql`SELECT 1`.execute(athar.database.db);
      const pending = await pendingMigrations(athar.database.db);
      if (pending.length > 0) return reply.status(503).send({ status: 'migrations_pending', pending });
      return { status: 'ready', database: athar.database.kind };
    } catch {
      return reply.status(503).send({ status: 'database_unavailable' });
    }
  });
}
