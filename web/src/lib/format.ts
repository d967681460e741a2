// Dates, numbers and zones in the reader's language and digits. A time is shown no more precisely
// than its source gave it, in the source's zone unless the reader asks for UTC or their own; a
// date known only to the day (or month, or year) is a date of the source's calendar and is not
// moved into another zone, where it would name a day the source never said.
import { parseWhen } from '../../../src/engines/time/zoned.ts';
import type { When } from '../api/types';
import type { ZoneMode } from './prefs';

export type Precision = When['precision'];
const DATE_ONLY: ReadonlySet<Precision> = new Set(['year', 'month', 'day']);

const cache = new Map<string, Intl.DateTimeFormat>();
function dtf(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    cache.set(key, f);
  }
  return f;
}

function optionsFor(precision: Precision, zone: string): Intl.DateTimeFormatOptions {
  const o: Intl.DateTimeFormatOptions = { timeZone: zone, year: 'numeric' };
  if (precision === 'year') return o;
  o.month = 'long';
  if (precision === 'month') return o;
  o.day = 'numeric';
  if (precision === 'day') return o;
  o.hour = '2-digit';
  o.minute = '2-digit';
  o.hourCycle = 'h23';
  if (precision === 'second') o.second = '2-digit';
  return o;
}

export function readerZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** A zone's name in the reader's language ("Syria Time", "توقيت سوريا"), else its IANA id. */
export function zoneName(locale: string, zone: string, at = new Date()): string {
  if (zone === 'UTC' || zone === 'Etc/UTC') return 'UTC';
  try {
    const part = dtf(locale, { timeZone: zone, timeZoneName: 'longGeneric' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName');
    return part?.value ?? zone;
  } catch {
    return zone;
  }
}

export interface ShownTime {
  /** The date and time, as precise as known. */
  text: string;
  /** The zone it is shown in (IANA id or UTC). */
  zone: string;
  /** That zone's name in the reader's language. */
  zoneName: string;
  precision: Precision;
  /** True when shown in another zone than the source's. */
  converted: boolean;
}

/** A display mode, or one zone chosen by name (the timeline's "in Asia/Damascus"). */
export type ShowIn = ZoneMode | { zone: string };

/** Which zone a time is shown in, for a display mode. */
export function zoneFor(mode: ShowIn, sourceZone: string): string {
  if (typeof mode === 'object') return mode.zone;
  return mode === 'utc' ? 'UTC' : mode === 'reader' ? readerZone() : sourceZone;
}

/** An instant at a precision, in a zone. */
export function showInstant(
  locale: string,
  iso: string,
  zone: string,
  precision: Precision = 'minute',
): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return dtf(locale, optionsFor(precision, zone)).format(d);
}

/** A time as a source gave it, in the zone the reader asked for (dates stay in the source's). */
export function showWhen(
  locale: string,
  w: Pick<When, 'at' | 'precision' | 'timeZone'>,
  mode: ShowIn,
  caseZone: string,
): ShownTime {
  const sourceZone = w.timeZone ?? caseZone;
  const zone = DATE_ONLY.has(w.precision) ? sourceZone : zoneFor(mode, sourceZone);
  return {
    text: showInstant(locale, w.at, zone, w.precision),
    zone,
    zoneName: zoneName(locale, zone, new Date(w.at)),
    precision: w.precision,
    converted: zone !== sourceZone,
  };
}

export function formatNumber(locale: string, n: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(locale, options).format(n);
}

/** "3 hours ago", "in 2 days" — for when a change was made. */
export function relativeTime(locale: string, iso: string, now = Date.now()): string {
  const s = (new Date(iso).getTime() - now) / 1000;
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const abs = Math.abs(s);
  if (abs < 60) return rtf.format(Math.round(s), 'second');
  if (abs < 3600) return rtf.format(Math.round(s / 60), 'minute');
  if (abs < 86400) return rtf.format(Math.round(s / 3600), 'hour');
  if (abs < 86400 * 30) return rtf.format(Math.round(s / 86400), 'day');
  if (abs < 86400 * 365) return rtf.format(Math.round(s / (86400 * 30)), 'month');
  return rtf.format(Math.round(s / (86400 * 365)), 'year');
}

/** A partial date of a figure's period (1987, 1987-03, 1987-03-14), in words. */
export function showPartialDate(locale: string, d: string): string {
  const [y, m, day] = d.split('-').map(Number);
  const precision: Precision = day ? 'day' : m ? 'month' : 'year';
  const iso = `${String(y).padStart(4, '0')}-${String(m ?? 1).padStart(2, '0')}-${String(day ?? 1).padStart(2, '0')}T12:00:00Z`;
  return showInstant(locale, iso, 'UTC', precision);
}

/**
 * The instant of a wall-clock time (`2024-12-08T14:30`, as a datetime-local input gives it) in an
 * IANA zone — read by the server's own time engine (pure, shared with the desk), so both read a
 * time the same way; a time the zone skips lands on the later side. Null when it is not such a time.
 */
export function zonedToInstant(local: string, zone: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(local)) return null;
  try {
    return parseWhen(local, zone).at.toISOString();
  } catch {
    return null;
  }
}

/** A size in bytes, in the reader's digits and units (kB, MB, GB; powers of 1000). */
export function formatBytes(locale: string, n: number): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;
  let v = n;
  let u = 0;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: units[u],
    unitDisplay: 'short',
    maximumFractionDigits: u === 0 ? 0 : 1,
  }).format(v);
}

/** A time within a video, as m:ss (h:mm:ss past an hour), in Latin digits like a player shows. */
export function clockTime(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
