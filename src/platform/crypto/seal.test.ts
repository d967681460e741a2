import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SealError, seal, unseal } from './seal.ts';

describe('seal', () => {
  const key = randomBytes(32);

  it('opens what it sealed, and never yields the same bytes twice', () => {
    const a = seal(key, Buffer.from('+963 11 555 0101'), 'inquiry:1:contact');
    const b = seal(key, Buffer.from('+963 11 555 0101'), 'inquiry:1:contact');
    expect(a.equals(b)).toBe(false);
    expect(a.includes(Buffer.from('555'))).toBe(false);
    expect(unseal(key, a, 'inquiry:1:contact').toString()).toBe('+963 11 555 0101');
  });

  it('refuses another key, another place, and any altered byte', () => {
    const s = seal(key, Buffer.from('secret'), 'inquiry:1:contact');
    expect(() => unseal(randomBytes(32), s, 'inquiry:1:contact')).toThrow(SealError);
    expect(() => unseal(key, s, 'inquiry:2:contact')).toThrow(SealError);
    for (const i of [0, 5, 20, s.length - 1]) {
      const t = Buffer.from(s);
      t[i] = t[i]! ^ 1;
      expect(() => unseal(key, t, 'inquiry:1:contact')).toThrow(SealError);
    }
    expect(() => unseal(key, s.subarray(0, 10), 'inquiry:1:contact')).toThrow(SealError);
  });

  it('refuses a key of the wrong size', () => {
    expect(() => seal(randomBytes(16), Buffer.from('x'), 'a')).toThrow(SealError);
  });
});
