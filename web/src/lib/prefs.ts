// The reader's preferences, kept in this browser: language, digits, and how times are shown.
import { useSyncExternalStore } from 'react';

export const LANGUAGES = ['en', 'ar', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];
/** Arabic-Indic (٠١٢) or Latin (012) digits; `auto` follows the language's custom. */
export type Digits = 'auto' | 'arab' | 'latn';
/**
 * How a time is shown: in the zone the source gave it (the default: what was said, as it was
 * said), in UTC, or in the reader's own zone.
 */
export type ZoneMode = 'source' | 'utc' | 'reader';

export interface Prefs {
  language: Language;
  digits: Digits;
  zoneMode: ZoneMode;
}

const KEY = 'athar.prefs';

/** The browser's first language the desk speaks, else English (the first visit). */
export function browserLanguage(
  languages: readonly string[] = typeof navigator === 'undefined' ? [] : (navigator.languages ?? []),
): Language {
  for (const tag of languages) {
    const base = tag.toLowerCase().split('-')[0];
    if ((LANGUAGES as readonly string[]).includes(base!)) return base as Language;
  }
  return 'en';
}

function read(): Prefs {
  const fallback: Prefs = { language: browserLanguage(), digits: 'auto', zoneMode: 'source' };
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<Prefs> | null;
    if (!stored || typeof stored !== 'object') return fallback;
    return {
      language: (LANGUAGES as readonly string[]).includes(stored.language ?? '')
        ? (stored.language as Language)
        : fallback.language,
      digits: stored.digits === 'arab' || stored.digits === 'latn' ? stored.digits : 'auto',
      zoneMode: stored.zoneMode === 'utc' || stored.zoneMode === 'reader' ? stored.zoneMode : 'source',
    };
  } catch {
    return fallback;
  }
}

let current: Prefs | null = null;
const listeners = new Set<() => void>();

export function getPrefs(): Prefs {
  current ??= read();
  return current;
}

export function setPrefs(change: Partial<Prefs>): void {
  current = { ...getPrefs(), ...change };
  localStorage.setItem(KEY, JSON.stringify(current));
  for (const fn of listeners) fn();
}

function subscribe(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

export function usePrefs(): Prefs {
  return useSyncExternalStore(subscribe, getPrefs);
}

// English dates are written day first ("9 December 2024"), as in most of the world the desk serves.
// Arabic is formatted as in Syria (ar-SY): Arabic-Indic digits and the Levantine month names (كانون الأول)
// unless the reader asks for Latin digits; plain `ar` would give Latin digits in current ICU.
const FORMAT_LOCALE: Record<Language, string> = { en: 'en-GB', ar: 'ar-SY', fr: 'fr' };

/** The BCP 47 locale the desk formats with: the language, with the digits asked for. */
export function localeOf(p: Pick<Prefs, 'language' | 'digits'>): string {
  const base = FORMAT_LOCALE[p.language];
  return p.digits === 'auto' ? base : `${base}-u-nu-${p.digits}`;
}
