// Checks the desk makes before sending, matching the server's rules, so that a form says what is
// wrong beside the field at once (the server checks again and has the last word).

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
