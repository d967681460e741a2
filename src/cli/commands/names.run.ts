/** The work of `athar names`, loaded only when the command runs, so that registering commands (and `--help`) stays cheap. */
import { createReadStream, readFileSync } from 'node:fs';
import { asAppError, invalid } from '#src/platform/errors.ts';
import {
  compareRecords,
  compareTokens,
  normalizeName,
  retrievalKeys,
  tokenize,
  transliterate,
  trigramText,
  type NameToken,
  type PersonRecord,
} from '#src/engines/names/index.ts';
import { printError, printJson, table } from '../output.ts';

/** A score line longer than this is refused without being held in memory (names are ≤ 300 chars). */
const MAX_LINE_BYTES = 64 * 1024;

const RECORD_FIELDS = [
  'name',
  'given',
  'father',
  'grandfather',
  'family',
  'mother',
  'birthYear',
  'birthplace',
] as const;

/** Reads a person record from a JSON file; unknown fields are refused so a typo is not silently ignored. */
function readRecord(file: string): PersonRecord {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw invalid('names.record_unreadable', `${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalid('names.record_unreadable', `${file}: a person record is a JSON object`);
  }
  for (const key of Object.keys(value)) {
    if (!(RECORD_FIELDS as readonly string[]).includes(key)) {
      throw invalid(
        'names.record_field',
        `${file}: unknown field "${key}" (fields: ${RECORD_FIELDS.join(', ')})`,
      );
    }
  }
  const record = value as Record<string, unknown>;
  for (const key of RECORD_FIELDS) {
    const v = record[key];
    if (v === undefined || v === null) continue;
    const ok =
      key === 'birthYear'
        ? typeof v === 'number' || (typeof v === 'object' && !Array.isArray(v))
        : typeof v === 'string';
    if (!ok) throw invalid('names.record_field', `${file}: field "${key}" has the wrong type`);
  }
  return record;
}

/** Score with four decimals at least, as ../shared/CLI.md promises for `names score`. */
function formatScore(score: number): string {
  return score.toFixed(4);
}

// Lines are decoded strictly so invalid UTF-8 is reported for its line instead of being replaced silently.
const fatalUtf8 = new TextDecoder('utf-8', { fatal: true });
const lenientUtf8 = new TextDecoder('utf-8');

// Lists compared against lists repeat names; tokenising each distinct name once halves the work.
const tokenCache = new Map<string, NameToken[]>();
function cachedTokens(name: string): NameToken[] {
  let t = tokenCache.get(name);
  if (t === undefined) {
    t = tokenize(name); // throws for a bad name, which is then not cached
    if (tokenCache.size >= 50_000) tokenCache.clear();
    tokenCache.set(name, t);
  }
  return t;
}

/** Scores one line of a score file: the output line and, when it cannot be scored, the reason. */
export function scoreLine(bytes: Uint8Array): { out: string; error?: { code: string; message: string } } {
  let text: string;
  let end = bytes.length;
  if (end > 0 && bytes[end - 1] === 0x0d) end--; // CRLF
  const body = bytes.subarray(0, end);
  try {
    text = fatalUtf8.decode(body);
  } catch {
    // Keep the output aligned: echo what could be read, with U+FFFD where the bytes were not UTF-8.
    const shown = lenientUtf8.decode(body).split('\t');
    return {
      out: `${shown[0] ?? ''}\t${shown[1] ?? ''}\t`,
      error: { code: 'names.invalid_utf8', message: 'the line is not valid UTF-8' },
    };
  }
  const fields = text.split('\t');
  const left = fields[0] ?? '';
  const right = fields[1] ?? '';
  if (fields.length !== 2) {
    return {
      out: `${left}\t${right}\t`,
      error: {
        code: 'names.line_shape',
        message: `expected two names separated by one tab, found ${fields.length} field(s)`,
      },
    };
  }
  try {
    return {
      out: `${left}\t${right}\t${formatScore(compareTokens(cachedTokens(left), cachedTokens(right)).score)}`,
    };
  } catch (e) {
    const expected = asAppError(e);
    if (expected)
      return { out: `${left}\t${right}\t`, error: { code: expected.code, message: expected.message } };
    throw e;
  }
}

/**
 * Streams a score file line by line (bytes, so invalid UTF-8 is reported per line rather than
 * replaced silently), writing each result as soon as it is known. Returns the number of bad lines.
 */
async function scoreFile(
  file: string,
  write: (s: string) => void,
  pause: () => Promise<void>,
): Promise<number> {
  let failed = 0;
  let lineNo = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let overlong = false;
  const finish = (line: Uint8Array | null): void => {
    lineNo++;
    if (line === null) {
      failed++;
      write('\t\t\n');
      printError('names.line_too_long', `line ${lineNo}: longer than ${MAX_LINE_BYTES} bytes`);
      return;
    }
    const r = scoreLine(line);
    write(r.out + '\n');
    if (r.error) {
      failed++;
      printError(r.error.code, `line ${lineNo}: ${r.error.message}`);
    }
  };
  const stream = createReadStream(file);
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(0x0a, start);
      const piece = chunk.subarray(start, nl === -1 ? chunk.length : nl);
      if (!overlong) {
        if (pendingBytes + piece.length > MAX_LINE_BYTES) {
          overlong = true;
          pending = [];
          pendingBytes = 0;
        } else if (piece.length > 0) {
          pending.push(piece);
          pendingBytes += piece.length;
        }
      }
      if (nl === -1) break;
      finish(overlong ? null : Buffer.concat(pending, pendingBytes));
      pending = [];
      pendingBytes = 0;
      overlong = false;
      start = nl + 1;
    }
    await pause();
  }
  if (overlong || pendingBytes > 0) finish(overlong ? null : Buffer.concat(pending, pendingBytes));
  return failed;
}

/**
 * Buffers stdout writes so 100,000 lines do not cost 100,000 system calls, and waits for a slow
 * reader (`| head`, a pipe to another program) instead of piling the output up in memory.
 */
function bufferedStdout(): {
  write: (s: string) => void;
  pause: () => Promise<void>;
  flush: () => Promise<void>;
} {
  let buf = '';
  const flush = (): Promise<void> =>
    new Promise((resolve) => {
      if (buf === '') return resolve();
      const out = buf;
      buf = '';
      if (process.stdout.write(out)) resolve();
      else process.stdout.once('drain', () => resolve());
    });
  return {
    write: (s) => {
      buf += s;
    },
    /** Called between input chunks: writes out a full buffer and waits until stdout takes more. */
    pause: () => (buf.length > 1 << 16 ? flush() : Promise.resolve()),
    flush,
  };
}

/** The work of the command, loaded only when it runs. */
export async function runCompare(
  a: string,
  b: string,
  opts: { records?: boolean; json?: boolean },
): Promise<number | void> {
  if (opts.records) {
    const r = compareRecords(readRecord(a), readRecord(b));
    if (opts.json) printJson({ score: r.score, explanation: r.explanation });
    else {
      process.stdout.write(`score ${formatScore(r.score)}\n`);
      process.stdout.write(
        table(
          ['field', 'score', 'effect', 'detail'],
          r.explanation.map((f) => [f.field, f.score == null ? '—' : f.score.toFixed(3), f.effect, f.detail]),
        ) + '\n',
      );
    }
    return;
  }
  const c = compareTokens(tokenize(a), tokenize(b));
  const explanation = [
    ...c.aligned.map((p) => ({
      a: p.a,
      b: p.b,
      how: p.how,
      similarity: p.similarity,
      weight: p.weight,
      ...(p.why ? { why: p.why } : {}),
    })),
    ...c.unmatchedA.map((t) => ({ a: t, b: null, how: 'unmatched', similarity: 0 })),
    ...c.unmatchedB.map((t) => ({ a: null, b: t, how: 'unmatched', similarity: 0 })),
  ];
  if (opts.json) printJson({ score: c.score, explanation, reordered: c.reordered });
  else {
    process.stdout.write(`score ${formatScore(c.score)}${c.reordered ? ' (order differs)' : ''}\n`);
    process.stdout.write(
      table(
        ['a', 'b', 'how', 'similarity', 'why'],
        explanation.map((e) => [
          e.a ?? '—',
          e.b ?? '—',
          e.how,
          e.similarity.toFixed(2),
          'why' in e ? e.why : '',
        ]),
      ) + '\n',
    );
  }
  await Promise.resolve();
}

/** The work of the command, loaded only when it runs. */
export async function runScore(opts: { input: string }): Promise<number | void> {
  const out = bufferedStdout();
  const failed = await scoreFile(opts.input === '-' ? '/dev/stdin' : opts.input, out.write, out.pause);
  await out.flush();
  return failed > 0 ? 1 : 0;
}

/** The work of the command, loaded only when it runs. */
export async function runKeys(name: string, opts: { json?: boolean }): Promise<number | void> {
  const normalized = normalizeName(name).text;
  const tokens = tokenize(name).map((t) => ({
    text: t.text,
    kind: t.kind,
    article: t.article,
    key: t.key,
    skeleton: t.skeleton,
  }));
  const record = { name };
  const result = {
    normalized,
    tokens,
    retrievalKeys: retrievalKeys(record),
    trigramText: trigramText(record),
    latin: transliterate(name),
  };
  if (opts.json) printJson(result);
  else {
    process.stdout.write(`normalised  ${normalized}\n`);
    process.stdout.write(
      table(
        ['token', 'kind', 'key', 'skeleton'],
        tokens.map((t) => [t.text, t.kind, t.key, t.skeleton]),
      ) + '\n',
    );
    process.stdout.write(
      `index keys  ${result.retrievalKeys.join(' ')}\ntrigram     ${result.trigramText}\nlatin       ${result.latin.join(' · ')}\n`,
    );
  }
  await Promise.resolve();
}
