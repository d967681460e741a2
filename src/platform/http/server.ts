import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Logger } from 'pino';
import type { Config } from '#src/platform/config.ts';
import { invalid, notFound } from '#src/platform/errors.ts';
import type { AtharModule } from '#src/platform/module.ts';
import { authPlugin, type RouteRule, type Security } from './plugins/auth.ts';
import { problemHandler } from './plugins/errors.ts';
import type { RunUnit } from '#src/platform/unit-of-work.ts';
import { createRouter } from './router.ts';
import { inspectInput, validatorCompiler } from './validation.ts';

function trustHops(hops: number) {
  return (_addr: string, i: number) => i < hops;
}

export interface Server {
  fastify: FastifyInstance;
  /** Every route with the access rule it declared (the role × route test reads this). */
  routes: RouteRule[];
}

/** What the HTTP API is built from: the app's configuration, modules, security ports and units of work. */
export interface ServerDeps {
  config: Config;
  log: Logger;
  modules: readonly AtharModule[];
  security: Security;
  run: RunUnit;
}

/**
 * The HTTP API: auth → rate limit → validate → context (transaction for writes) → use case →
 * presenter, with one error renderer. Local tokens (the data directory owner's, the in-process
 * CLI's) act as the local administrator, or as `x-athar-as`.
 */
export async function buildServer(
  athar: ServerDeps,
  opts: { logger?: boolean; docs?: boolean } = {},
): Promise<Server> {
  const fastify = Fastify({
    ...(opts.logger === false ? { logger: false } : { loggerInstance: athar.log as FastifyBaseLogger }), // eslint-disable-line @typescript-eslint/no-unnecessary-type-assertion -- pino's Logger is wider than Fastify's base logger type
    // A hop count trusts that many proxies in front of us; rate limits key on the client address.
    trustProxy:
      typeof athar.config.trustProxy === 'number'
        ? trustHops(athar.config.trustProxy)
        : athar.config.trustProxy,
    bodyLimit: athar.config.bodyLimitBytes,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
  });
  fastify.setValidatorCompiler(validatorCompiler);
  problemHandler(fastify);
  // Evidence files arrive as the raw request body and are handed on as a stream, unread: the
  // route streams them to the blob store while hashing, with its own size limit.
  fastify.addContentTypeParser('application/octet-stream', (_req, payload, done) => done(null, payload));

  // Before any plugin adds routes: every route, the docs' included, passes through the access rules.
  const routes: RouteRule[] = [];
  authPlugin(fastify, athar.security, routes);

  await fastify.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
    // Strict-Transport-Security only when athar is served over HTTPS (ATHAR_SECURE_COOKIES): sent
    // over plain HTTP it means nothing, and it would pin a name to HTTPS that may not have it.
    strictTransportSecurity: athar.config.secureCookies,
  });
  // Answers to requests that say who is calling hold what only they may see: never cached, by the
  // browser or anything between. (Public pages set their own caching.)
  fastify.addHook('onSend', async (req, reply) => {
    if ((req.headers.authorization || req.headers.cookie) && !reply.hasHeader('cache-control'))
      reply.header('cache-control', 'no-store');
  });
  await fastify.register(cookie);
  await fastify.register(rateLimit, { global: false, keyGenerator: (req) => req.ip });
  // The in-process CLI skips the API docs: building them costs half a second per command.
  const docs = opts.docs !== false;
  if (docs)
    await fastify.register(swagger, {
      openapi: {
        openapi: '3.0.3',
        info: {
          title: 'athar API',
          version: '0.1.0',
          description:
            'Verification desk and registry of detained and missing persons. Errors are RFC 9457 problem+json with a stable `code`.',
        },
        components: {
          securitySchemes: {
            bearer: { type: 'http', scheme: 'bearer', description: 'API token (athar_...)' },
            session: {
              type: 'apiKey',
              in: 'cookie',
              name: 'athar_session',
              description: 'with the x-csrf-token header on writes',
            },
          },
        },
        security: [{ bearer: [] }, { session: [] }],
      },
    });
  if (docs) await fastify.register(swaggerUi, { routePrefix: '/api/docs' });

  // After the access decision (the auth plugin's hook runs first), before the schemas: what no
  // JSON Schema says, for every part of every request.
  fastify.addHook('preValidation', async (req) => {
    for (const [part, value] of [
      ['params', req.params],
      ['querystring', req.query],
      ['body', req.body],
    ] as const) {
      const problem = value === undefined || value instanceof Readable ? null : inspectInput(value);
      if (problem)
        throw invalid(`validation.${part}`, `${problem.field}: ${problem.message}`, { issues: [problem] });
    }
  });

  const router = createRouter(fastify, athar.run);
  for (const m of athar.modules) m.routes?.(router);

  fastify.get(
    '/api/openapi.json',
    { config: { access: { kind: 'public' } }, schema: { hide: true } },
    async () => {
      if (!docs) throw notFound('route.not_found', 'API docs are served by athar serve');
      return fastify.swagger();
    },
  );

  await fastify.ready();
  return { fastify, routes };
}
