/**
 * A CSV file read as it streams: hashed (SHA-256 of the bytes as sent), its encoding found from
 * its first bytes (UTF-8, with or without a byte-order mark, or Windows-1256, the Arabic code page
 * Excel writes on Arabic Windows), decoded and parsed one record at a time, so a 300,000-row file
 * never sits whole in memory. Each record comes with the line it starts on.
 *
 * Refused with the line: bytes that are not text (a NUL: a spreadsheet or an image sent as CSV),
 * bytes that stop being UTF-8 in a file that began as UTF-8, an unclosed quote.
 */
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { invalid } from '#src/platform/errors.ts';

export type TextEncoding = 'utf-8' | 'windows-1256';

export interface TableRecord {
  line: number;
  cells: string[];
  /** Why the row cannot be read at all (a spreadsheet's formula without a value), if so. */
  problem?: string;
}

export interface TableFile {
  /** Header first, then each record. */
  records: AsyncIterable<TableRecord>;
  /** Known once `records` is done. */
  done: () => { sha256: string; encoding: TextEncoding; bytes: number };
}

/** How many bytes decide the encoding. */
const SNIFF_BYTES = 64 * 1024;

/** UTF-8 when the first bytes are valid UTF-8 (a character cut at the end aside), else Windows-1256. */
export function sniffEncoding(head: Uint8Array): TextEncoding {
  let end = head.length;
  // A multi-byte character cut by the sniff window is not an error.
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const b = head[end - back]!;
    if ((b & 0xc0) === 0x80) continue;
    if (b >= 0xc0) end -= back;
    break;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, end));
    return 'utf-8';
  } catch {
    return 'windows-1256';
  }
}

const fileError = (line: number, message: string) =>
  invalid('import.file', `line ${line}: ${message}`, { details: { line } });

export function readTableFile(body: Readable, opts: { maxBytes: number }): TableFile {
  const hash = createHash('sha256');
  let bytes = 0;
  let encoding: TextEncoding = 'utf-8';
  const lineAt = { value: 1 };
  async function* decoded(): AsyncGenerator<string> {
    let head: Buffer[] = [];
    let headBytes = 0;
    let decoder: TextDecoder | null = null;
    const text = (chunk: Buffer, last: boolean): string => {
      if (chunk.includes(0))
        throw fileError(lineAt.value, 'the file holds binary data (a NUL byte): send a CSV file');
      try {
        return decoder!.decode(chunk, { stream: !last });
      } catch {
        throw fileError(
          lineAt.value,
          'the file stops being UTF-8 here; save it as UTF-8 (or all of it as Windows-1256)',
        );
      }
    };
    for await (const c of body) {
      const chunk = Buffer.isBuffer(c) ? c : Buffer.from(c as string);
      hash.update(chunk);
      bytes += chunk.length;
      if (bytes > opts.maxBytes)
        throw invalid('import.too_large', `the file is larger than ${opts.maxBytes} bytes`);
      if (!decoder) {
        head.push(chunk);
        headBytes += chunk.length;
        if (headBytes < SNIFF_BYTES) continue;
        const all = Buffer.concat(head);
        head = [];
        encoding = sniffEncoding(all);
        decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8', ignoreBOM: false });
        yield text(all, false);
        continue;
      }
      yield text(chunk, false);
    }
    if (!decoder) {
      const all = Buffer.concat(head);
      encoding = sniffEncoding(all);
      decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8', ignoreBOM: false });
      yield text(all, true);
    } else {
      yield text(Buffer.alloc(0), true);
    }
  }

  async function* records(): AsyncGenerator<TableRecord> {
    const parser = parse({ relax_column_count: true, skip_empty_lines: true, info: true, trim: false });
    const source = decoded();
    // Feeds the decoded text to the parser as it drains. When the reader stops early (a refused
    // header, an error), the parser is destroyed: the feed then reads the rest of the file without
    // parsing it, so that the hash and the byte count cover the whole file, and ends.
    const feed = (async () => {
      try {
        for await (const t of source) {
          if (!t || parser.destroyed) continue;
          if (!parser.write(t))
            await new Promise<void>((ok) => {
              parser.once('drain', ok);
              parser.once('close', ok);
            });
        }
        if (!parser.destroyed) parser.end();
      } catch (e) {
        parser.destroy(e as Error);
      }
    })();
    try {
      for await (const r of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
        const line = r.info.lines - countNewlines(r.record);
        lineAt.value = r.info.lines;
        yield { line, cells: r.record };
      }
    } catch (e) {
      if (e instanceof Error && 'code' in e && typeof e.code === 'string' && e.code.startsWith('CSV_'))
        throw fileError(lineAt.value, `not valid CSV (${e.message.replace(/^Invalid Opening Quote: /, '')})`);
      throw e;
    } finally {
      // Stopped early (or done): the feed must not wait for a drain that will never come.
      parser.destroy();
      await feed;
    }
  }

  return {
    records: records(),
    done: () => ({ sha256: hash.digest('hex'), encoding, bytes }),
  };
}

/** Newlines inside a record's quoted cells (so the record's first line can be told). */
function countNewlines(cells: readonly string[]): number {
  let n = 0;
  for (const c of cells) for (let i = c.indexOf('\n'); i >= 0; i = c.indexOf('\n', i + 1)) n++;
  return n;
}
