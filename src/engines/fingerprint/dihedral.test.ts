import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DIHEDRAL_VARIANTS, dihedralHashes } from './dihedral.ts';
import { hammingDistance, pdqHash } from './pdq.ts';
import type { Pixels } from './types.ts';
import { transformPixels } from './transform.testkit.ts';

describe('dihedral variants', () => {
  it('a 64×64 picture needs no resampling, so every derived variant equals the hash of the turned picture', () => {
    // At 64×64 the grid is the picture itself and turning it permutes the DCT exactly; only
    // floating-point summation order differs, so a coefficient next to the median may swap.
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 64 * 64, maxLength: 64 * 64 }),
        fc.constantFrom(...DIHEDRAL_VARIANTS),
        (data, variant) => {
          const p: Pixels = { width: 64, height: 64, channels: 1, data };
          const derived = dihedralHashes(p).variants.find((v) => v.variant === variant)!;
          const turned = pdqHash(transformPixels(p, variant));
          expect(hammingDistance(derived.hash, turned.hash)).toBeLessThanOrEqual(2);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('original is the plain hash, and the 8 variants are distinct for a structured picture', () => {
    const data = new Uint8Array(200 * 120);
    for (let i = 0; i < data.length; i++)
      data[i] = ((i % 200) * 3 + Math.floor(i / 200) * 5 + ((i * 13) % 17)) & 255;
    const p: Pixels = { width: 200, height: 120, channels: 1, data };
    const { variants, quality } = dihedralHashes(p);
    expect(variants.map((v) => v.variant)).toEqual([...DIHEDRAL_VARIANTS]);
    expect(variants[0]!.hash).toEqual(pdqHash(p).hash);
    expect(quality).toBe(pdqHash(p).quality);
    expect(new Set(variants.map((v) => Buffer.from(v.hash).toString('hex'))).size).toBe(8);
  });

  it('transpose is exact at any size (the grid is symmetric under swapping x and y)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 5, max: 300 }), fc.integer({ min: 1, max: 1000 }), (n, seed) => {
        const data = new Uint8Array(n * n);
        for (let i = 0; i < data.length; i++) data[i] = (Math.sin(i * 0.37 + seed) * 127 + 128) | 0;
        const p: Pixels = { width: n, height: n, channels: 1, data };
        const derived = dihedralHashes(p).variants[6]!;
        expect(derived.variant).toBe('transpose');
        expect(
          hammingDistance(derived.hash, pdqHash(transformPixels(p, 'transpose')).hash),
        ).toBeLessThanOrEqual(2);
      }),
      { numRuns: 20 },
    );
  });
});
