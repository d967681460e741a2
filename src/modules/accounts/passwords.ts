import { createHash, timingSafeEqual } from 'node:crypto';
import { hash as argonHash, verify as argonVerify } from '@node-rs/argon2';
import type { Ids } from '#src/platform/ports.ts';

/** Secrets are stored only as SHA-256: a leaked table gives no usable session or token. */
export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export const hashPassword = (password: string): Promise<string> => argonHash(password);

/** Whether `password` matches the argon2id `hash`; a malformed hash is a mismatch. */
export const passwordMatches = (hash: string, password: string): Promise<boolean> =>
  argonVerify(hash, password).catch(() => false);

// A real argon2id hash of a random string, verified when the user does not exist so that a
// wrong username costs the same time as a wrong password.
let dummyHash: Promise<string> | null = null;
export function dummyPasswordHash(ids: Ids): Promise<string> {
  dummyHash ??= argonHash(ids.secret());
  return dummyHash;
}

/** A readable one-time password: 4 groups of 5 characters from a URL-safe alphabet. */
export function oneTimePassword(ids: Ids): string {
  const s = ids.secret(18).replace(/[-_]/g, 'x');
  return `${s.slice(0, 5)}-${s.slice(5, 10)}-${s.slice(10, 15)}-${s.slice(15, 20)}`;
}

/** Compares a presented CSRF token with the stored hash in constant time. */
export function csrfMatches(csrfHash: string, presented: string | undefined): boolean {
  if (!presented) return false;
  const a = Buffer.from(sha256(presented));
  const b = Buffer.from(csrfHash);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * What makes a password unacceptable besides its length (the schemas ask for 12 to 256
 * characters): nothing but white space, or fewer than five different characters ("aaaaaaaaaaaa").
 * A passphrase of words with spaces between them is fine.
 */
export function passwordProblem(password: string): string | null {
  if (password.trim() === '') return 'a password cannot be only spaces';
  if (new Set(password).size < 5) return 'a password needs at least five different characters';
  return null;
}
