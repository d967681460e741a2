/**
 * Sealing of protected values: AES-256-GCM with a fresh 96-bit nonce per value, and the name of
 * what is sealed (record id and field) as additional data, so a sealed value moved to another
 * record or field fails to open instead of opening as the wrong thing.
 *
 * Layout: version (1 byte, 1) · nonce (12) · tag (16) · ciphertext.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const VERSION = 1;
const NONCE = 12;
const TAG = 16;
export const KEY_BYTES = 32;

export class SealError extends Error {}

export function seal(key: Buffer, plaintext: Buffer, aad: string): Buffer {
  if (key.length !== KEY_BYTES) throw new SealError(`a key is ${KEY_BYTES} bytes, not ${key.length}`);
  const nonce = randomBytes(NONCE);
  const c = createCipheriv('aes-256-gcm', key, nonce);
  c.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([c.update(plaintext), c.final()]);
  return Buffer.concat([Buffer.from([VERSION]), nonce, c.getAuthTag(), body]);
}

/** The plaintext, or a SealError when the value was altered, or sealed with another key or for another place. */
export function unseal(key: Buffer, sealed: Buffer, aad: string): Buffer {
  if (sealed.length < 1 + NONCE + TAG || sealed[0] !== VERSION)
    throw new SealError('not a sealed value of a version athar knows');
  const d = createDecipheriv('aes-256-gcm', key, sealed.subarray(1, 1 + NONCE));
  d.setAAD(Buffer.from(aad, 'utf8'));
  d.setAuthTag(sealed.subarray(1 + NONCE, 1 + NONCE + TAG));
  try {
    return Buffer.concat([d.update(sealed.subarray(1 + NONCE + TAG)), d.final()]);
  } catch {
    throw new SealError('the sealed value does not open: altered, or sealed with another key');
  }
}
