import { Type } from '@sinclair/typebox';
import type { Router } from '#src/platform/http/router.ts';
import { applyMigrations, readiness } from './readiness.ts';

const open = { kind: 'public' } as const;

/** Liveness and readiness for orchestrators and `athar` itself, and migrations. */
export function systemRoutes(r: Router): void {
  r.get(
    '/healthz',
    {
      access: open,
      tags: ['system'],
      summary: 'Liveness',
      hide: true,
      response: Type.Object({ status: Type.Literal('ok') }),
    },
    async () => ({ status: 'ok' as const }),
  );

  r.get(
    '/readyz',
    { access: open, tags: ['system'], summary: 'Readiness', hide: true },
    async (ctx, _in, { reply }) => {
      const state = await readiness(ctx);
      void reply.status(state.status === 'ready' ? 200 : 503);
      return state;
    },
  );

  r.post(
    '/api/admin/migrate',
    {
      access: { kind: 'installation_admin' },
      tags: ['admin'],
      summary: 'Apply pending database migrations',
      transaction: false,
      response: Type.Object({ applied: Type.Array(Type.Integer()) }),
    },
    async (ctx) => ({ applied: await applyMigrations(ctx) }),
  );
}
