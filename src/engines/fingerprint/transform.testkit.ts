/**
 * Test helper (not used by the application): physically turning pictures, the oracle the
 * dihedral tests compare derived variants with.
 */
import type { DihedralVariant } from './dihedral.ts';
import type { Pixels } from './types.ts';

/**
 * Physically turns or mirrors a picture (the test oracle). rotate90 is counter-clockwise; flipH
 * mirrors left-right; flipV turns upside down; transverse = transpose then half turn.
 */
export function transformPixels(p: Pixels, variant: DihedralVariant): Pixels {
  const { width: w, height: h, channels: ch } = p;
  const swap =
    variant === 'rotate90' || variant === 'rotate270' || variant === 'transpose' || variant === 'transverse';
  const ow = swap ? h : w;
  const oh = swap ? w : h;
  const out = new Uint8Array(p.data.length);
  for (let y = 0; y < oh; y++) {
    for (let x = 0; x < ow; x++) {
      let sx: number;
      let sy: number;
      switch (variant) {
        case 'original':
          [sx, sy] = [x, y];
          break;
        case 'rotate90':
          [sx, sy] = [w - 1 - y, x];
          break;
        case 'rotate180':
          [sx, sy] = [w - 1 - x, h - 1 - y];
          break;
        case 'rotate270':
          [sx, sy] = [y, h - 1 - x];
          break;
        case 'flipH':
          [sx, sy] = [w - 1 - x, y];
          break;
        case 'flipV':
          [sx, sy] = [x, h - 1 - y];
          break;
        case 'transpose':
          [sx, sy] = [y, x];
          break;
        case 'transverse':
          [sx, sy] = [w - 1 - y, h - 1 - x];
          break;
      }
      const s = (sy * w + sx) * ch;
      out.set(p.data.subarray(s, s + ch), (y * ow + x) * ch);
    }
  }
  return { width: ow, height: oh, channels: ch, data: out };
}
