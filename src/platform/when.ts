import type { Precision } from '#src/platform/database/schema.ts';
import { invalid } from '#src/platform/errors.ts';
import {
  TimeInputError,
  canonicalZone,
  formatInZone,
  isValidTimeZone,
  isoInstant,
  parseWhen,
} from '#src/engines/time/zoned.ts';
import type { When, WhenInput } from '#src/platform/schemas.ts';

export interface StoredWhen {
  at: Date;
  timeZone: string | null;
  precision: Precision;
  asWritten: string | null;
}

/** Reads a `WhenInput` (local time in a zone, or an instant), naming `field` when it is wrong. */
export function readWhen(input: WhenInput, defaultZone: string, field: string): StoredWhen {
  const zone = validZoneOrThrow(input.timeZone ?? defaultZone, `${field}/timeZone`);
  try {
    const w = parseWhen(input.at, zone, input.precision);
    return {
      at: w.at,
      timeZone: input.timeZone !== undefined ? zone : /[zZ]$|[+-]\d{2}:?\d{2}$/.test(input.at) ? null : zone,
      precision: w.precision,
      asWritten: input.asWritten ?? null,
    };
  } catch (e) {
    if (e instanceof TimeInputError) {
      throw invalid('validation.time', e.message, { issues: [{ field: `${field}/at`, message: e.message }] });
    }
    throw e;
  }
}

/** The output form: UTC instant, the source's zone, precision, and local rendering in `displayZone`. */
export function presentWhen(
  at: Date | null,
  timeZone: string | null,
  precision: Precision | null,
  displayZone: string,
  asWritten?: string | null,
): When | null {
  if (!at) return null;
  const p = precision ?? 'second';
  const w: When = {
    at: isoInstant(at),
    timeZone,
    precision: p,
    local: formatInZone(at, timeZone ?? displayZone, p),
  };
  if (asWritten !== undefined) w.asWritten = asWritten;
  return w;
}

/** The zone in its IANA spelling, or a refusal naming `field`. */
export function validZoneOrThrow(zone: string, field: string): string {
  if (!isValidTimeZone(zone)) {
    throw invalid('validation.time_zone', `unknown time zone "${zone}"`, {
      issues: [{ field, message: 'not an IANA time zone' }],
    });
  }
  return canonicalZone(zone);
}
