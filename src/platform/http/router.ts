/**
 * How modules declare routes. A route reads as a pipeline: access rule → validation (TypeBox
 * schemas) → a context opened for the request (a transaction for writes) → the use case → the
 * response. Handlers receive the context and the validated input; only route files see Fastify.
 */
import type { Static, TSchema } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';
import type { AccessRule, CaseScope } from '#src/platform/access.ts';
import { ANONYMOUS_ACTOR, type Actor, type Context } from '#src/platform/context.ts';
import { forbidden } from '#src/platform/errors.ts';
import type { RunUnit } from '#src/platform/unit-of-work.ts';

type Schema = TSchema | undefined;
type In<S extends Schema> = S extends TSchema ? Static<S> : Record<string, never>;

export interface RouteSpec<P extends Schema, Q extends Schema, B extends Schema, R extends Schema> {
  /** Who may call it. A route without one is refused (default deny). */
  access: AccessRule;
  summary: string;
  tags: string[];
  description?: string;
  params?: P;
  querystring?: Q;
  body?: B;
  /** The schema of a successful answer (also used to serialise it; the handler must return it). */
  response?: R;
  /** The status of a successful answer (default 200; 204 sends no body). */
  status?: 200 | 201 | 202 | 204;
  /** Whether the request runs in one transaction (default: every method but GET). */
  transaction?: boolean;
  /** Left out of the API documentation. */
  hide?: boolean;
  rateLimit?: { max: number; timeWindow: string };
}

export interface RouteInput<P extends Schema, Q extends Schema, B extends Schema> {
  params: In<P>;
  query: In<Q>;
  body: In<B>;
  actor: Actor;
  /** The case the route's case rule was granted for (case routes only). */
  readonly scope: CaseScope;
}

/** What a handler may need of HTTP itself: cookies, headers, a content type. */
export interface Http {
  request: FastifyRequest;
  reply: FastifyReply;
}

type Out<R extends Schema> = R extends TSchema ? Static<R> : unknown;

export type Handler<P extends Schema, Q extends Schema, B extends Schema, R extends Schema> = (
  ctx: Context,
  input: RouteInput<P, Q, B>,
  http: Http,
) => Promise<Out<R>>;

type Add = <
  P extends Schema = undefined,
  Q extends Schema = undefined,
  B extends Schema = undefined,
  R extends Schema = undefined,
>(
  url: string,
  spec: RouteSpec<P, Q, B, R>,
  handler: Handler<P, Q, B, R>,
) => void;

export interface Router {
  get: Add;
  post: Add;
  patch: Add;
  delete: Add;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    scope: CaseScope | null;
  }
}

export function createRouter(fastify: FastifyInstance, run: RunUnit): Router {
  const add = (method: HTTPMethods) =>
    ((url, spec, handler) => {
      const transaction = spec.transaction ?? method !== 'GET';
      fastify.route({
        method,
        url,
        config: { access: spec.access, ...(spec.rateLimit ? { rateLimit: spec.rateLimit } : {}) },
        schema: {
          tags: spec.tags,
          summary: spec.summary,
          ...(spec.description ? { description: spec.description } : {}),
          ...(spec.hide ? { hide: true } : {}),
          ...(spec.params ? { params: spec.params } : {}),
          ...(spec.querystring ? { querystring: spec.querystring } : {}),
          ...(spec.body ? { body: spec.body } : {}),
          ...(spec.response ? { response: { [spec.status ?? 200]: spec.response } } : {}),
        },
        handler: async (request, reply) => {
          const actor = request.actor ?? ANONYMOUS_ACTOR;
          const input = {
            params: request.params,
            query: request.query,
            body: request.body,
            actor,
            get scope(): CaseScope {
              if (!request.scope) throw forbidden('auth.no_case', 'this route needs a case');
              return request.scope;
            },
          } as RouteInput<never, never, never>;
          const result = await run(actor, { transaction }, (ctx) => handler(ctx, input, { request, reply }));
          if (spec.status === 204) return reply.status(204).send();
          if (spec.status) void reply.status(spec.status);
          return result;
        },
      });
    }) as Add;
  return { get: add('GET'), post: add('POST'), patch: add('PATCH'), delete: add('DELETE') };
}
