/**
 * The fingerprint index saved in the data directory, so that a start does not read every stored
 * hash again: reading a million rows out of the embedded database takes seconds however they are
 * asked for (measured: 2.1 s for a binary COPY alone), while this file loads in a fraction of
 * that. It is a cache, never the record: the database is; a file that does not match the database
 * (another database, hashes deleted or replaced since, a gap filled) is ignored and the index is
 * read from the database again.
 *
 * Layout: the 8 bytes `ATHARIX1`, a uint32 length and a JSON header (what the index covers, the
 * tables of item ids and variants, each part's length, the CRC-32 of everything after it), then
 * for each part (the whole-picture and frame hashes, then the pictures' windows) the engine's
 * serialised multi-index followed by the slot columns: item number (uint32), variant (uint8),
 * seconds (float64, NaN for none). Each column starts on an 8-byte boundary. Little-endian.
 */
import { readFileSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { MihIndex } from '#src/engines/fingerprint/mih-index.ts';

const MAGIC = Buffer.from('ATHARIX1', 'latin1');
const FORMAT_VERSION = 1;

/** One part of the index and the columns of its slots (only the first `count` entries count). */
export interface IndexPart {
  index: MihIndex;
  count: number;
  item: Uint32Array;
  variant: Uint8Array;
  t: Float64Array;
}

export interface IndexFileHeader {
  version: number;
  /** Which database the index was read from (see `databaseKey`). */
  database: string;
  /** The highest seq read. */
  lastSeq: number;
  /** Rows with seq ≤ lastSeq the index has read (weak ones included: they are counted, not indexed). */
  rows: number;
  /** The item of the row at lastSeq (checked against the database). */
  itemAtLast: string | null;
  /** Seqs below lastSeq that were missing when it was saved (a transaction may still commit them). */
  holes: number[];
  items: string[];
  variants: string[];
  parts: { count: number; indexBytes: number }[];
  crc32: number;
}

export interface IndexFile {
  header: IndexFileHeader;
  parts: IndexPart[];
}

const pad8 = (n: number): number => (n + 7) & ~7;

function partBytes(count: number, indexBytes: number): number {
  return pad8(indexBytes) + pad8(count * 4) + pad8(count) + count * 8;
}

/**
 * The file's bytes for the index as it is now (synchronous: taken in one go, so the index cannot
 * change half-way; the parts' columns are copied).
 */
export function encodeIndexFile(
  header: Omit<IndexFileHeader, 'version' | 'parts' | 'crc32'>,
  parts: readonly IndexPart[],
): Buffer[] {
  const serialised = parts.map((p) => p.index.serialize());
  const body = Buffer.alloc(parts.reduce((n, p, i) => n + partBytes(p.count, serialised[i]!.length), 0));
  let at = 0;
  parts.forEach((p, i) => {
    const ix = serialised[i]!;
    body.set(ix, at);
    at += pad8(ix.length);
    body.set(new Uint8Array(p.item.buffer, p.item.byteOffset, p.count * 4), at);
    at += pad8(p.count * 4);
    body.set(p.variant.subarray(0, p.count), at);
    at += pad8(p.count);
    body.set(new Uint8Array(p.t.buffer, p.t.byteOffset, p.count * 8), at);
    at += p.count * 8;
  });
  const full: IndexFileHeader = {
    ...header,
    version: FORMAT_VERSION,
    parts: parts.map((p, i) => ({ count: p.count, indexBytes: serialised[i]!.length })),
    crc32: crc32(body),
  };
  const json = Buffer.from(JSON.stringify(full), 'utf8');
  const head = Buffer.alloc(pad8(12 + json.length));
  MAGIC.copy(head, 0);
  head.writeUInt32LE(json.length, 8);
  json.copy(head, 12);
  return [head, body];
}

/**
 * Writes the bytes through a temporary file renamed over the old one (never a half-written
 * file), without blocking the process while the disk takes them (a million hashes are ~120 MB).
 */
export async function writeIndexFile(file: string, chunks: readonly Buffer[]): Promise<void> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  const fh = await open(tmp, 'w', 0o600);
  try {
    for (const c of chunks)
      for (let o = 0; o < c.length; o += 1 << 24) await fh.write(c, o, Math.min(1 << 24, c.length - o));
    await fh.sync();
  } catch (e) {
    await fh.close();
    await rm(tmp, { force: true });
    throw e;
  }
  await fh.close();
  await rename(tmp, file);
}

/**
 * The saved index, or why it cannot be used (missing, damaged, another format). The parts' arrays
 * are views on the file's bytes (the index copies them before it writes).
 */
export function readIndexFile(file: string): IndexFile | string {
  if (os.endianness() !== 'LE') return 'a saved index is little-endian only';
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no saved index' : `unreadable: ${String(e)}`;
  }
  if (buf.length < 12 || !buf.subarray(0, 8).equals(MAGIC)) return 'not a saved athar index';
  const jsonLength = buf.readUInt32LE(8);
  let header: IndexFileHeader;
  try {
    header = JSON.parse(buf.subarray(12, 12 + jsonLength).toString('utf8')) as IndexFileHeader;
  } catch {
    return 'damaged header';
  }
  if (header.version !== FORMAT_VERSION) return `format ${String(header.version)}, not ${FORMAT_VERSION}`;
  const shaped =
    Array.isArray(header.parts) &&
    header.parts.length === 2 &&
    header.parts.every((p) => Number.isInteger(p?.count) && Number.isInteger(p?.indexBytes)) &&
    Array.isArray(header.items) &&
    Array.isArray(header.variants) &&
    Array.isArray(header.holes) &&
    Number.isInteger(header.lastSeq) &&
    Number.isInteger(header.rows);
  if (!shaped) return 'damaged header';
  // Typed-array views need 8-byte alignment (the seconds column): copied only when not aligned.
  const start = pad8(12 + jsonLength);
  let body: Uint8Array = buf.subarray(start);
  if (body.byteOffset % 8 !== 0) body = new Uint8Array(body);
  const expected = header.parts.reduce((n, p) => n + partBytes(p.count, p.indexBytes), 0);
  if (body.length !== expected) return `${body.length} bytes after the header, expected ${expected}`;
  if (crc32(body) !== header.crc32) return 'damaged (CRC-32 differs)';
  const parts: IndexPart[] = [];
  let at = 0;
  for (const p of header.parts) {
    const index = MihIndex.load(body.subarray(at, at + p.indexBytes));
    at += pad8(p.indexBytes);
    const item = new Uint32Array(body.buffer, body.byteOffset + at, p.count);
    at += pad8(p.count * 4);
    const variant = body.subarray(at, at + p.count);
    at += pad8(p.count);
    const t = new Float64Array(body.buffer, body.byteOffset + at, p.count);
    at += p.count * 8;
    if (index.size !== p.count) return 'damaged (part sizes differ)';
    parts.push({ index, count: p.count, item, variant, t });
  }
  return { header, parts };
}
