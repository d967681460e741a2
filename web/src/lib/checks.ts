// Checks the desk makes before sending, matching the server's rules, so that a form says what is
// wrong beside the field at once (the server checks again and has the last word).

/**
 * The server's limits, named once: the checks below use them, and the translations show them
 * (i18n/index.ts passes them to every string as default variables, formatted in the reader's digits).
 */
export const LIMITS = {
  pwMin: 12,
  pwMax: 256,
  pwDistinct: 5,
  claimMin: 3,
  ratingMin: 1,
  ratingMax: 5,
  yearMin: 1000,
  userMin: 2,
  userMax: 63,
  daysMin: 1,
  daysMax: 3650,
} as const;

/** A username (src/modules/accounts/schemas.ts). */
export const USERNAME = /^[a-z0-9][a-z0-9._-]{1,62}$/;

/** A URL the API will take (http or https); null when it may be sent. */
export function urlProblem(t: (k: string) => string, u: string): string | null {
  if (!u.trim()) return null;
  try {
    const url = new URL(u.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? null : t('form.badUrl');
  } catch {
    return t('form.badUrl');
  }
}
