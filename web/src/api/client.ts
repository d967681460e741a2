// The desk talks only to athar's own API, with the types generated from its OpenAPI document.
// A session is a cookie (HttpOnly, SameSite=Strict) plus the CSRF token given at sign-in, which
// every write carries in x-csrf-token; the token is kept in this browser's localStorage so that
// other tabs and reloads can write too (it is useless without the cookie).
import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';

const CSRF_KEY = 'athar.csrf';
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export const csrf = {
  get: (): string | null => localStorage.getItem(CSRF_KEY),
  set: (token: string) => localStorage.setItem(CSRF_KEY, token),
  clear: () => localStorage.removeItem(CSRF_KEY),
};

/** One field the server refused, by its JSON pointer (`/started/at`), with the server's words. */
export interface FieldIssue {
  field: string;
  message: string;
}

/** A refusal by the API: its RFC 9457 problem, with the stable code the desk translates. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly issues: FieldIssue[];
  readonly correlationId: string | null;
  readonly retryAfterS: number | null;

  constructor(status: number, problem: unknown, retryAfter: string | null) {
    const p = (typeof problem === 'object' && problem !== null ? problem : {}) as Record<string, unknown>;
    const detail = typeof p.detail === 'string' ? p.detail : `HTTP ${status}`;
    super(detail);
    this.name = 'ApiError';
    this.status = status;
    this.code = typeof p.code === 'string' ? p.code : status === 0 ? 'network' : `http.${status}`;
    this.detail = detail;
    this.issues = Array.isArray(p.errors)
      ? p.errors.flatMap((e: unknown) => {
          const i = e as Partial<FieldIssue>;
          return typeof i.field === 'string' && typeof i.message === 'string'
            ? [{ field: i.field, message: i.message }]
            : [];
        })
      : [];
    this.correlationId = typeof p.correlationId === 'string' ? p.correlationId : null;
    const after = Number(retryAfter);
    this.retryAfterS = retryAfter !== null && Number.isFinite(after) ? after : null;
  }

  /** The server's message for one field (or a field inside it), if it named that field. */
  forField(pointer: string): string | undefined {
    return this.issues.find((i) => i.field === pointer || i.field.startsWith(`${pointer}/`))?.message;
  }
}

const withCsrf: Middleware = {
  onRequest({ request }) {
    if (!SAFE.has(request.method)) {
      const token = csrf.get();
      if (token) request.headers.set('x-csrf-token', token);
    }
    return request;
  },
};

export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
api.use(withCsrf);

/** Listeners told when the API says the session is gone (401), so the desk can ask to sign in. */
const signedOut = new Set<() => void>();
export function onSignedOut(fn: () => void): () => void {
  signedOut.add(fn);
  return () => signedOut.delete(fn);
}

/**
 * The data of an API call, or an ApiError. Every call of the desk goes through here, so that a
 * refusal always has the same shape and a lost session always leads back to the sign-in page.
 */
export async function ok<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let r: { data?: T; error?: unknown; response: Response };
  try {
    r = await call;
  } catch {
    throw new ApiError(0, { code: 'network', detail: 'athar could not be reached' }, null);
  }
  if (!r.response.ok) {
    const e = new ApiError(r.response.status, r.error, r.response.headers.get('retry-after'));
    if (e.status === 401) for (const fn of signedOut) fn();
    throw e;
  }
  return r.data as T;
}
