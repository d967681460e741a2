/**
 * Shared shapes of the fingerprint engine. A PDQ hash is 256 bits held as 32 bytes in the order
 * of its 64-character hex form (byte 0 = the first two hex digits), so `hex ⇄ bytes` is a plain
 * hex codec and Hamming distance is a popcount over bytes or words.
 */

/** Decoded 8-bit pixels, interleaved, row-major, as sharp's `raw()` gives them. */
export interface Pixels {
  width: number;
  height: number;
  /** 1 grey, 2 grey+alpha, 3 RGB, 4 RGBA (alpha is ignored, never composited). */
  channels: 1 | 2 | 3 | 4;
  data: Uint8Array;
}

/** One PDQ hash and its quality (0–100; below 50 is weak evidence). */
export interface PdqHash {
  hash: Uint8Array; // 32 bytes
  quality: number;
}

/** Quality below this is kept but marked weak, and never used to match video frames. */
export const WEAK_QUALITY = 50;

/**
 * Two hashes at most this many bits apart are a match: Meta's recommended PDQ threshold, used by
 * ThreatExchange and HMA (vPDQ uses it per frame).
 */
export const MATCH_DISTANCE = 31;

/** A hashed video frame (the vPDQ representation): source frame number, time in seconds. */
export interface VideoFrameHash {
  i: number;
  t: number;
  hash: Uint8Array;
  quality: number;
}

/** A frame hash with, when the frame has uniform borders, the hash of what is inside them. */
export interface VideoFrameHashes extends VideoFrameHash {
  trimmed?: PdqHash | null;
}
