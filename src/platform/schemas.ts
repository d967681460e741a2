import { ROLES } from './access.ts';
import { Type, type Static, type TSchema, type TUnsafe, type SchemaOptions } from '@sinclair/typebox';

/**
 * One of a fixed set of strings, as a JSON Schema `enum`: validation errors then list the
 * allowed values, and the static type is the literal union.
 */
export function Literals<const T extends readonly string[]>(
  values: T,
  options?: SchemaOptions,
): TUnsafe<T[number]> {
  return Type.Unsafe<T[number]>({ ...options, type: 'string', enum: [...values] });
}

/**
 * The schema vocabulary shared by HTTP bodies, CLI JSON output and the demo loader.
 * Inputs are closed (`additionalProperties: false`): an unknown field is an error, not ignored.
 */

/** A UUID, as athar's ids are: the one pattern every check of an id uses. */
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string): boolean => UUID_PATTERN.test(s);
export const Uuid = Type.String({ format: 'uuid' });
/** A case's id or its slug. */
export const CaseRef = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9-]+$' });
/** Whether a string can name a case at all (checked before any lookup, even ahead of the schemas). */
export const isCaseRef = (s: string): boolean => s.length <= 64 && /^[A-Za-z0-9-]+$/.test(s);
export const Slug = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,62}$' });
export const ShortText = Type.String({ minLength: 1, maxLength: 500 });
export const LongText = Type.String({ maxLength: 20_000 });
export const Language = Type.String({
  pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$',
  description: 'BCP 47 tag: ar, en, fr, ar-SY',
});
/** An http(s) URL that parses (`http-url`, checked with the URL parser; see http/validation.ts). */
export const Url = Type.String({ format: 'http-url', maxLength: 2000, description: 'an http or https URL' });
export const TimeZone = Type.String({
  minLength: 1,
  maxLength: 64,
  description: 'IANA time zone, e.g. Asia/Damascus',
});
export const Precision = Literals(['year', 'month', 'day', 'hour', 'minute', 'second'], {
  description: 'how precisely the source gave the time',
});
export const PartialDate = Type.String({
  pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$',
  description: '1987, 1987-03 or 1987-03-14',
});
export const Role = Literals(ROLES);
export const Instant = Type.String({ description: 'ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z' });

/**
 * A time as a source gave it. `at` is an instant (`2024-12-09T13:45:00Z`) or a local, possibly
 * partial, date-time (`2024-12-09T16:45`, `2024-12`) read in `timeZone` (default: the case's zone).
 */
export const WhenInput = Type.Object(
  {
    at: Type.String({ minLength: 4, maxLength: 40 }),
    timeZone: Type.Optional(TimeZone),
    precision: Type.Optional(Precision),
    asWritten: Type.Optional(Type.String({ maxLength: 200, description: 'the time as the source wrote it' })),
  },
  { additionalProperties: false },
);
export type WhenInput = Static<typeof WhenInput>;

/** A time on output: the UTC instant, the source's zone, precision, and the local rendering. */
export const When = Type.Object({
  at: Instant,
  timeZone: Type.Union([TimeZone, Type.Null()]),
  precision: Precision,
  local: Type.String({ description: 'in the source zone (or the case zone), no more precise than known' }),
  asWritten: Type.Optional(Type.Union([Type.String(), Type.Null()])),
});
export type When = Static<typeof When>;

export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
