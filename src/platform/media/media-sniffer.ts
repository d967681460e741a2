/**
 * Tells pictures from videos by their first bytes, never by the file name: evidence arrives
 * renamed, with wrong or missing extensions, and a text file named .jpg must be refused as what it
 * is. Only the kind is decided here; the decoders find out whether the content is sound.
 */
import { open } from 'node:fs/promises';
import { EMPTY_FILE, ioReason, mediaError, requireMediaFile } from './media-file.ts';

/** What a file looks like from its magic bytes. `unknown` files are handed to the image decoder,
 * which reports why it cannot read them. */
export type MediaKind = 'image' | 'video' | 'unknown';

// ISO-BMFF major brands that are still pictures (HEIF/AVIF); every other `ftyp` is a movie.
const PICTURE_BRANDS = new Set([
  'avif',
  'avis',
  'heic',
  'heix',
  'heim',
  'heis',
  'hevc',
  'hevx',
  'mif1',
  'msf1',
]);

function ascii(b: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...b.subarray(from, to));
}

/** The kind of media the first bytes (at least 12, 400 for MPEG-TS) announce. */
export function sniffBytes(b: Uint8Array): MediaKind {
  const starts = (...sig: number[]) => sig.every((v, i) => b[i] === v);
  if (starts(0xff, 0xd8, 0xff)) return 'image'; // JPEG
  if (starts(0x89, 0x50, 0x4e, 0x47)) return 'image'; // PNG
  if (ascii(b, 0, 4) === 'GIF8') return 'image'; // GIF, animated or not: the decoder decides
  if (starts(0x49, 0x49, 0x2a, 0x00) || starts(0x4d, 0x4d, 0x00, 0x2a)) return 'image'; // TIFF
  if (ascii(b, 0, 4) === 'RIFF') {
    const form = ascii(b, 8, 12);
    if (form === 'WEBP') return 'image';
    if (form === 'AVI ') return 'video';
  }
  if (ascii(b, 4, 8) === 'ftyp') return PICTURE_BRANDS.has(ascii(b, 8, 12)) ? 'image' : 'video';
  if (starts(0x1a, 0x45, 0xdf, 0xa3)) return 'video'; // Matroska / WebM
  if (ascii(b, 0, 3) === 'FLV') return 'video';
  if (starts(0x00, 0x00, 0x01, 0xba) || starts(0x00, 0x00, 0x01, 0xb3)) return 'video'; // MPEG-PS / MPEG-1
  if (starts(0x30, 0x26, 0xb2, 0x75)) return 'video'; // ASF / WMV
  if (ascii(b, 0, 4) === 'OggS') return 'video';
  if (b[0] === 0x47 && b[188] === 0x47 && b[376] === 0x47) return 'video'; // MPEG transport stream
  // Older QuickTime files start with an atom other than ftyp
  if (['moov', 'mdat', 'wide', 'free', 'skip'].includes(ascii(b, 4, 8))) return 'video';
  return 'unknown';
}

/** Reads the first bytes of a file and sniffs them. Missing or unreadable files are AppErrors. */
export async function sniffFile(file: string): Promise<MediaKind> {
  await requireMediaFile(file);
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (e) {
    throw mediaError(file, ioReason(e), { cause: e });
  }
  try {
    const head = new Uint8Array(512);
    let bytesRead: number;
    try {
      ({ bytesRead } = await handle.read(head, 0, head.length, 0));
    } catch (e) {
      throw mediaError(file, ioReason(e), { cause: e });
    }
    if (bytesRead === 0) throw mediaError(file, EMPTY_FILE); // emptied since it was checked
    return sniffBytes(head.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

/** jpeg, png, gif, webp, mp4, webm from the first bytes, or null. */
export async function sniffFormat(file: string): Promise<string | null> {
  const kind = await sniffFile(file).catch(() => null);
  if (!kind || kind === 'unknown') return null;
  const fh = await open(file, 'r');
  try {
    const b = Buffer.alloc(16);
    await fh.read(b, 0, 16, 0);
    if (b[0] === 0xff && b[1] === 0xd8) return 'jpeg';
    if (b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
    if (b.subarray(0, 3).toString('latin1') === 'GIF') return 'gif';
    if (b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP')
      return 'webp';
    if (b.subarray(4, 8).toString('latin1') === 'ftyp') return 'mp4';
    if (b[0] === 0x1a && b[1] === 0x45 && b[2] === 0xdf && b[3] === 0xa3) return 'webm';
    return null;
  } finally {
    await fh.close();
  }
}
