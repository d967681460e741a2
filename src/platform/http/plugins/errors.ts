import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, asAppError, kindForStatus } from '#src/platform/errors.ts';
import { dataError } from '#src/platform/database/database-errors.ts';
import { issuesFromValidation } from '../validation.ts';

const TITLES: Record<string, string> = {
  invalid: 'Invalid request',
  unauthenticated: 'Not signed in',
  forbidden: 'Not allowed',
  not_found: 'Not found',
  conflict: 'Conflict',
  too_large: 'Too large',
  unsupported_media_type: 'Unsupported media type',
  rate_limited: 'Too many requests',
  unavailable: 'Service unavailable',
  internal: 'Internal error',
};

/**
 * The database refusing a value (out of range, not storable) or a write that collided with a
 * concurrent one: the request's doing, not a defect of the server, so a 400 or 409 rather than a
 * 500. Validation is meant to refuse such input first; these codes are logged as warnings so a
 * gap in it shows (the fuzz test fails on them too).
 */
export const UNSTORABLE = 'request.unstorable';
export const COLLIDED = 'request.conflict';

/** Converts any error into the one AppError shape. Unknown errors keep their message private. */
export function toAppError(err: unknown): AppError {
  const expected = asAppError(err);
  if (expected) return expected;
  const db = dataError(err);
  if (db === 'data')
    return new AppError('invalid', UNSTORABLE, 'a value in the request cannot be stored', { cause: err });
  if (db === 'integrity')
    return new AppError(
      'conflict',
      COLLIDED,
      'the request conflicts with what was written meanwhile; check and try again',
      { cause: err },
    );
  const fe = err as FastifyError & { validation?: unknown[]; validationContext?: string };
  if (Array.isArray(fe.validation)) {
    const issues = issuesFromValidation(fe.validation);
    const first = issues[0];
    return new AppError(
      'invalid',
      `validation.${fe.validationContext ?? 'body'}`,
      first ? `${first.field}: ${first.message}` : 'invalid request',
      { issues },
    );
  }
  if (typeof fe.statusCode === 'number' && fe.statusCode < 500) {
    const kind = kindForStatus(fe.statusCode);
    const code =
      fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
        ? 'request.too_large'
        : fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
          ? 'request.media_type'
          : fe.code?.startsWith('FST_ERR_CTP')
            ? 'request.body'
            : fe.statusCode === 429
              ? 'request.rate_limited'
              : fe.statusCode === 404
                ? 'route.not_found'
                : 'request.invalid';
    return new AppError(kind, code, fe.message);
  }
  return new AppError('internal', 'internal', 'an internal error occurred', { cause: err });
}

/** RFC 9457 problem+json for every error, with a stable code and the request's correlation id. */
export function problemHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: unknown, req: FastifyRequest, reply: FastifyReply) => {
    const e = toAppError(err);
    if (e.isReportable) req.log.error({ err, code: e.code }, 'request failed');
    else if (e.code === UNSTORABLE || e.code === COLLIDED) {
      // Which constraint, never the database's detail: it quotes the refused row ("Failing row
      // contains …"), which may hold a person's names or a family's contact.
      const db = (e.cause ?? err) as {
        constraint?: unknown;
        table?: unknown;
        column?: unknown;
        code?: unknown;
      };
      req.log.warn(
        {
          code: e.code,
          db: { code: db.code, constraint: db.constraint, table: db.table, column: db.column },
        },
        'the database refused what validation let through',
      );
    } else req.log.info({ code: e.code }, 'request refused');
    const body: Record<string, unknown> = {
      type: `urn:athar:problem:${e.code}`,
      title: TITLES[e.kind] ?? 'Error',
      status: e.status,
      code: e.code,
      detail:
        e.kind === 'internal' ? `an internal error occurred; quote ${req.id} when reporting it` : e.message,
      instance: req.url.split('?')[0],
      correlationId: req.id,
    };
    if (e.issues) body.errors = e.issues;
    if (e.kind === 'rate_limited' || e.status === 429) {
      const after = e.details?.retryAfterS;
      reply.header('retry-after', typeof after === 'number' ? String(after) : '60');
    }
    return reply.status(e.status).type('application/problem+json').send(body);
  });
  app.setNotFoundHandler((req, reply) => {
    return reply
      .status(404)
      .type('application/problem+json')
      .send({
        type: 'urn:athar:problem:route.not_found',
        title: 'Not found',
        status: 404,
        code: 'route.not_found',
        detail: `no route ${req.method} ${req.url.split('?')[0]}`,
        instance: req.url.split('?')[0],
        correlationId: req.id,
      });
  });
}
