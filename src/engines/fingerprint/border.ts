/**
 * Uniform borders: black bars (letterbox, pillarbox) and frames of any single colour that
 * re-uploads add around a picture. Hashing the picture inside them lets a letterboxed copy match
 * its original, so athar keeps both hashes.
 *
 * A side's outermost line sets the border colour (its per-channel median, robust to a few noisy
 * pixels); lines are peeled off while every pixel stays within `tolerance` of that colour in
 * every colour channel (alpha is ignored, as in hashing). The tolerance absorbs JPEG ringing: 25
 * is the black threshold with which python-threatexchange's un-letterboxing reproduces the
 * original's hash on its letterboxed test picture.
 */
import type { Pixels } from './types.ts';
import type { Box } from './pdq.ts';

/** How border detection decides. */
export interface BorderOptions {
  /** Largest per-channel difference from the border colour that still counts as border. */
  tolerance: number;
  /** Thinner borders are ignored: a 1-pixel dark edge is usually part of the picture. */
  minThickness: number;
  /** The remaining picture must keep at least this fraction of each dimension. */
  minKeepFraction: number;
}

/** Defaults used by `athar hash`. */
export const DEFAULT_BORDER_OPTIONS: BorderOptions = { tolerance: 25, minThickness: 2, minKeepFraction: 0.1 };

/** Per-channel median colour of a line of pixels (count pixels from `start`, `step` apart). */
function lineColour(p: Pixels, start: number, step: number, count: number, colourChannels: number): number[] {
  const colour: number[] = [];
  const histogram = new Uint32Array(256);
  for (let c = 0; c < colourChannels; c++) {
    histogram.fill(0);
    for (let k = 0, o = start + c; k < count; k++, o += step) histogram[p.data[o]!]!++;
    let seen = 0;
    let v = 0;
    for (; v < 256; v++) {
      seen += histogram[v]!;
      if (seen * 2 >= count) break;
    }
    colour.push(v);
  }
  return colour;
}

/** True when every pixel of the line is within tolerance of `colour`. */
function lineMatches(
  p: Pixels,
  start: number,
  step: number,
  count: number,
  colour: number[],
  colourChannels: number,
  tolerance: number,
): boolean {
  for (let k = 0, o = start; k < count; k++, o += step) {
    for (let c = 0; c < colourChannels; c++) {
      const d = p.data[o + c]! - colour[c]!;
      if (d > tolerance || d < -tolerance) return false;
    }
  }
  return true;
}

/**
 * The box inside uniform borders, or null when there is no border worth trimming (none thicker
 * than `minThickness`, or the picture is uniform through and through).
 */
export function findContentBox(pixels: Pixels, options: BorderOptions = DEFAULT_BORDER_OPTIONS): Box | null {
  const { width, height, channels } = pixels;
  if (width < 3 || height < 3) return null;
  const colourChannels = channels === 2 || channels === 4 ? channels - 1 : channels;
  const row = (y: number) => y * width * channels;
  const col = (x: number) => x * channels;
  const rowStep = channels;
  const colStep = width * channels;

  let top = 0;
  let bottom = height; // exclusive
  let left = 0;
  let right = width; // exclusive

  // Rows first over the full width, then columns over the rows that remain, so a frame's
  // corners (shared by both) do not stop either scan.
  const topColour = lineColour(pixels, row(0), rowStep, width, colourChannels);
  while (
    top < height &&
    lineMatches(pixels, row(top), rowStep, width, topColour, colourChannels, options.tolerance)
  )
    top++;
  if (top === height) return null; // one colour through and through: nothing inside to hash
  const bottomColour = lineColour(pixels, row(height - 1), rowStep, width, colourChannels);
  while (
    bottom > top &&
    lineMatches(pixels, row(bottom - 1), rowStep, width, bottomColour, colourChannels, options.tolerance)
  )
    bottom--;

  const rows = bottom - top;
  const leftColour = lineColour(pixels, row(top) + col(0), colStep, rows, colourChannels);
  while (
    left < width &&
    lineMatches(pixels, row(top) + col(left), colStep, rows, leftColour, colourChannels, options.tolerance)
  )
    left++;
  const rightColour = lineColour(pixels, row(top) + col(width - 1), colStep, rows, colourChannels);
  while (
    right > left &&
    lineMatches(
      pixels,
      row(top) + col(right - 1),
      colStep,
      rows,
      rightColour,
      colourChannels,
      options.tolerance,
    )
  )
    right--;

  // Ignore hairline edges, side by side.
  if (top < options.minThickness) top = 0;
  if (height - bottom < options.minThickness) bottom = height;
  if (left < options.minThickness) left = 0;
  if (width - right < options.minThickness) right = width;

  const box = { left, top, width: right - left, height: bottom - top };
  if (box.width === width && box.height === height) return null;
  if (
    box.width < Math.max(5, width * options.minKeepFraction) ||
    box.height < Math.max(5, height * options.minKeepFraction)
  ) {
    return null;
  }
  return box;
}
