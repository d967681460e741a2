// Every string the desk shows comes from these files (test/web/i18n.test.ts checks that the three
// languages have the same keys and that no component shows text of its own). The language is the
// reader's choice, else the browser's on the first visit; Arabic turns the whole layout right to left.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LIMITS } from '../lib/checks';
import { formatNumber } from '../lib/format';
import { getPrefs, localeOf, type Language } from '../lib/prefs';
import ar from './ar.json';
import en from './en.json';
import fr from './fr.json';

export const resources = { en: { translation: en }, ar: { translation: ar }, fr: { translation: fr } };

/** Keys asked for that no file has: the end-to-end tests fail when any page asks for one. */
export const missingKeys = new Set<string>();

export function direction(language: Language): 'rtl' | 'ltr' {
  return language === 'ar' ? 'rtl' : 'ltr';
}

export function applyLanguage(language: Language): void {
  document.documentElement.lang = language;
  document.documentElement.dir = direction(language);
  if (i18next.language !== language) void i18next.changeLanguage(language);
}

void i18next.use(initReactI18next).init({
  resources,
  lng: getPrefs().language,
  fallbackLng: false,
  returnNull: false,
  // React renders text, never HTML. The server's limits are in every string's reach, so that a
  // number a string states comes formatted in the reader's digits ({{pwMin, num}}).
  interpolation: { escapeValue: false, defaultVariables: { ...LIMITS } },
  saveMissing: true,
  missingKeyHandler: (_lngs, _ns, key) => {
    missingKeys.add(key);
  },
});
// Numbers in the reader's locale and digits (Arabic-Indic or Latin); `plain` without grouping (a year).
i18next.services.formatter?.add('num', (value: number) => formatNumber(localeOf(getPrefs()), value));
i18next.services.formatter?.add('plain', (value: number) =>
  formatNumber(localeOf(getPrefs()), value, { useGrouping: false }),
);
// Exposed for the end-to-end tests, which read which keys were missing.
(globalThis as { __atharMissingKeys?: Set<string> }).__atharMissingKeys = missingKeys;
applyLanguage(getPrefs().language);

export default i18next;
