import { isInputError } from '#src/engines/input-error.ts';

/**
 * One error type for the whole application. Every expected failure carries a stable machine
 * code (`claim.not_found`, `validation.body`) that the HTTP layer renders as RFC 9457
 * problem+json and the CLI maps to an exit code. Unknown errors never leak their message.
 */

export type ErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'unavailable'
  | 'internal';

const STATUS: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

/** CLI exit codes (../shared/CLI.md): 2 invalid input, 3 not found, 4 not allowed, 5 internal. */
const EXIT: Record<ErrorKind, number> = {
  invalid: 2,
  conflict: 2,
  too_large: 2,
  unsupported_media_type: 2,
  not_found: 3,
  unauthenticated: 4,
  forbidden: 4,
  rate_limited: 5,
  unavailable: 5,
  internal: 5,
};

export interface FieldIssue {
  /** JSON pointer-ish path of the offending field, e.g. `/statements/0/timeZone` or `line 12`. */
  field: string;
  message: string;
}

export class AppError extends Error {
  readonly kind: ErrorKind;
  readonly code: string;
  readonly details: Record<string, unknown> | undefined;
  readonly issues: FieldIssue[] | undefined;

  constructor(
    kind: ErrorKind,
    code: string,
    message: string,
    opts: { details?: Record<string, unknown>; issues?: FieldIssue[]; cause?: unknown } = {},
  ) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'AppError';
    this.kind = kind;
    this.code = code;
    this.details = opts.details;
    this.issues = opts.issues;
  }

  get status(): number {
    return STATUS[this.kind];
  }

  get exitCode(): number {
    return EXIT[this.kind];
  }

  /** Internal errors are worth reporting to operators; the others are the caller's doing. */
  get isReportable(): boolean {
    return this.kind === 'internal' || this.kind === 'unavailable';
  }
}

type Opts = { details?: Record<string, unknown>; issues?: FieldIssue[]; cause?: unknown };

export const invalid = (code: string, message: string, opts?: Opts) =>
  new AppError('invalid', code, message, opts);
export const unauthenticated = (code: string, message: string, opts?: Opts) =>
  new AppError('unauthenticated', code, message, opts);
export const forbidden = (code: string, message: string, opts?: Opts) =>
  new AppError('forbidden', code, message, opts);
export const notFound = (code: string, message: string, opts?: Opts) =>
  new AppError('not_found', code, message, opts);
export const conflict = (code: string, message: string, opts?: Opts) =>
  new AppError('conflict', code, message, opts);
export const tooLarge = (code: string, message: string, opts?: Opts) =>
  new AppError('too_large', code, message, opts);
export const unavailable = (code: string, message: string, opts?: Opts) =>
  new AppError('unavailable', code, message, opts);
export const internal = (code: string, message: string, opts?: Opts) =>
  new AppError('internal', code, message, opts);

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/**
 * An error athar expected, as an AppError: an AppError as it is, an engine's input error as
 * `invalid` with the engine's code; null for anything else (a defect, reported as internal).
 */
export function asAppError(e: unknown): AppError | null {
  if (isAppError(e)) return e;
  if (isInputError(e)) return new AppError('invalid', e.code, e.message, { cause: e });
  return null;
}

export function kindForStatus(status: number): ErrorKind {
  const found = (Object.entries(STATUS) as [ErrorKind, number][]).find(([, s]) => s === status);
  if (found) return found[0];
  return status >= 500 ? 'internal' : 'invalid';
}
