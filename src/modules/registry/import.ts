/**
 * Importing persons from a CSV file, as associations keep their lists: streamed (hashed, decoded
 * and parsed as it arrives, written in batches of BATCH rows), all or nothing (one transaction; a
 * rejected row stops every write unless `skipInvalid`, and the full report still comes back), and
 * a dry run is the same import rolled back, so it reports exactly what the import would do —
 * likely duplicates among the file's own rows included.
 *
 * - A row becomes a new person, or updates one: by athar id (`updateBy: 'id'`, an `id` column)
 *   or by the association's own id (`updateBy: COLUMN`, the column kept as the external id). An
 *   update changes only what the row's cells give (an empty cell leaves the field as it is).
 * - A `status` cell becomes an event of that status (certainty "reported", dated by
 *   `status_date` or undated, the import as its source); the person's status follows the rule of
 *   status.ts. An age is read as of the day of the import.
 * - Likely duplicates (the name engine's score ≥ REVIEW_THRESHOLD against a person already in the
 *   case or an earlier row) are reported for a caseworker, never merged.
 * - One audit event per import (the file's SHA-256, its encoding and the counts), none per row.
 */
import { createReadStream, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { compareRecords, REVIEW_THRESHOLD } from '#src/engines/names/index.ts';
import { afterPersonsChanged, familyTasksFor } from './inquiry-hooks.ts';
import type { CaseScope } from '#src/platform/access.ts';
import type { Context } from '#src/platform/context.ts';
import { AppError } from '#src/platform/errors.ts';
import { mapColumns, readRow, type Column, type RowInput } from './import-columns.ts';
import { checkNames, searchTermsOf, spellingsOf, type Spelling } from './names.ts';
import { PersonRepository, type PersonRow } from './person.repository.ts';
import { birthColumns, checkDate, restatePerson } from './persons.ts';
import type { Alias, PersonNames } from './schemas.ts';
import { deriveStatus } from './status.ts';
import { readTableFile, type TableFile, type TextEncoding } from './table-file.ts';
import { open } from 'node:fs/promises';
import { placeExists } from '#src/modules/casefile/index.ts';
import { LinkRepository } from './link.repository.ts';
import {
  PfifFileError,
  readPfif,
  type PfifEvent,
  type PfifItem,
  type PfifNote,
  type PfifPerson,
} from './pfif.ts';
import { looksLikeZip, readXlsxFile } from './xlsx.ts';

const BATCH = 500;
/** Pair keys held by more persons than this are too common to point at a duplicate. */
const BLOCK = 100;
/**
 * Per row, at most this many candidates are scored as duplicates: those sharing the most pair keys,
 * and at least MIN_SHARED (one shared pair — two common names — is what namesakes have; the same
 * person written twice shares several).
 */
const DUPLICATE_CANDIDATES = 5;
const MIN_SHARED = 2;
/** Reasons listed in a report (all are counted). */
const MAX_LISTED = 10_000;
/** The largest file an import reads. */
const MAX_BYTES = 1024 * 1024 * 1024;

export interface ImportOptions {
  dryRun: boolean;
  skipInvalid: boolean;
  /** 'id' (the athar id column) or the header of the association's id column; null: every row is new. */
  updateBy: string | null;
  map: readonly string[];
  /** The file's format; found from its first bytes when not given. */
  format?: ImportFormat | undefined;
}

export interface ImportDuplicate {
  line: number;
  /** A person already in the case … */
  personId: string | null;
  /** … or an earlier line of the file. */
  otherLine: number | null;
  score: number;
}

export interface ImportReport {
  importId: string;
  dryRun: boolean;
  /** Whether the rows were stored (false: a dry run, or rows were rejected without skipInvalid). */
  imported: boolean;
  rows: number;
  accepted: number;
  /** Rows that make (or, not imported, would make) a new person, update one, add a status event. */
  created: number;
  updated: number;
  events: number;
  rejected: { line: number; reason: string }[];
  rejectedCount: number;
  duplicates: ImportDuplicate[];
  sha256: string;
  encoding: TextEncoding;
  bytes: number;
  format: ImportFormat;
  /** Links between records the file made (PFIF's linked records). */
  links: number;
  /** The header's columns no field matched (the import stopped on them; map them). */
  unknownColumns: string[];
}

class RollBack extends Error {}

interface Accepted {
  line: number;
  input: RowInput;
  spellings: Spelling[];
  keys: string[];
  texts: string[];
  /** The person this row updates. */
  existing: PersonRow | null;
}

const PART_WORDS: Record<string, string> = {
  given: 'given name',
  father: 'father’s name',
  grandfather: 'grandfather’s name',
  family: 'family name',
  motherGiven: 'mother’s name',
  motherFamily: 'mother’s family name',
};

/** A row's reason in the file's words: the column, not the API's field path. */
const reasonOf = (e: unknown): string => {
  if (!(e instanceof AppError)) throw e;
  return e.message
    .replace(
      /^\/names\/(ar|lat)\/(\w+): /,
      (_, script: string, part: string) =>
        `${PART_WORDS[part] ?? part} (${script === 'ar' ? 'Arabic script' : 'Latin letters'}): `,
    )
    .replace(/^\/names: /, 'names: ')
    .replace(/^\/aliases\/\d+\/name: /, 'aliases: ')
    .replace(/^\/birth\/date: /, 'birth date: ')
    .replace(/^\/status_date: /, 'status date: ')
    .replace(/^\/date: /, 'note date: ')
    .replace(/^\/birth\/ageFrom: |^\/birth\/ageTo: |^\/birth\/ageAsOf: |^\/birth: /, 'age: ');
};

export async function importPersons(
  ctx: Context,
  scope: CaseScope,
  body: Readable,
  opts: ImportOptions,
): Promise<ImportReport> {
  const now = ctx.clock.now();
  const report: ImportReport = {
    importId: ctx.ids.uuid(),
    dryRun: opts.dryRun,
    imported: false,
    rows: 0,
    accepted: 0,
    created: 0,
    updated: 0,
    events: 0,
    rejected: [],
    rejectedCount: 0,
    duplicates: [],
    sha256: '',
    encoding: 'utf-8',
    bytes: 0,
    format: opts.format ?? 'csv',
    links: 0,
    unknownColumns: [],
  };
  const reject = (line: number, reason: string) => {
    report.rejectedCount++;
    if (report.rejected.length < MAX_LISTED) report.rejected.push({ line, reason });
  };
  const importSource = `import ${report.importId}`;
  // The file is received whole first (to a temporary file in the data directory, hashed on the
  // way): the transaction then never waits on a slow upload, which on the embedded database
  // would hold every other request.
  const empty = { sha256: createHash('sha256').digest('hex'), bytes: 0 };
  const spooled = ctx.blobs.withTemporary(body, MAX_BYTES, async (path, sha256) => {
    const received = { sha256, bytes: statSync(path).size };
    const format = opts.format ?? (await sniffFormat(path));
    report.format = format;
    return runImport(
      ctx,
      scope,
      sourceOf(format, path, received),
      opts,
      report,
      reject,
      importSource,
      now,
      received,
    );
  });
  try {
    return await spooled;
  } catch (e) {
    // An empty file is a file too: reported (no header line) like any other that cannot be read.
    if (!(e instanceof AppError) || e.code !== 'media.empty') throw e;
    return runImport(
      ctx,
      scope,
      { kind: 'table', file: readTableFile(Readable.from([]), { maxBytes: MAX_BYTES }) },
      opts,
      report,
      reject,
      importSource,
      now,
      empty,
    );
  }
}

async function runImport(
  ctx: Context,
  scope: CaseScope,
  source: ImportSource,
  opts: ImportOptions,
  report: ImportReport,
  reject: (line: number, reason: string) => void,
  eventSource: string,
  now: Date,
  /** The whole file as received (an early stop reads no further in it). */
  received: { sha256: string; bytes: number },
): Promise<ImportReport> {
  const caseId = scope.case.id;

  /** The persons this import made or changed (kept only if it commits). */
  const touched: string[] = [];
  /** Events it added to persons already recorded (their families may need to know). */
  const news: { personId: string; eventId: string }[] = [];
  const run = async (tx: Context) => {
    const repo = tx.repo(PersonRepository);
    const writing = () => opts.skipInvalid || report.rejectedCount === 0;
    let batch: Accepted[] = [];
    // A case none of whose persons has an external id yet (a first import) needs no lookup per
    // row to keep ids unique: the file's own ids are checked against each other.
    const caseHasExternalIds = await repo.anyExternalId(caseId);
    /** PFIF record ids of the persons this import made or updated → their athar ids. */
    const byRecordId = new Map<string, string>();
    /** PFIF notes standing on their own (not inside their person), applied once the persons are in. */
    const orphanNotes: PfifNote[] = [];
    /** PFIF links of the persons read, applied once both ends are in. */
    const batchLinks: { line: number; from: string; link: NonNullable<PfifNote['link']> }[] = [];
    const places = new Map<string, boolean>();
    const placeOfCase = async (id: string) => {
      if (!places.has(id)) places.set(id, await placeExists(tx, caseId, id));
      return places.get(id)!;
    };
    /** External ids of the persons this import makes. */
    const newIds = new Set<string>();
    /** The persons this import made, by the line that made them (duplicates name the line). */
    const madeBy = new Map<string, number>();

    const flush = async () => {
      const rows = batch;
      batch = [];
      if (rows.length === 0) return;
      await findDuplicates(repo, caseId, rows, madeBy, report);
      if (!writing()) return;
      const created: Parameters<PersonRepository['createMany']>[0][number][] = [];
      const keys: { case_id: string; key: string; person_id: string }[] = [];
      const spellings: { person_id: string; n: number; case_id: string; text: string }[] = [];
      const events: Parameters<PersonRepository['addEvents']>[0][number][] = [];
      for (const r of rows) {
        const p = r.input.person;
        const id = r.existing?.id ?? tx.ids.uuid();
        if (r.input.pfifId) byRecordId.set(r.input.pfifId, id);
        const rowEvents = [
          ...(r.input.status
            ? [
                {
                  id: tx.ids.uuid(),
                  person_id: id,
                  case_id: caseId,
                  kind: r.input.status.kind,
                  date: r.input.status.date,
                  place_id: null,
                  source: eventSource,
                  source_id: null,
                  certainty: 'reported' as const,
                  evidence: '[]',
                  notes: `status in the file: ${r.input.status.asWritten}`,
                  recorded_by: tx.actor.username,
                },
              ]
            : []),
          ...(r.input.events ?? []).map((e) => eventRow(tx, caseId, id, e)),
        ];
        const event = rowEvents[0] ?? null;
        if (r.existing) {
          const old = r.existing;
          const oldNames = old.names as PersonNames;
          const names: PersonNames = { ...oldNames };
          for (const s of ['ar', 'lat'] as const)
            if (p.names[s]) names[s] = { ...oldNames[s], ...p.names[s] };
          const updated = await repo.update(old.id, {
            names: JSON.stringify(names),
            ...(p.aliases ? { aliases: JSON.stringify(p.aliases) } : {}),
            ...(p.sex ? { sex: p.sex } : {}),
            ...(p.birth ? birthColumns(p.birth, now) : {}),
            ...(p.birthplace ? { birthplace: p.birthplace } : {}),
            ...(p.description ? { description: p.description } : {}),
          });
          const terms = searchTermsOf(
            spellingsOf(
              names,
              updated.aliases as Alias[],
              { yearFrom: updated.birth_year_from, yearTo: updated.birth_year_to },
              updated.birthplace,
            ),
          );
          await repo.replaceSearchTerms(caseId, old.id, terms.keys, terms.texts);
          if (event) {
            await repo.addEvents(rowEvents);
            await restatePerson(tx, updated);
            for (const e of rowEvents) news.push({ personId: old.id, eventId: e.id });
          }
          touched.push(old.id);
          continue;
        }
        const derived = event
          ? deriveStatus(rowEvents.map((e) => ({ ...e, hasDocument: false, recordedAt: now })))
          : { status: 'unknown' as const, eventId: null, since: null, conflicts: [] as string[] };
        created.push({
          id,
          case_id: caseId,
          external_id: r.input.externalId,
          names: JSON.stringify(p.names),
          aliases: JSON.stringify(p.aliases ?? []),
          sex: p.sex ?? 'unknown',
          ...birthColumns(p.birth, now),
          birthplace: p.birthplace ?? '',
          description: p.description ?? '',
          photo_media_id: null,
          status: derived.status,
          status_event_id: derived.eventId,
          status_since: derived.since,
          status_conflicts: JSON.stringify(derived.conflicts),
        });
        for (const key of r.keys) keys.push({ case_id: caseId, key, person_id: id });
        r.texts.forEach((text, n) => spellings.push({ person_id: id, n, case_id: caseId, text }));
        events.push(...rowEvents);
        madeBy.set(id, r.line);
        touched.push(id);
      }
      await repo.createMany(created);
      await repo.addSearchTerms(keys, spellings);
      await repo.addEvents(events);
    };

    for await (const rec of rowsOf(source, opts, orphanNotes)) {
      report.rows++;
      try {
        if ('reason' in rec) throw new AppError('invalid', 'import.row', rec.reason);
        const input = rec.read();
        for (const e of input.events ?? []) {
          if (e.date) checkDate(e.date, '/date', now);
          if (e.placeId && !(await placeOfCase(e.placeId))) e.placeId = null;
        }
        if (input.status?.date) checkDate(input.status.date, '/status_date', now);
        const existing = await existingFor(repo, caseId, input, opts.updateBy);
        if (input.externalId && !existing) {
          // An id is one person's: not two rows of the file, not a person already in the case.
          if (newIds.has(input.externalId))
            throw new AppError(
              'invalid',
              'import.row',
              `external id ${input.externalId} is on an earlier line too`,
            );
          if (caseHasExternalIds && (await repo.findByExternalId(caseId, input.externalId)))
            throw new AppError(
              'invalid',
              'import.row',
              `external id ${input.externalId} is already another person's in this case (update by it with --update-by)`,
            );
          newIds.add(input.externalId);
        }
        const names: PersonNames = existing ? { ...(existing.names as PersonNames) } : input.person.names;
        if (existing)
          for (const s of ['ar', 'lat'] as const)
            if (input.person.names[s]) names[s] = { ...names[s], ...input.person.names[s] };
        const aliases = input.person.aliases ?? (existing ? (existing.aliases as Alias[]) : []);
        checkNames(names, aliases);
        const birth = input.person.birth
          ? birthColumns(input.person.birth, now)
          : {
              birth_year_from: existing?.birth_year_from ?? null,
              birth_year_to: existing?.birth_year_to ?? null,
            };
        const spellingsList = spellingsOf(
          names,
          aliases,
          { yearFrom: birth.birth_year_from, yearTo: birth.birth_year_to },
          input.person.birthplace ?? existing?.birthplace ?? '',
        );
        const { keys, texts } = searchTermsOf(spellingsList);
        report.accepted++;
        if (existing) report.updated++;
        else report.created++;
        report.events += (input.status ? 1 : 0) + (input.events?.length ?? 0);
        for (const l of input.links ?? []) batchLinks.push({ line: rec.line, from: input.pfifId!, link: l });
        batch.push({ line: rec.line, input, spellings: spellingsList, keys, texts, existing });
        if (batch.length >= BATCH) await flush();
      } catch (e) {
        reject(rec.line, reasonOf(e));
      }
    }
    await flush();
    if (writing())
      await applyNotesAndLinks(tx, caseId, batchLinks, orphanNotes, byRecordId, report, reject, news, now);
    if (opts.dryRun || !writing()) throw new RollBack();
  };

  try {
    await ctx.transaction(run);
    report.imported = true;
  } catch (e) {
    if (e instanceof AppError && e.kind === 'invalid') {
      // The file itself could not be read on: named, nothing stored.
      const line = typeof e.details?.line === 'number' ? e.details.line : 1;
      reject(line, e.message);
      // Columns nobody mapped, by name, so that a form can ask what each holds.
      if (Array.isArray(e.details?.unknown))
        report.unknownColumns = (e.details.unknown as string[]).slice(0, 100);
    } else if (!(e instanceof RollBack)) throw e;
  }
  Object.assign(report, source.kind === 'table' ? source.file.done() : { encoding: 'utf-8' }, received);
  await ctx.transaction(async (tx) => {
    // The open inquiries hear of the persons made or changed (a job re-matches them all for many).
    if (report.imported) {
      for (const n of news) await familyTasksFor(tx, caseId, n.personId, n.eventId);
      await afterPersonsChanged(tx, caseId, touched, 'import');
    }
    tx.audit({
      action: report.imported
        ? 'person.imported'
        : report.dryRun
          ? 'person.import_dry_run'
          : 'person.import_refused',
      entityType: 'person_import',
      entityId: report.importId,
      caseId,
      after: {
        id: report.importId,
        sha256: report.sha256,
        encoding: report.encoding,
        bytes: report.bytes,
        rows: report.rows,
        accepted: report.accepted,
        rejected: report.rejectedCount,
        duplicates: report.duplicates.length,
        created: report.created,
        updated: report.updated,
        dryRun: report.dryRun,
      },
    });
  });
  return report;
}

async function existingFor(
  repo: PersonRepository,
  caseId: string,
  input: RowInput,
  updateBy: string | null,
): Promise<PersonRow | null> {
  if (updateBy === 'id') {
    if (!input.id) return null;
    const p = await repo.find(caseId, input.id);
    if (!p) throw new AppError('invalid', 'import.row', `column "id": no person ${input.id} in this case`);
    return p;
  }
  if (updateBy && input.externalId) return (await repo.findByExternalId(caseId, input.externalId)) ?? null;
  return null;
}

/**
 * Likely duplicates of a batch: persons of the case sharing a pair key with a row (the import's
 * own earlier rows among them, written before this batch is looked at, and named by their line),
 * and earlier rows of the same batch. After a rejected row stops the writes, rows of earlier
 * batches are no longer in the table: duplicates among them are then found within a batch only.
 */
async function findDuplicates(
  repo: PersonRepository,
  caseId: string,
  rows: readonly Accepted[],
  madeBy: ReadonlyMap<string, number>,
  report: ImportReport,
): Promise<void> {
  const pairKeys = (r: Accepted) => r.keys.filter((k) => k.startsWith('2:'));
  // A pair of names that more than BLOCK persons share tells no duplicate by itself (two very
  // common names): such keys are left out, so the cost stays linear in a large registry.
  const holders = await repo.holdersOf(caseId, [...new Set(rows.flatMap(pairKeys))], BLOCK);
  const byKey = new Map<string, string[]>();
  for (const h of holders) {
    const list = byKey.get(h.key);
    if (list) list.push(h.person_id);
    else byKey.set(h.key, [h.person_id]);
  }
  const persons = new Map(
    (await repo.byIds(caseId, [...new Set(holders.map((h) => h.person_id))])).map((p) => [p.id, p]),
  );
  const spellingsCache = new Map<string, Spelling[]>();
  const theirs = (p: PersonRow) => {
    let s = spellingsCache.get(p.id);
    if (!s) {
      s = spellingsOf(
        p.names as PersonNames,
        p.aliases as Alias[],
        { yearFrom: p.birth_year_from, yearTo: p.birth_year_to },
        p.birthplace,
      );
      spellingsCache.set(p.id, s);
    }
    return s;
  };
  const best = (a: Spelling[], b: Spelling[]) => {
    let s = 0;
    for (const x of a) for (const y of b) s = Math.max(s, compareRecords(x.record, y.record).score);
    return s;
  };
  const note = (d: ImportDuplicate) => {
    if (d.score >= REVIEW_THRESHOLD && report.duplicates.length < MAX_LISTED)
      report.duplicates.push({ ...d, score: Math.round(d.score * 1000) / 1000 });
  };
  /** The candidates sharing the most keys, best first, at most DUPLICATE_CANDIDATES. */
  const top = <T>(counts: Map<T, number>) =>
    [...counts.entries()]
      .filter(([, n]) => n >= MIN_SHARED)
      .sort((a, b) => b[1] - a[1])
      .slice(0, DUPLICATE_CANDIDATES)
      .map(([x]) => x);
  const inBatch = new Map<string, Accepted[]>();
  for (const r of rows) {
    const stored = new Map<string, number>();
    const earlier = new Map<Accepted, number>();
    for (const k of pairKeys(r)) {
      for (const id of byKey.get(k) ?? []) stored.set(id, (stored.get(id) ?? 0) + 1);
      const mine = inBatch.get(k);
      if (mine && mine.length <= BLOCK) for (const e of mine) earlier.set(e, (earlier.get(e) ?? 0) + 1);
    }
    for (const id of top(stored)) {
      const p = persons.get(id);
      if (!p || id === r.existing?.id) continue;
      const line = madeBy.get(id);
      note({
        line: r.line,
        personId: line ? null : id,
        otherLine: line ?? null,
        score: best(r.spellings, theirs(p)),
      });
    }
    for (const e of top(earlier))
      note({ line: r.line, personId: null, otherLine: e.line, score: best(r.spellings, e.spellings) });
    for (const k of pairKeys(r)) {
      const list = inBatch.get(k);
      if (list) list.push(r);
      else inBatch.set(k, [r]);
    }
  }
}

/** Where an import's rows come from: a table (CSV, XLSX) or a PFIF document. */
export type ImportSource =
  { kind: 'table'; file: TableFile } | { kind: 'pfif'; items: AsyncIterable<PfifItem> };

export type ImportFormat = 'csv' | 'xlsx' | 'pfif';

/** The format from the file's first bytes: a ZIP archive is XLSX, XML is PFIF, anything else CSV. */
async function sniffFormat(path: string): Promise<ImportFormat> {
  const fh = await open(path, 'r');
  try {
    const head = Buffer.alloc(512);
    const { bytesRead } = await fh.read(head, 0, 512, 0);
    const b = head.subarray(0, bytesRead);
    if (looksLikeZip(b)) return 'xlsx';
    const text = b
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trimStart();
    return text.startsWith('<') ? 'pfif' : 'csv';
  } finally {
    await fh.close();
  }
}

async function* utf8Text(path: string): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  try {
    for await (const chunk of createReadStream(path)) {
      const t = decoder.decode(chunk as Buffer, { stream: true });
      yield t;
      for (const ch of t) if (ch === '\n') line++;
    }
    yield decoder.decode();
  } catch (e) {
    if (e instanceof TypeError)
      throw new AppError(
        'invalid',
        'import.file',
        `line ${line}: the file stops being UTF-8 here (PFIF is UTF-8)`,
        {
          details: { line },
        },
      );
    throw e;
  }
}

/** The PFIF document's records, its format errors as import errors with the line. */
async function* pfifItems(path: string): AsyncGenerator<PfifItem> {
  try {
    yield* readPfif(utf8Text(path));
  } catch (e) {
    if (e instanceof PfifFileError)
      throw new AppError('invalid', 'import.file', `line ${e.line}: ${e.message}`, {
        details: { line: e.line },
      });
    throw e;
  }
}

function sourceOf(
  format: ImportFormat,
  path: string,
  received: { sha256: string; bytes: number },
): ImportSource {
  if (format === 'pfif') return { kind: 'pfif', items: pfifItems(path) };
  if (format === 'xlsx') return { kind: 'table', file: readXlsxFile(createReadStream(path), received) };
  return { kind: 'table', file: readTableFile(createReadStream(path), { maxBytes: MAX_BYTES }) };
}

type SourceRow = { line: number; read: () => RowInput } | { line: number; reason: string };

/** The source's rows, each read when asked (a row that cannot be read throws, naming why). */
async function* rowsOf(
  source: ImportSource,
  opts: ImportOptions,
  orphanNotes: PfifNote[],
): AsyncGenerator<SourceRow> {
  if (source.kind === 'pfif') {
    if (opts.updateBy === 'id')
      throw new AppError(
        'invalid',
        'import.update_by',
        'a PFIF file updates by its person_record_id: --update-by person_record_id',
      );
    for await (const item of source.items) {
      if (item.kind === 'rejected') yield { line: item.line, reason: item.reason };
      else if (item.kind === 'note') orphanNotes.push(item.note);
      else yield { line: item.line, read: () => pfifRow(item.person) };
    }
    return;
  }
  let columns: Column[] | null = null;
  for await (const rec of source.file.records) {
    if (!columns) {
      const cols = mapColumns(rec.cells, opts.map, { updating: opts.updateBy !== null });
      columns = cols;
      if (opts.updateBy && opts.updateBy !== 'id' && !rec.cells.some((h) => h.trim() === opts.updateBy))
        throw new AppError('invalid', 'import.update_by', `no column "${opts.updateBy}" to update by`);
      if (opts.updateBy === 'id' && !cols.some((c) => c.kind === 'other' && c.field === 'id'))
        throw new AppError('invalid', 'import.update_by', 'updating by athar id needs an id column');
      continue;
    }
    const cols = columns;
    if (rec.problem) {
      yield { line: rec.line, reason: rec.problem };
      continue;
    }
    yield {
      line: rec.line,
      read: () => {
        const input = readRow(rec.cells, cols);
        if (opts.updateBy && opts.updateBy !== 'id') {
          const at = rec.cells.findIndex((_, i) => cols[i]!.header.trim() === opts.updateBy);
          input.externalId = (rec.cells[at] ?? '').trim() || null;
          if (!input.externalId)
            throw new AppError('invalid', 'import.row', `column "${opts.updateBy}": empty`);
        }
        return input;
      },
    };
  }
  if (!columns) throw new AppError('invalid', 'import.empty', 'the file is empty: no header line');
}

/** A PFIF person as an import row: its notes' events, and its links for later. */
function pfifRow(p: PfifPerson): RowInput {
  return {
    person: {
      names: p.names,
      aliases: p.aliases,
      sex: p.sex,
      ...(p.birth ? { birth: p.birth } : {}),
      ...(p.birthplace ? { birthplace: p.birthplace } : {}),
      ...(p.description ? { description: p.description.slice(0, 20_000) } : {}),
    },
    id: null,
    externalId: p.externalId,
    status: null,
    events: p.notes.flatMap((n) => (n.event ? [{ ...n.event }] : [])),
    links: p.notes.flatMap((n) => (n.link ? [n.link] : [])),
    pfifId: p.recordId,
  };
}

function eventRow(tx: Context, caseId: string, personId: string, e: PfifEvent) {
  return {
    id: tx.ids.uuid(),
    person_id: personId,
    case_id: caseId,
    kind: e.kind,
    date: e.date,
    place_id: e.placeId,
    source: e.source.slice(0, 500),
    source_id: null,
    certainty: e.certainty,
    evidence: '[]',
    notes: e.notes.slice(0, 20_000),
    recorded_by: tx.actor.username,
  };
}

/**
 * What a PFIF file says beside its persons: notes standing on their own (events of a person of
 * the file, or of one the case already holds by that record id) and links between records.
 */
async function applyNotesAndLinks(
  tx: Context,
  caseId: string,
  links: readonly { line: number; from: string; link: NonNullable<PfifNote['link']> }[],
  notes: readonly PfifNote[],
  byRecordId: Map<string, string>,
  report: ImportReport,
  reject: (line: number, reason: string) => void,
  news: { personId: string; eventId: string }[],
  now: Date,
): Promise<void> {
  if (links.length === 0 && notes.length === 0) return;
  const repo = tx.repo(PersonRepository);
  const resolve = async (recordId: string): Promise<string | null> => {
    const known = byRecordId.get(recordId);
    if (known) return known;
    const p = await repo.findByExternalId(caseId, recordId.slice(0, 200));
    if (p) byRecordId.set(recordId, p.id);
    return p?.id ?? null;
  };
  const restate = new Set<string>();
  const all = [
    ...links,
    ...notes.flatMap((n) => (n.link ? [{ line: n.line, from: n.personRecordId, link: n.link }] : [])),
  ];
  for (const n of notes) {
    if (!n.event) continue;
    const personId = await resolve(n.personRecordId);
    if (!personId) {
      reject(n.line, `note: no person ${n.personRecordId} in the file or the case`);
      continue;
    }
    try {
      if (n.event.date) checkDate(n.event.date, '/date', now);
    } catch (e) {
      reject(n.line, reasonOf(e));
      continue;
    }
    const row = { ...eventRow(tx, caseId, personId, n.event), place_id: null };
    await repo.addEvents([row]);
    report.events++;
    restate.add(personId);
    news.push({ personId, eventId: row.id });
  }
  for (const id of restate) {
    const p = await repo.find(caseId, id);
    if (p) await restatePerson(tx, p);
  }
  const linksRepo = tx.repo(LinkRepository);
  for (const l of all) {
    const a = await resolve(l.from);
    const b = await resolve(l.link.to);
    if (!a || !b) {
      reject(l.line, `note: linked_person_record_id ${l.link.to} is no person of the file or the case`);
      continue;
    }
    if (a === b || (await linksRepo.live(a, b))) continue;
    const [x, y] = a < b ? [a, b] : [b, a];
    await linksRepo.create({
      id: tx.ids.uuid(),
      case_id: caseId,
      person_a: x,
      person_b: y,
      kind: l.link.kind,
      certainty: l.link.certainty,
      note: 'from a PFIF import',
      created_by: tx.actor.username,
    });
    report.links++;
  }
}
