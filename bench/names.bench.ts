/**
 * `npm run bench -- names [--records N] [--queries N] [--baseline-queries N] [--seed S]
 * [--only athar] [--details FILE]`: the name
 * engine against fuse.js, minisearch and PostgreSQL pg_trgm `similarity()` (PGlite with its pg_trgm
 * contrib, in this process) on one synthetic registry (bench/names/data.ts). athar retrieves the
 * way the registry will — rows sharing index keys (`retrievalKeys`), then trigram similarity of
 * `trigramText` when keys find too few — and ranks the candidates with the engine's score; once in
 * process (posting lists) and once as SQL on PGlite (btree on the keys, pg_trgm): the same keys and
 * order; the in-process trigram step imitates pg_trgm (which also splits words at # and @).
 * Appends the table and a sample of misses to bench/RESULTS.md.
 */
import { performance } from 'node:perf_hooks';
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import {
  compareTokens,
  queryKeys,
  retrievalKeys,
  tokenize,
  trigramText,
  REVIEW_THRESHOLD,
  type NameToken,
} from '#src/engines/names/index.ts';
import { pairBench } from './names/pair-bench.ts';
import { appendResults } from './report.ts';
import {
  buildBench,
  consistent,
  loadPools,
  sameNames,
  type BenchQuery,
  type BenchRecord,
  type QueryKind,
} from './names/data.ts';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name} takes a positive number`);
  return v;
}
const SIZE = option('records', 300_000);
const PER_KIND = option('queries', 200);
const BASELINE_PER_KIND = Math.min(PER_KIND, option('baseline-queries', 50));
const SEED = option('seed', 20241208);
const MAX_CANDIDATES = 300;
// `--only athar` skips the baselines (for iterating on the engine; a recorded run has them all).
const ONLY = (() => {
  const i = process.argv.indexOf('--only');
  if (i < 0) return '';
  if (process.argv[i + 1] !== 'athar')
    throw new Error('--only takes "athar" (the engine without the baselines)');
  return 'athar';
})();
// `--details FILE` writes every miss, every false alarm and every query's time to FILE.
const DETAILS = (() => {
  const i = process.argv.indexOf('--details');
  return i >= 0 ? (process.argv[i + 1] ?? '') : '';
})();
const details: string[] = [];
// fuse.js scans every record for every query (~1 s per query per 20,000 records here): fewer queries at scale.
const FUSE_PER_KIND = Math.min(BASELINE_PER_KIND, Math.max(2, Math.round((25 * 20_000) / SIZE)));

type Hit = { id: number; score: number };
/** A method's answer: its top 10, and for athar the candidates retrieval handed to the scorer. */
type Answer = { hits: Hit[]; candidates?: number[] };
type Method = { name: string; search: (q: string) => Answer | Promise<Answer>; scored: boolean };

const log = (s: string): void => void process.stderr.write(s + '\n');

// ---------------------------------------------------------------- athar: keys + trigram + engine

/**
 * Posting lists packed into typed arrays once built: 300,000 records make ~600,000 lists, and as
 * JavaScript arrays they would sit in the heap the garbage collector walks on every full collection
 * (a registry keeps them in PostgreSQL; this harness keeps them in process, off the heap).
 */
class Postings {
  private readonly index = new Map<string, number>();
  private readonly offsets: Int32Array;
  private readonly ids: Int32Array;
  constructor(lists: Map<string, number[]>) {
    let total = 0;
    for (const l of lists.values()) total += l.length;
    this.offsets = new Int32Array(lists.size + 1);
    this.ids = new Int32Array(total);
    let k = 0;
    let at = 0;
    for (const [key, l] of lists) {
      this.index.set(key, k);
      this.offsets[k] = at;
      this.ids.set(l, at);
      at += l.length;
      k++;
    }
    this.offsets[k] = at;
  }
  get size(): number {
    return this.index.size;
  }
  /** The ids under a key, ascending (a view, no copy). */
  get(key: string): Int32Array {
    const k = this.index.get(key);
    return k === undefined ? EMPTY : this.ids.subarray(this.offsets[k], this.offsets[k + 1]);
  }
}
const EMPTY = new Int32Array(0);

function buildAthar(records: BenchRecord[]): Method {
  const t0 = performance.now();
  const keyLists = new Map<string, number[]>();
  const gramLists = new Map<string, number[]>();
  const gramCount = new Uint16Array(records.length);
  const add = (lists: Map<string, number[]>, key: string, id: number): void => {
    const list = lists.get(key);
    if (list) list.push(id);
    else lists.set(key, [id]);
  };
  for (const rec of records) {
    const record = { name: rec.text };
    for (const k of retrievalKeys(record)) add(keyLists, k, rec.id);
    const grams = trigramSet(trigramText(record));
    gramCount[rec.id] = grams.size;
    for (const g of grams) add(gramLists, g, rec.id);
  }
  const postings = new Postings(keyLists);
  const trigrams = new Postings(gramLists);
  keyLists.clear();
  gramLists.clear();
  log(
    `athar: indexed ${records.length} records in ${((performance.now() - t0) / 1000).toFixed(1)} s (${postings.size} keys)`,
  );
  // A registry reads the candidates' names from their rows and tokenises them; so does this harness
  // (with a bounded cache, as a server would keep one), instead of holding 300,000 token arrays.
  const tokenCache = new Map<number, NameToken[]>();
  const tokensOf = (id: number): NameToken[] => {
    let t = tokenCache.get(id);
    if (t === undefined) {
      if (tokenCache.size >= 50_000) tokenCache.clear();
      t = tokenize(records[id]!.text);
      tokenCache.set(id, t);
    }
    return t;
  };
  const counts = new Uint16Array(records.length);
  return {
    name: 'athar (keys + trigram → engine score)',
    scored: true,
    search(q) {
      let qt: NameToken[];
      try {
        qt = tokenize(q);
      } catch {
        return { hits: [] };
      }
      // SQL: SELECT id FROM person_key WHERE key = ANY($keys) GROUP BY id ORDER BY count(*) DESC, first seen LIMIT n
      const touched: number[] = [];
      let most = 0;
      for (const k of queryKeys(qt)) {
        for (const id of postings.get(k)) {
          const c = ++counts[id]!;
          if (c === 1) touched.push(id);
          if (c > most) most = c;
        }
      }
      // Ordered by count, then id (as the SQL below), bucket by bucket: no comparison sort of the
      // tens of thousands of rows a common pair of names touches.
      let candidates: number[] = [];
      for (let c = most; c >= 1 && candidates.length < MAX_CANDIDATES; c--) {
        const bucket = Int32Array.from(touched.filter((id) => counts[id] === c)).sort();
        for (const id of bucket) {
          candidates.push(id);
          if (candidates.length === MAX_CANDIDATES) break;
        }
      }
      for (const id of touched) counts[id] = 0;
      if (candidates.length < 10) candidates = [...new Set([...candidates, ...trigramCandidates(qt)])];
      return { hits: rank(qt, candidates, tokensOf), candidates };
    },
  };

  /**
   * SQL: WHERE trigram_text % $q ORDER BY similarity(trigram_text, $q) DESC LIMIT 50 (pg_trgm's
   * default threshold 0.3). Same result, found with prefix filtering: similarity = c / (|q| + |r| − c)
   * ≥ 0.3 needs an overlap c ≥ 0.3·|q|, so every such record holds one of the |q| − ⌈0.3·|q|⌉ + 1
   * rarest query trigrams; the other trigrams are then looked up for those records only.
   */
  function trigramCandidates(qt: NameToken[]): number[] {
    const grams = [
      ...trigramSet(
        qt
          .map((t) => t.skeleton)
          .filter((s) => s !== '')
          .sort()
          .join(' ')
          .toLowerCase(),
      ),
    ];
    if (grams.length === 0) return [];
    const lists = grams.map((g) => trigrams.get(g)).sort((a, b) => a.length - b.length);
    const prefix = lists.length - Math.ceil(0.3 * lists.length - 1e-9) + 1;
    const touched: number[] = [];
    for (let i = 0; i < prefix; i++) for (const id of lists[i]!) if (counts[id]!++ === 0) touched.push(id);
    for (let i = prefix; i < lists.length; i++)
      for (const id of touched) if (contains(lists[i]!, id)) counts[id]!++;
    const scored = touched
      .map((id) => ({ id, sim: counts[id]! / (grams.length + gramCount[id]! - counts[id]!) }))
      .filter((x) => x.sim >= 0.3)
      .sort((a, b) => b.sim - a.sim || a.id - b.id)
      .slice(0, 50)
      .map((x) => x.id);
    for (const id of touched) counts[id] = 0;
    return scored;
  }
}

/** Binary search in an ascending list. */
function contains(list: Int32Array, id: number): boolean {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = list[mid]!;
    if (v === id) return true;
    if (v < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** pg_trgm's trigrams: each word padded with two spaces in front and one behind. */
function trigramSet(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of text.split(' ')) {
    if (w === '') continue;
    const p = `  ${w} `;
    for (let i = 0; i + 3 <= p.length; i++) out.add(p.slice(i, i + 3));
  }
  return out;
}

/** The engine's score over the candidates: the top 10, best first (ties by id). */
function rank(qt: NameToken[], candidates: number[], tokensOf: (id: number) => NameToken[]): Hit[] {
  const hits = candidates.map((id) => ({ id, score: compareTokens(qt, tokensOf(id)).score }));
  return hits.sort((a, b) => b.score - a.score || a.id - b.id).slice(0, 10);
}

/**
 * The same retrieval as SQL, the way the registry runs it: a `person_key` table with a btree on
 * `key` (the `retrievalKeys` of each record) and pg_trgm on the records' `trigramText`; candidates
 * come back as rows and are scored by the engine. In PGlite (PostgreSQL compiled to WebAssembly,
 * one connection) in this process, so its latency is PGlite's, not a PostgreSQL server's.
 */
async function buildAtharSql(records: BenchRecord[], db: PGlite): Promise<Method> {
  const t0 = performance.now();
  await db.exec(`CREATE TABLE person_key (key text NOT NULL, person_id int NOT NULL);
                 CREATE TABLE person_trigram (person_id int PRIMARY KEY, trigram_text text NOT NULL);`);
  for (let i = 0; i < records.length; i += 20_000) {
    const keys: string[] = [];
    const ids: number[] = [];
    const texts: string[] = [];
    const batch = records.slice(i, i + 20_000);
    for (const rec of batch) {
      for (const k of retrievalKeys({ name: rec.text })) {
        keys.push(k);
        ids.push(rec.id);
      }
      texts.push(trigramText({ name: rec.text }));
    }
    await db.query('INSERT INTO person_key SELECT * FROM unnest($1::text[], $2::int[])', [keys, ids]);
    await db.query('INSERT INTO person_trigram SELECT * FROM unnest($1::int[], $2::text[])', [
      batch.map((r) => r.id),
      texts,
    ]);
  }
  await db.exec(`CREATE INDEX person_key_key ON person_key (key, person_id);
                 CREATE INDEX person_trigram_text ON person_trigram USING gin (trigram_text gin_trgm_ops);
                 ANALYZE person_key; ANALYZE person_trigram;`);
  log(
    `athar in SQL: keys and trigrams loaded and indexed in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  return {
    name: 'athar in SQL (PGlite: btree keys + pg_trgm → engine score)',
    scored: true,
    async search(q) {
      let qt: NameToken[];
      try {
        qt = tokenize(q);
      } catch {
        return { hits: [] };
      }
      const byKeys = await db.query<{ id: number; name: string }>(
        `SELECT k.person_id AS id, p.name FROM (
           SELECT person_id, count(*) AS n FROM person_key WHERE key = ANY($1::text[])
           GROUP BY person_id ORDER BY n DESC, person_id LIMIT ${MAX_CANDIDATES}) k
         JOIN person p ON p.id = k.person_id ORDER BY k.n DESC, k.person_id`,
        [queryKeys(qt)],
      );
      const rows = new Map(byKeys.rows.map((r) => [r.id, r.name]));
      if (rows.size < 10) {
        const text = qt
          .map((t) => t.skeleton)
          .filter((s) => s !== '')
          .sort()
          .join(' ')
          .toLowerCase();
        const byTrigram = await db.query<{ id: number; name: string }>(
          `SELECT t.person_id AS id, p.name FROM person_trigram t JOIN person p ON p.id = t.person_id
           WHERE t.trigram_text % $1 ORDER BY similarity(t.trigram_text, $1) DESC, t.person_id LIMIT 50`,
          [text],
        );
        for (const r of byTrigram.rows) if (!rows.has(r.id)) rows.set(r.id, r.name);
      }
      const candidates = [...rows.keys()];
      return { hits: rank(qt, candidates, (id) => tokenize(rows.get(id)!)), candidates };
    },
  };
}

// ---------------------------------------------------------------- baselines

function buildFuse(records: BenchRecord[]): Method {
  const fuse = new Fuse(
    records.map((r) => r.text),
    { includeScore: true, ignoreLocation: true, threshold: 0.4 },
  );
  return {
    name: 'fuse.js 7 (threshold 0.4, ignoreLocation)',
    scored: false,
    search: (q) => ({
      hits: fuse.search(q, { limit: 10 }).map((r) => ({ id: r.refIndex, score: 1 - (r.score ?? 1) })),
    }),
  };
}

function buildMiniSearch(records: BenchRecord[]): Method {
  const ms = new MiniSearch<{ id: number; text: string }>({
    fields: ['text'],
    searchOptions: { fuzzy: 0.2, prefix: true, combineWith: 'OR' },
  });
  ms.addAll(records.map((r) => ({ id: r.id, text: r.text })));
  return {
    name: 'minisearch 7 (fuzzy 0.2, prefix, OR)',
    scored: false,
    search: (q) => ({
      hits: ms
        .search(q)
        .slice(0, 10)
        .map((r) => ({ id: r.id as number, score: r.score })),
    }),
  };
}

async function buildTrgm(records: BenchRecord[]): Promise<{ method: Method; db: PGlite }> {
  const t0 = performance.now();
  const db = await PGlite.create({ extensions: { pg_trgm } });
  await db.exec('CREATE EXTENSION pg_trgm; CREATE TABLE person (id int PRIMARY KEY, name text NOT NULL);');
  for (let i = 0; i < records.length; i += 5000) {
    const batch = records.slice(i, i + 5000);
    await db.query('INSERT INTO person SELECT * FROM unnest($1::int[], $2::text[])', [
      batch.map((r) => r.id),
      batch.map((r) => r.text.toLowerCase()),
    ]);
  }
  await db.exec('CREATE INDEX person_name_trgm ON person USING gin (name gin_trgm_ops); ANALYZE person;');
  log(`pg_trgm: loaded and indexed in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return {
    method: {
      name: 'PostgreSQL pg_trgm similarity() (PGlite 0.5, GIN, % at 0.3)',
      scored: false,
      search: async (q) => ({
        hits: (
          await db.query<{ id: number; s: number }>(
            'SELECT id, similarity(name, $1) AS s FROM person WHERE name % $1 ORDER BY s DESC, id LIMIT 10',
            [q.toLowerCase()],
          )
        ).rows.map((r) => ({ id: r.id, score: r.s })),
      }),
    },
    db,
  };
}

// ---------------------------------------------------------------- measuring

interface Row {
  method: string;
  kind: QueryKind | 'all';
  n: number;
  r1: number;
  r10: number;
  p50: number;
  p95: number;
  precision: string;
  /** Share of queries whose target was among the candidates retrieval handed the scorer (athar only). */
  cand: number | null;
}

const KINDS: QueryKind[] = ['cross-script', 'latin-variant', 'partial', 'swapped'];

async function evaluate(
  method: Method,
  records: BenchRecord[],
  queries: BenchQuery[],
  misses: string[],
): Promise<Row[]> {
  const per = new Map<QueryKind, { n: number; r1: number; r10: number; cand: number; times: number[] }>();
  let flagged = 0;
  let flaggedTrue = 0;
  let flaggedConsistent = 0;
  for (const q of queries) {
    const t = performance.now();
    const { hits, candidates } = await method.search(q.text);
    const ms = performance.now() - t;
    const target = q.target === null ? null : records[q.target]!;
    const ok = (id: number): boolean => target !== null && sameNames(records[id]!, target);
    const s = per.get(q.kind) ?? { n: 0, r1: 0, r10: 0, cand: 0, times: [] };
    per.set(q.kind, s);
    s.times.push(ms);
    if (method.scored && DETAILS) details.push(`time\t${ms.toFixed(1)}\t${q.kind}\t${q.text}`);
    if (q.kind !== 'absent') {
      s.n++;
      if (hits[0] && ok(hits[0].id)) s.r1++;
      if (candidates?.some((id) => ok(id))) s.cand++;
      if (hits.some((h) => ok(h.id))) s.r10++;
      else if (method.scored && DETAILS)
        details.push(
          `miss\t${q.kind}\t${q.text}\t${target!.text}\t${hits
            .slice(0, 3)
            .map((h) => `${records[h.id]!.text} ${h.score.toFixed(2)}`)
            .join(' | ')}`,
        );
      if (!hits.some((h) => ok(h.id)) && method.scored && misses.length < 40)
        misses.push(
          `${q.kind}: "${q.text}" → wanted "${target!.text}"; top: ${
            hits
              .slice(0, 2)
              .map((h) => `"${records[h.id]!.text}" ${h.score.toFixed(2)}`)
              .join(', ') || 'no candidates'
          }`,
        );
    }
    if (method.scored) {
      for (const h of hits) {
        if (h.score < REVIEW_THRESHOLD) continue;
        flagged++;
        if (ok(h.id)) flaggedTrue++;
        if (ok(h.id) || consistent(records[h.id]!, q)) flaggedConsistent++;
        else if (DETAILS)
          details.push(`false\t${q.kind}\t${q.text}\t${records[h.id]!.text}\t${h.score.toFixed(3)}`);
        if (
          !ok(h.id) &&
          !consistent(records[h.id]!, q) &&
          misses.length < 60 &&
          !misses.some((m) => m.startsWith('false'))
        )
          misses.push(
            `false alarm (${q.kind}): "${q.text}" ≈ "${records[h.id]!.text}" ${h.score.toFixed(2)}`,
          );
      }
    }
  }
  const precision = method.scored
    ? `${(flaggedConsistent / Math.max(1, flagged)).toFixed(3)} (${flaggedConsistent}/${flagged}); the target only: ${(flaggedTrue / Math.max(1, flagged)).toFixed(3)}`
    : '—';
  const rows: Row[] = [];
  const all = { n: 0, r1: 0, r10: 0, cand: 0, times: [] as number[] };
  for (const kind of [...KINDS, 'absent' as const]) {
    const s = per.get(kind);
    if (!s) continue;
    all.times.push(...s.times);
    if (kind === 'absent') continue;
    all.n += s.n;
    all.r1 += s.r1;
    all.r10 += s.r10;
    all.cand += s.cand;
    rows.push({
      method: method.name,
      kind,
      n: s.n,
      r1: s.r1 / s.n,
      r10: s.r10 / s.n,
      ...pct(s.times),
      precision: '',
      cand: method.scored ? s.cand / s.n : null,
    });
  }
  rows.push({
    method: method.name,
    kind: 'all',
    n: all.n,
    r1: all.r1 / all.n,
    r10: all.r10 / all.n,
    ...pct(all.times),
    precision,
    cand: method.scored ? all.cand / all.n : null,
  });
  return rows;
}

function pct(times: number[]): { p50: number; p95: number } {
  const s = [...times].sort((a, b) => a - b);
  return {
    p50: s[Math.floor(s.length * 0.5)] ?? 0,
    p95: s[Math.min(s.length - 1, Math.floor(s.length * 0.95))] ?? 0,
  };
}

function sample(queries: BenchQuery[], perKind: number): BenchQuery[] {
  const seen = new Map<QueryKind, number>();
  return queries.filter((q) => {
    const n = seen.get(q.kind) ?? 0;
    seen.set(q.kind, n + 1);
    return n < perKind;
  });
}

// ---------------------------------------------------------------- run

const t0 = performance.now();
const pairs = pairBench();
log(`name pairs:\n${pairs.table}\n${pairs.goals}`);
const { records, queries } = buildBench(loadPools(), SIZE, PER_KIND, SEED);
log(`registry: ${records.length} records, ${queries.length} queries (${PER_KIND} per kind), seed ${SEED}`);
const misses: string[] = [];
const rows: Row[] = [];
rows.push(...(await evaluate(buildAthar(records), records, queries, misses)));
if (DETAILS) (await import('node:fs')).writeFileSync(DETAILS, details.join('\n') + '\n');
if (ONLY !== 'athar') {
  const baseQueries = sample(queries, BASELINE_PER_KIND);
  const trgm = await buildTrgm(records);
  rows.push(...(await evaluate(await buildAtharSql(records, trgm.db), records, baseQueries, [])));
  rows.push(...(await evaluate(buildMiniSearch(records), records, baseQueries, [])));
  rows.push(...(await evaluate(trgm.method, records, baseQueries, [])));
  await trgm.db.close();
  rows.push(...(await evaluate(buildFuse(records), records, sample(queries, FUSE_PER_KIND), [])));
}

const header =
  '| method | queries | n | target among candidates | recall@1 | recall@10 | p50 ms | p95 ms | precision ≥ review threshold |\n| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |';
const body = rows
  .map(
    (r) =>
      `| ${r.method} | ${r.kind} | ${r.n} | ${r.cand === null ? '—' : r.cand.toFixed(3)} | ${r.r1.toFixed(3)} | ${r.r10.toFixed(3)} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.precision} |`,
  )
  .join('\n');
// A partial run (--only) is for iterating: printed, not recorded.
(ONLY ? (title: string, body: string) => void process.stdout.write(`${title}\n\n${body}\n`) : appendResults)(
  `names (${records.length.toLocaleString('en')} records)`,
  `Synthetic registry from ../shared/testdata/names (seed ${SEED}); query targets use held-out names. ` +
    `athar: ${PER_KIND} queries per kind plus ${PER_KIND} absent persons (for precision; review threshold ${REVIEW_THRESHOLD}); ` +
    `athar in SQL, minisearch and pg_trgm: the first ${BASELINE_PER_KIND} per kind; fuse.js: the first ${FUSE_PER_KIND} per kind (a linear scan). ` +
    `A hit is a record with the same four names as the target. Precision counts the candidates in a query's top 10 scoring at or above the review threshold ` +
    `that hold every name the query states, each in its slot (a partial query "Kallousa Merqeb" is rightly answered by every Kallousa … Merqeb in the registry); ` +
    `"the target only" counts the planted record alone. Latencies include absent-person queries. ` +
    `Whole run ${((performance.now() - t0) / 1000).toFixed(0)} s, load ${(await import('node:os')).loadavg()[0]!.toFixed(2)}.\n\n` +
    `**Name pairs** (bench/names/pair-bench.ts): one score per pair, on pairs training never saw; the baseline is twenty lines of consonant skeletons and edit distance.\n\n${pairs.table}\n\nGoals:\n\n${pairs.goals}\n\nLowest-scored true pairs and highest-scored different names (athar):\n\n${pairs.failures}\n\n` +
    `**Retrieval** in the synthetic registry:\n\n${header}\n${body}\n\n` +
    `Misses and false alarms of athar (first ${misses.length}):\n\n${misses.map((m) => `- ${m}`).join('\n') || '- none'}\n`,
);
