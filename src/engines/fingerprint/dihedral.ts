/**
 * The 8 dihedral variants of a PDQ hash (the picture turned by 0/90/180/270° and mirrored),
 * derived from the one DCT block instead of re-hashing 8 turned pictures.
 *
 * Why this works: PDQ keeps DCT frequencies 1–16. Mirroring the 64×64 grid left-right
 * (x → 63 − x) multiplies the basis of horizontal frequency f by (−1)^f, so coefficients with odd
 * f (even column index, since index = f − 1) change sign; upside-down does the same for rows;
 * transposing the picture transposes the block. Every dihedral transform is a composition of
 * those. The grid samples asymmetric cell centres, so a derived variant is close to, not equal to,
 * the hash of the physically turned picture (0–18 bits on a photo; only transpose is exact).
 */
import { bitsFromDct, pdqTransform, type Box } from './pdq.ts';
import type { Pixels } from './types.ts';

/** Variant names as ../shared/CLI.md spells them. */
export const DIHEDRAL_VARIANTS = [
  'original',
  'rotate90',
  'rotate180',
  'rotate270',
  'flipH',
  'flipV',
  'transpose',
  'transverse',
] as const;

/**
 * A dihedral transform of a picture. rotate90 is counter-clockwise (PDQ's and Pillow's sense);
 * flipH mirrors left-right (PDQ "flipy"), flipV turns upside down (PDQ "flipx"); transpose swaps
 * x and y (PDQ "flipplus1"), transverse is transpose followed by a half turn (PDQ "flipminus1").
 */
export type DihedralVariant = (typeof DIHEDRAL_VARIANTS)[number];

interface Recipe {
  /** Transpose the block (the picture's x and y swap). */
  transpose: boolean;
  /** Negate coefficients whose row index (in the result) is even: an upside-down flip. */
  flipRows: boolean;
  /** Negate coefficients whose column index (in the result) is even: a left-right mirror. */
  flipCols: boolean;
}

const RECIPES: Record<DihedralVariant, Recipe> = {
  original: { transpose: false, flipRows: false, flipCols: false },
  // turning counter-clockwise = transpose, then upside down
  rotate90: { transpose: true, flipRows: true, flipCols: false },
  rotate180: { transpose: false, flipRows: true, flipCols: true },
  // turning clockwise = transpose, then mirror
  rotate270: { transpose: true, flipRows: false, flipCols: true },
  flipH: { transpose: false, flipRows: false, flipCols: true },
  flipV: { transpose: false, flipRows: true, flipCols: false },
  transpose: { transpose: true, flipRows: false, flipCols: false },
  transverse: { transpose: true, flipRows: true, flipCols: true },
};

const N = 16;
const scratch = new Float64Array(N * N);

/** Writes the DCT block of the variant `variant` of the picture whose block is `dct`. */
export function transformDct(
  dct: Float64Array,
  variant: DihedralVariant,
  out: Float64Array = new Float64Array(N * N),
): Float64Array {
  const { transpose, flipRows, flipCols } = RECIPES[variant];
  for (let i = 0; i < N; i++) {
    for (let j = 0; j < N; j++) {
      const r = transpose ? j : i;
      const c = transpose ? i : j;
      const negate = (flipRows && (r & 1) === 0) !== (flipCols && (c & 1) === 0);
      const v = dct[i * N + j]!;
      out[r * N + c] = negate ? -v : v;
    }
  }
  return out;
}

/** One variant's hash. */
export interface DihedralHash {
  variant: DihedralVariant;
  hash: Uint8Array;
}

/** The 8 variant hashes of a DCT block, in DIHEDRAL_VARIANTS order. */
export function dihedralFromDct(dct: Float64Array): DihedralHash[] {
  return DIHEDRAL_VARIANTS.map((variant) => ({
    variant,
    hash: bitsFromDct(transformDct(dct, variant, scratch)),
  }));
}

/** The 8 variant hashes of a picture (or of `box` inside it) and its quality. */
export function dihedralHashes(pixels: Pixels, box?: Box): { quality: number; variants: DihedralHash[] } {
  const { dct, quality } = pdqTransform(pixels, box);
  return { quality, variants: dihedralFromDct(dct) };
}
