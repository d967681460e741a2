import type { FastifyInstance, FastifyRequest } from 'fastify';
import { checkAccess, type AccessRule, type CaseAuthorizer } from '#src/platform/access.ts';
import type { Actor } from '#src/platform/context.ts';
import { forbidden, unauthenticated } from '#src/platform/errors.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call this route. A route without a rule is refused (default deny). */
    access?: AccessRule;
  }
}

export const SESSION_COOKIE = 'athar_session';
export const CSRF_HEADER = 'x-csrf-token';
/** With a local token only: act as this user (`athar --as USER`). */
export const AS_HEADER = 'x-athar-as';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Routes that plugins register (API docs) and that are public by nature. */
const PUBLIC_PREFIXES = ['/api/docs'];

export interface RouteRule {
  method: string;
  url: string;
  access: AccessRule | null;
}

/** Who a credential stands for (accounts module). */
export interface Authenticator {
  /** The actor behind an API token, or null when it is unknown, expired or revoked. */
  token(secret: string): Promise<Actor | null>;
  /** The actor behind a session cookie and the hash its CSRF token must match, or null. */
  session(token: string): Promise<{ actor: Actor; csrfHash: string } | null>;
  /** The local administrator, or the named user, for a local token. */
  local(username: string | null): Promise<Actor>;
  csrfMatches(csrfHash: string, presented: string | undefined): boolean;
}

export interface Security {
  authenticator: Authenticator;
  cases: CaseAuthorizer;
  /** Secrets that let this machine's CLI act as the local administrator. */
  localTokens: ReadonlySet<string>;
}

/**
 * Authentication (bearer token, local token or session cookie + CSRF header) and the access
 * rule every route declares. Routes are collected so a test can check each has a rule.
 */
export function authPlugin(app: FastifyInstance, security: Security, registry: RouteRule[]): void {
  const { authenticator } = security;
  app.decorateRequest('actor', null);
  app.decorateRequest('scope', null);

  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    let access = route.config?.access ?? null;
    if (!access && PUBLIC_PREFIXES.some((p) => route.url.startsWith(p))) access = { kind: 'public' };
    for (const m of methods) if (m !== 'HEAD') registry.push({ method: m, url: route.url, access });
    route.config = { ...(route.config ?? {}), access: access ?? undefined };
  });

  async function identify(req: FastifyRequest): Promise<Actor | null> {
    const auth = req.headers.authorization;
    if (auth) {
      const m = /^Bearer\s+(\S+)$/i.exec(auth);
      if (!m) throw unauthenticated('auth.bad_header', 'the Authorization header must be "Bearer <token>"');
      const secret = m[1]!;
      if (security.localTokens.has(secret)) {
        const as = req.headers[AS_HEADER];
        return authenticator.local(typeof as === 'string' && as.length > 0 ? as : null);
      }
      const actor = await authenticator.token(secret);
      if (!actor) throw unauthenticated('auth.invalid_token', 'the API token is unknown, expired or revoked');
      return actor;
    }
    const cookie = req.cookies[SESSION_COOKIE];
    if (cookie) {
      const s = await authenticator.session(cookie);
      if (!s) return null;
      if (UNSAFE.has(req.method)) {
        const presented = req.headers[CSRF_HEADER];
        if (!authenticator.csrfMatches(s.csrfHash, typeof presented === 'string' ? presented : undefined)) {
          throw forbidden(
            'auth.csrf',
            `a request signed in by cookie must carry the ${CSRF_HEADER} header given at sign-in`,
          );
        }
      }
      return s.actor;
    }
    return null;
  }

  // Before validation: who may call a route is decided before anything about the request's body
  // is said, so an outsider learns nothing from validation messages.
  app.addHook('preValidation', async (req) => {
    // No route matched: the not-found handler answers 404 (it reveals nothing and does nothing).
    if (req.is404) return;
    const rule = req.routeOptions.config.access;
    if (!rule) {
      // Default deny: a route that forgot to say who may call it is not callable.
      throw forbidden('auth.no_rule', 'this route has no access rule');
    }
    if (rule.kind === 'public' && !req.headers.authorization && !req.cookies[SESSION_COOKIE]) return;
    req.actor = await identify(req);
    if (checkAccess(req.actor, rule)) {
      const caseRef = (req.params as Record<string, string> | undefined)?.caseId;
      if (caseRef === undefined) throw forbidden('auth.no_case', 'this route needs a case');
      req.scope = await security.cases.authorize(req.actor!, rule, caseRef);
    }
  });
}
