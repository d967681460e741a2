/**
 * `npm run bench -- registry [--persons N] [--queries N] [--list N] [--inquiries N]`: the
 * registry at scale, on PGlite and (when ATHAR_BENCH_DATABASE_URL or ATHAR_TEST_DATABASE_URL
 * names a server) PostgreSQL, in one run.
 *
 * - A CSV of N persons (default 300,000) is built from the shared transliteration pairs (read in
 *   place, bench/names/data.ts): the persons the queries look for are filed in one script with
 *   held-out names (two spellings: their own and an alias); every other person has both scripts
 *   and 0–4 aliases in Latin spelling variants (2–6 spellings).
 * - Import: the CSV through the import use case (all or nothing, duplicates looked for), timed,
 *   with the peak memory (RSS) of this process, which is the import's process.
 * - Search: held-out cross-script queries (the name as the other script writes it) through the
 *   search use case (one audit event each, as the API does): p50/p95 and recall@10, beside pg_trgm
 *   alone (similarity over the names as written, GIN index) on the same records and queries.
 * - A release list of L names (default 5,000) matched; I inquiries (default 40,000) stored and
 *   matched in one batch.
 */
import { mkdtempSync, rmSync, writeFileSync, createReadStream } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { sql } from 'kysely';
import pino from 'pino';
import { createApp, type App } from '#src/app.ts';
import { bootstrapAdmin, localActor } from '#src/modules/accounts/index.ts';
import { createCase, findCase } from '#src/modules/cases/index.ts';
import { importPersons } from '#src/modules/registry/import.ts';
import { storeInquiry } from '#src/modules/registry/inquiries.ts';
import { matchAllOpen } from '#src/modules/registry/inquiry-matching.ts';
import { addReleaseList } from '#src/modules/registry/release-lists.ts';
import { searchPersons } from '#src/modules/registry/search.ts';
import { loadConfig } from '#src/platform/config.ts';
import { SYSTEM_ACTOR, type Actor } from '#src/platform/context.ts';
import type { Database } from '#src/platform/database/database.ts';
import { seededRandom } from '#src/engines/prng.ts';
import { buildBench, latinVariant, loadPools, type BenchRecord } from './names/data.ts';
import { onEachDatabase } from './databases.ts';
import { appendResults } from './report.ts';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const PERSONS = arg('--persons', 300_000);
const QUERIES = arg('--queries', 400);
const LIST = arg('--list', 5_000);
const INQUIRIES = arg('--inquiries', 40_000);

const pools = loadPools();
const { records, queries } = buildBench(pools, PERSONS, QUERIES);
const crossScript = queries.filter((q) => q.kind === 'cross-script' && q.target !== null);
const targets = new Set(crossScript.map((q) => q.target!));

const csvCell = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const HEADER = [
  'external_id',
  'given_name_ar',
  'father_name_ar',
  'grandfather_name_ar',
  'family_name_ar',
  'given_name_lat',
  'father_name_lat',
  'grandfather_name_lat',
  'family_name_lat',
  'aliases',
  'birth_year',
];
const r = seededRandom(7);
/** The names as written of each record (for pg_trgm alone), by record id. */
const written = new Map<number, string[]>();
function row(rec: BenchRecord): string {
  const ar = rec.parts.map((p) => p.arabic);
  const lat = rec.parts.map((p) => p.latin);
  const own = rec.script === 'arabic' ? ar : lat;
  let arCells = ['', '', '', ''];
  let latCells = ['', '', '', ''];
  let aliases: string[];
  if (targets.has(rec.id)) {
    // Filed in its own script only, with one alias in it: the query comes in the other script.
    if (rec.script === 'arabic') arCells = ar;
    else latCells = lat;
    aliases = [rec.script === 'arabic' ? `${ar[0]} ${ar[3]}` : lat.map((w) => latinVariant(w, r)).join(' ')];
  } else {
    arCells = ar;
    latCells = lat;
    aliases = Array.from({ length: Math.floor(r() * 5) }, () => lat.map((w) => latinVariant(w, r)).join(' '));
  }
  written.set(rec.id, [
    own.join(' '),
    ...(targets.has(rec.id) ? [] : [(rec.script === 'arabic' ? lat : ar).join(' ')]),
    ...aliases,
  ]);
  return [`b${rec.id}`, ...arCells, ...latCells, aliases.join('; '), String(1950 + Math.floor(r() * 55))]
    .map(csvCell)
    .join(',');
}
const dir = mkdtempSync(path.join(os.tmpdir(), 'athar-registry-bench-'));
const csv = path.join(dir, 'persons.csv');
writeFileSync(csv, `${HEADER.join(',')}\n${records.map(row).join('\n')}\n`);
const spellings = [...written.values()].reduce((n, s) => n + s.length, 0);

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
}

async function measure(kind: string, database: Database): Promise<string[]> {
  const config = loadConfig({
    ATHAR_ADMIN_PASSWORD: 'bench password long enough',
    ATHAR_LOG_LEVEL: 'silent',
    ATHAR_DATA_DIR: path.join(dir, `data-${kind.replace(/\W+/g, '-')}`),
  });
  const app: App = await createApp(config, { database, log: pino({ level: 'silent' }) });
  const out: string[] = [];
  const push = out.push.bind(out);
  out.push = (...xs: string[]) => {
    for (const x of xs) process.stdout.write(`${x}\n`);
    return push(...xs);
  };
  try {
    await app.run(SYSTEM_ACTOR, { transaction: true }, (ctx) => bootstrapAdmin(ctx));
    const actor: Actor = await app.run(SYSTEM_ACTOR, { transaction: false }, (ctx) => localActor(ctx, null));
    await app.run(actor, { transaction: true }, (ctx) =>
      createCase(ctx, { slug: 'bench', title: 'Bench', timeZone: 'UTC' }),
    );
    const scope = {
      case: (await app.run(actor, { transaction: false }, (ctx) => findCase(ctx, 'bench')))!,
      role: 'admin' as const,
    };

    // Import, with the peak RSS of this process sampled every 50 ms.
    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    const rssBefore = process.memoryUsage().rss;
    let t = performance.now();
    const report = await app.run(actor, { transaction: false }, (ctx) =>
      importPersons(ctx, scope, createReadStream(csv), {
        dryRun: false,
        skipInvalid: false,
        updateBy: null,
        map: [],
      }),
    );
    const importS = (performance.now() - t) / 1000;
    clearInterval(sampler);
    if (!report.imported) throw new Error(`import refused: ${JSON.stringify(report.rejected.slice(0, 3))}`);
    out.push(
      `| ${kind} | CSV import of ${PERSONS.toLocaleString('en')} persons (${spellings.toLocaleString('en')} spellings, ${report.duplicates.length.toLocaleString('en')} likely duplicates listed) | ${importS.toFixed(1)} s | ${Math.round(PERSONS / importS).toLocaleString('en')} rows/s; peak RSS ${(peak / 2 ** 20).toFixed(0)} MB (${((peak - rssBefore) / 2 ** 20).toFixed(0)} MB above the start) |`,
    );

    // The athar ids of the bench records.
    const ids = new Map<string, string>();
    const rows = await sql<{ id: string; external_id: string }>`
      SELECT id, external_id FROM person WHERE case_id = ${scope.case.id}`.execute(app.database.db);
    for (const x of rows.rows) ids.set(x.external_id, x.id);

    // Search through the service, and pg_trgm alone over the names as written.
    await sql`CREATE TABLE bench_written (person_id uuid, text text)`.execute(app.database.db);
    const flat = [...written.entries()].flatMap(([id, texts]) =>
      texts.map((text) => ({ id: ids.get(`b${id}`)!, text })),
    );
    for (let i = 0; i < flat.length; i += 5000)
      await app.database.db
        .insertInto('bench_written' as never)
        .values(flat.slice(i, i + 5000).map((x) => ({ person_id: x.id, text: x.text })))
        .execute();
    await sql`CREATE INDEX bench_written_trgm ON bench_written USING gin (text gin_trgm_ops)`.execute(
      app.database.db,
    );
    const times: number[] = [];
    const trgmTimes: number[] = [];
    let found = 0;
    let trgmFound = 0;
    for (const q of crossScript) {
      const want = ids.get(`b${q.target}`);
      t = performance.now();
      const res = await app.run(actor, { transaction: true }, (ctx) =>
        searchPersons(ctx, scope, { q: q.text, limit: 10 }),
      );
      times.push(performance.now() - t);
      if (res.results.some((x) => x.id === want)) found++;
      t = performance.now();
      const trgm = await sql<{ person_id: string }>`
        SELECT person_id FROM bench_written WHERE text % ${q.text}
        GROUP BY person_id ORDER BY max(similarity(text, ${q.text})) DESC LIMIT 10`.execute(app.database.db);
      trgmTimes.push(performance.now() - t);
      if (trgm.rows.some((x) => x.person_id === want)) trgmFound++;
    }
    out.push(
      `| ${kind} | search, ${crossScript.length} held-out cross-script queries through the service | p50 ${quantile(times, 0.5).toFixed(0)} ms, p95 ${quantile(times, 0.95).toFixed(0)} ms | recall@10 ${(found / crossScript.length).toFixed(3)} |`,
      `| ${kind} | pg_trgm alone, same records (names as written) and queries | p50 ${quantile(trgmTimes, 0.5).toFixed(0)} ms, p95 ${quantile(trgmTimes, 0.95).toFixed(0)} ms | recall@10 ${(trgmFound / crossScript.length).toFixed(3)} |`,
    );

    // A release list of LIST names, in the other script of persons of the registry.
    const lineRecords = records.slice(0, LIST);
    const listText = lineRecords
      .map(
        (rec, i) =>
          `${i + 1}. ${rec.parts.map((p) => (rec.script === 'arabic' ? p.latin : p.arabic)).join(' ')}`,
      )
      .join('\n');
    t = performance.now();
    const list = await app.run(actor, { transaction: false }, (ctx) =>
      addReleaseList(ctx, scope, Readable.from([Buffer.from(listText)]), {
        title: 'bench list',
        kind: 'released',
      }),
    );
    const listS = (performance.now() - t) / 1000;
    const withCandidate = list.lines.filter((l) => l.candidates.length > 0).length;
    out.push(
      `| ${kind} | release list of ${LIST.toLocaleString('en')} names matched | ${listS.toFixed(1)} s | ${withCandidate.toLocaleString('en')} lines with candidates |`,
    );

    // INQUIRIES inquiries, stored (contacts sealed), then matched in one batch.
    t = performance.now();
    const inquiryRecords = records.slice(0, INQUIRIES);
    for (let i = 0; i < inquiryRecords.length; i += 500)
      await app.run(actor, { transaction: true }, async (ctx) => {
        for (const rec of inquiryRecords.slice(i, i + 500)) {
          const other = rec.script === 'arabic' ? 'lat' : 'ar';
          const parts = rec.parts.map((p) => (other === 'ar' ? p.arabic : p.latin));
          await storeInquiry(
            ctx,
            scope.case.id,
            {
              names: { [other]: { given: parts[0], father: parts[1], family: parts[3] } },
              relation: 'mother',
              contact: { phone: '+000 0000 0000' },
              consent: { processing: true },
            },
            { channel: 'desk' },
          );
        }
      });
    const storeS = (performance.now() - t) / 1000;
    t = performance.now();
    const matched = await app.run(SYSTEM_ACTOR, { transaction: false }, (ctx) =>
      matchAllOpen(ctx, scope.case.id, 'bench'),
    );
    const matchS = (performance.now() - t) / 1000;
    out.push(
      `| ${kind} | ${INQUIRIES.toLocaleString('en')} inquiries matched in one batch (stored first in ${storeS.toFixed(0)} s) | ${matchS.toFixed(0)} s | ${matched.suggested.toLocaleString('en')} suggestions; ${((matchS / Math.max(1, matched.inquiries)) * 1000).toFixed(1)} ms per inquiry |`,
    );
  } finally {
    await app.close();
  }
  return out;
}

let rows: string[] = [];
try {
  rows = await onEachDatabase(measure, '| PostgreSQL | not measured: set ATHAR_BENCH_DATABASE_URL | | |');
} finally {
  rmSync(dir, { recursive: true, force: true });
}

appendResults(
  'Registry',
  [
    `Goals (issue 13): CSV import of 300,000 persons ≤ 60 s on PGlite, ≤ 30 s on PostgreSQL; search p95 ≤ 200 ms on PGlite, ≤ 100 ms on PostgreSQL, recall@10 ≥ 0.98 on held-out cross-script spellings; a release list of 5,000 names ≤ 60 s; 40,000 inquiries matched in one batch ≤ 10 minutes; the import process ≤ 500 MB.`,
    `Persons ${PERSONS.toLocaleString('en')}, queries ${crossScript.length}, list ${LIST.toLocaleString('en')} names, inquiries ${INQUIRIES.toLocaleString('en')}.`,
    '',
    '| database | what | time | result |',
    '| --- | --- | --- | --- |',
    ...rows,
  ].join('\n'),
);
