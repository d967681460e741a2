/**
 * Instants as sources give them. "9 December, 4:45 p.m. Damascus time" is stored as the UTC
 * instant, the IANA zone the source used and the precision it had (minute). A date known only
 * to the day or month keeps that precision: its instant is the start of the period in the
 * zone, and it is never shown more precisely than it was given.
 */
import { InputError } from '../input-error.ts';

export type Precision = 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second';
export const PRECISIONS: readonly Precision[] = ['year', 'month', 'day', 'hour', 'minute', 'second'];

const zoneCache = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = zoneCache.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      era: 'short',
    });
    zoneCache.set(timeZone, f);
  }
  return f;
}

/** True for an IANA time zone name this runtime knows (`Asia/Damascus`, `UTC`). */
/**
 * A zone's name as the IANA database spells it (`asia/damascus` → `Asia/Damascus`): zones are
 * matched case-insensitively, and stored and shown in one spelling.
 */
export function canonicalZone(tz: string): string {
  return formatter(tz).resolvedOptions().timeZone;
}

export function isValidTimeZone(tz: string): boolean {
  if (typeof tz !== 'string' || tz.length === 0 || tz.length > 64) return false;
  try {
    formatter(tz);
    return true;
  } catch {
    return false;
  }
}

interface Fields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function fieldsInZone(ms: number, timeZone: string): Fields {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(ms))) parts[p.type] = p.value;
  let year = Number(parts.year);
  if (parts.era === 'BC' || parts.era === 'B') year = 1 - year;
  return {
    year,
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** Offset of `timeZone` from UTC at instant `ms`, in milliseconds (Damascus, Dec 2024: +3 h). */
export function zoneOffsetMs(ms: number, timeZone: string): number {
  const f = fieldsInZone(ms, timeZone);
  const asUtc = utc(f.year, f.month - 1, f.day, f.hour, f.minute, f.second);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/**
 * Date.UTC with the year taken as it is: Date.UTC reads 0–99 as 1900–1999, which put
 * "0050-06-15" in 1950.
 */
function utc(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month, day);
  d.setUTCHours(hour, minute, second, 0);
  return d.getTime();
}

/**
 * The years athar accepts in what sources say: 1000 to 9999. Its cases are recent; earlier dates
 * would need calendars and zone rules the tables do not give (before 1900 they are guesses), and
 * four digits keep every date in one ISO form.
 */
export const FIRST_YEAR = 1000;
export const LAST_YEAR = 9999;
const yearInRange = (y: number) => y >= FIRST_YEAR && y <= LAST_YEAR;

const LOCAL_RE =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2})(?::(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?)?)?)?)?$/;
const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/** A time the engine cannot read (code `validation.time`; the caller names the field). */
export class TimeInputError extends InputError {
  constructor(message: string) {
    super('validation.time', message);
    this.name = 'TimeInputError';
  }
}

export interface ParsedWhen {
  at: Date;
  precision: Precision;
  timeZone: string | null;
}

/**
 * Parses what a source said into an instant:
 * - an instant with `Z` or an offset (`2024-12-09T13:45:00Z`): precision minute or second;
 * - a local, possibly partial, date-time (`2024-12-09T16:45`, `2024-12`, `1987`) read in `timeZone`.
 * Impossible dates (`2024-02-30`, hour 25) and unknown zones are errors, never shifted silently.
 */
export function parseWhen(input: string, timeZone: string | null, precision?: Precision): ParsedWhen {
  const text = input.trim();
  if (timeZone !== null && !isValidTimeZone(timeZone))
    throw new TimeInputError(`unknown time zone "${timeZone}"`);
  if (INSTANT_RE.test(text)) {
    const ms = Date.parse(text);
    if (Number.isNaN(ms) || !validCalendar(text.slice(0, 19)))
      throw new TimeInputError(`not a valid instant: "${input}"`);
    if (!yearInRange(new Date(ms).getUTCFullYear())) throw outOfRange(input);
    const p: Precision = /T\d{2}:\d{2}:\d{2}/.test(text) ? 'second' : 'minute';
    return { at: new Date(ms), precision: precision ?? p, timeZone };
  }
  const m = LOCAL_RE.exec(text);
  if (!m)
    throw new TimeInputError(
      `not a date or time: "${input}" (use 2024-12-09T16:45, 2024-12, 1987 or an instant ending in Z)`,
    );
  if (timeZone === null)
    throw new TimeInputError(`"${input}" has no zone: give a time zone or an instant ending in Z`);
  const given = m.slice(1).filter((x) => x !== undefined).length;
  const p = PRECISIONS[given - 1] as Precision;
  if (precision && PRECISIONS.indexOf(precision) > PRECISIONS.indexOf(p)) {
    throw new TimeInputError(`precision ${precision} is finer than what "${input}" gives (${p})`);
  }
  const f: Fields = {
    year: Number(m[1]),
    month: m[2] ? Number(m[2]) : 1,
    day: m[3] ? Number(m[3]) : 1,
    hour: m[4] ? Number(m[4]) : 0,
    minute: m[5] ? Number(m[5]) : 0,
    second: m[6] ? Number(m[6]) : 0,
  };
  if (!fieldsValid(f)) throw new TimeInputError(`impossible date or time: "${input}"`);
  if (!yearInRange(f.year)) throw outOfRange(input);
  return { at: new Date(localToUtc(f, timeZone)), precision: precision ?? p, timeZone };
}

function outOfRange(input: string): TimeInputError {
  return new TimeInputError(`"${input}" is outside the years athar accepts (${FIRST_YEAR} to ${LAST_YEAR})`);
}

function validCalendar(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(s);
  if (!m) return false;
  return fieldsValid({
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4]),
    minute: Number(m[5]),
    second: m[6] ? Number(m[6]) : 0,
  });
}

function fieldsValid(f: Fields): boolean {
  if (f.month < 1 || f.month > 12 || f.day < 1 || f.hour > 23 || f.minute > 59 || f.second > 59) return false;
  const dim = new Date(utc(f.year, f.month, 0)).getUTCDate();
  return f.day <= dim;
}

function localToUtc(f: Fields, timeZone: string): number {
  const guess = utc(f.year, f.month - 1, f.day, f.hour, f.minute, f.second);
  // Two passes settle the offset across a DST change; a time in a gap moves forward, as clocks do.
  let t = guess - zoneOffsetMs(guess, timeZone);
  t = guess - zoneOffsetMs(t, timeZone);
  return t;
}

const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');

/**
 * Renders an instant in a zone no more precisely than it is known:
 * `2024-12-09T16:45+03:00` (minute), `2024-12-09` (day), `2024-12` (month).
 */
export function formatInZone(at: Date, timeZone: string, precision: Precision = 'second'): string {
  const ms = at.getTime();
  const f = fieldsInZone(ms, timeZone);
  const date = `${f.year < 0 ? '-' : ''}${pad(f.year, 4)}`;
  switch (precision) {
    case 'year':
      return date;
    case 'month':
      return `${date}-${pad(f.month)}`;
    case 'day':
      return `${date}-${pad(f.month)}-${pad(f.day)}`;
    case 'hour':
    case 'minute':
    case 'second': {
      // Offsets before standard time (local mean time: Damascus +02:25:12) keep their seconds.
      const off = Math.round(zoneOffsetMs(ms, timeZone) / 1000);
      const abs = Math.abs(off);
      const hm = `${pad(Math.trunc(abs / 3600))}:${pad(Math.trunc(abs / 60) % 60)}`;
      const offset = off === 0 ? 'Z' : `${off < 0 ? '-' : '+'}${hm}${abs % 60 ? `:${pad(abs % 60)}` : ''}`;
      const time =
        precision === 'second'
          ? `${pad(f.hour)}:${pad(f.minute)}:${pad(f.second)}`
          : `${pad(f.hour)}:${pad(f.minute)}`;
      return `${date}-${pad(f.month)}-${pad(f.day)}T${time}${offset}`;
    }
  }
}

/** UTC ISO instant without milliseconds when there are none: `2024-12-09T13:45:00Z`. */
export function isoInstant(at: Date): string {
  return at.toISOString().replace('.000Z', 'Z');
}

/** Partial dates as stored for periods: `1987`, `1987-03`, `1987-03-14`. */
export function isPartialDate(s: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
  if (!m || !yearInRange(Number(m[1]))) return false;
  return fieldsValid({
    year: Number(m[1]),
    month: m[2] ? Number(m[2]) : 1,
    day: m[3] ? Number(m[3]) : 1,
    hour: 0,
    minute: 0,
    second: 0,
  });
}
