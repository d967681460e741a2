/**
 * Release lists and sightings: names as an association published them after the release — text
 * pasted one person per line, in either script, or a CSV with the import's columns — matched at
 * once against the case's registry. For each line, the candidates with the name engine's scores
 * and explanations wait for a caseworker: confirming one adds a "released" (or "seen") event to
 * that person with the list as its source; rejecting one is remembered. Nothing is decided
 * automatically, whatever the score.
 *
 * A plain line may start with the list's own numbering ("12.", "١٢ -"), which is taken off. A
 * line with no name the engine can read is kept, with the reason, and matched to no one. The file
 * is kept as its SHA-256 (in the list and the audit event); its lines are kept for review.
 */
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { isInputError } from '#src/engines/input-error.ts';
import type { CaseScope } from '#src/platform/access.ts';
import type { Context } from '#src/platform/context.ts';
import { AppError, conflict, invalid, notFound } from '#src/platform/errors.ts';
import { mapColumns, readRow } from './import-columns.ts';
import { PersonRepository } from './person.repository.ts';
import { InquiryRepository } from './inquiry.repository.ts';
import { addEvent, checkDate } from './persons.ts';
import {
  ReleaseRepository,
  type ReleaseDecisionRow,
  type ReleaseLineRow,
  type ReleaseListRow,
} from './release.repository.ts';
import type { NameParts, PersonNames, ReleaseListView } from './schemas.ts';
import { queryRecord, rankCandidates, type NameQuery } from './search.ts';
import { inquiriesForName } from './inquiry-matching.ts';
import { sniffEncoding } from './table-file.ts';

/** A list is read whole: associations' lists run to thousands of lines, not millions. */
const MAX_BYTES = 10 * 1024 * 1024;
const MAX_LINES = 20_000;
const CANDIDATES = 5;
/** A line's candidates are drawn from fewer than a search's: a list has thousands of lines. */
const LINE_POOL = { keys: 30, trigrams: 10 };

export interface ReleaseListInput {
  title: string;
  kind: 'released' | 'seen';
  date?: string | undefined;
  source?: string | undefined;
}

interface Entry {
  n: number;
  text: string;
  query: NameQuery | null;
  problem: string | null;
}

interface StoredCandidate {
  personId: string;
  score: number;
  explanation: {
    field: string;
    score: number | null;
    effect: 'supports' | 'neutral' | 'conflicts';
    detail: string;
  }[];
}

async function readBody(body: Readable): Promise<{ bytes: Buffer; sha256: string }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of body) {
    const chunk = Buffer.isBuffer(c) ? c : Buffer.from(c as string);
    size += chunk.length;
    if (size > MAX_BYTES) throw invalid('release_list.too_large', `a list is at most ${MAX_BYTES} bytes`);
    chunks.push(chunk);
  }
  const bytes = Buffer.concat(chunks);
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}

const NUMBERING = /^\s*[0-9٠-٩]+\s*[-.):–]\s*/u;
const full = (p: NameParts | undefined) =>
  p ? [p.given, p.father, p.grandfather, p.family].filter(Boolean).join(' ') : '';

/** The list's entries: a CSV whose header names name columns, else one name per line. */
export function readEntries(text: string): Entry[] {
  const rows = text.split(/\r\n|\n|\r/);
  const first = rows.find((r) => r.trim() !== '') ?? '';
  if (first.includes(',')) {
    let columns: ReturnType<typeof mapColumns> | null = null;
    try {
      const header: string[][] = parse(first);
      columns = mapColumns(header[0] ?? [], [], { updating: false });
    } catch {
      columns = null;
    }
    if (columns) {
      const records = parse(text, {
        relax_column_count: true,
        skip_empty_lines: true,
        info: true,
      }) as unknown as {
        record: string[];
        info: { lines: number };
      }[];
      return records.slice(1).map(({ record, info }) => {
        const line = record.join(', ');
        try {
          const { person } = readRow(record, columns);
          const names: PersonNames = person.names;
          const parts = names.ar ?? names.lat;
          const q = full(names.ar) || full(names.lat);
          if (!q) return { n: info.lines, text: line, query: null, problem: 'no name on this line' };
          const mother = [parts?.motherGiven, parts?.motherFamily].filter(Boolean).join(' ');
          const year = person.birth?.date ? Number(person.birth.date.slice(0, 4)) : undefined;
          return {
            n: info.lines,
            text: line,
            query: {
              q,
              ...(mother ? { mother } : {}),
              ...(year ? { birthYear: year } : {}),
              ...(person.birthplace ? { birthplace: person.birthplace } : {}),
            },
            problem: null,
          };
        } catch (e) {
          if (e instanceof AppError) return { n: info.lines, text: line, query: null, problem: e.message };
          throw e;
        }
      });
    }
  }
  const out: Entry[] = [];
  rows.forEach((r, i) => {
    const name = r.replace(NUMBERING, '').trim();
    if (name === '') return;
    out.push({ n: i + 1, text: r.trim(), query: { q: name }, problem: null });
  });
  return out;
}

/** Receives a list, matches every line against the registry, and keeps it for review. */
export async function addReleaseList(
  ctx: Context,
  scope: CaseScope,
  body: Readable,
  input: ReleaseListInput,
): Promise<ReleaseListView> {
  if (input.date) checkDate(input.date, '/date', ctx.clock.now());
  const { bytes, sha256 } = await readBody(body);
  if (bytes.includes(0))
    throw invalid('release_list.binary', 'the list holds binary data (a NUL byte): send text or CSV');
  const encoding = sniffEncoding(bytes.subarray(0, 64 * 1024));
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: encoding === 'utf-8' }).decode(bytes);
  } catch {
    throw invalid(
      'release_list.encoding',
      'the list stops being UTF-8 part of the way: save all of it as UTF-8',
    );
  }
  let entries: Entry[];
  try {
    entries = readEntries(text);
  } catch (e) {
    throw invalid('release_list.csv', `not valid CSV: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (entries.length === 0) throw invalid('release_list.empty', 'the list has no names');
  if (entries.length > MAX_LINES)
    throw invalid('release_list.too_long', `a list has at most ${MAX_LINES} lines`);
  const id = ctx.ids.uuid();
  const lines: {
    list_id: string;
    n: number;
    text: string;
    problem: string | null;
    candidates: string;
    inquiries: string;
  }[] = [];
  for (const e of entries) {
    let candidates: StoredCandidate[] = [];
    let inquiries: Awaited<ReturnType<typeof inquiriesForName>> = [];
    let problem = e.problem;
    if (e.query) {
      try {
        const r = await rankCandidates(ctx, scope.case.id, e.query, {}, CANDIDATES, LINE_POOL);
        candidates = r.results.map((x) => ({ personId: x.id, score: x.score, explanation: x.explanation }));
        // The open inquiries the name may answer, whether or not a record has it.
        inquiries = await inquiriesForName(ctx, scope.case.id, queryRecord(e.query), CANDIDATES);
      } catch (err) {
        if (!(err instanceof AppError) && !isInputError(err)) throw err;
        problem = err instanceof Error ? err.message.replace(/^\/q: /, '') : String(err);
      }
    }
    lines.push({
      list_id: id,
      n: e.n,
      text: e.text.slice(0, 2000),
      problem,
      candidates: JSON.stringify(candidates),
      inquiries: JSON.stringify(inquiries),
    });
  }
  await ctx.transaction(async (tx) => {
    await tx.repo(ReleaseRepository).create(
      {
        id,
        case_id: scope.case.id,
        title: input.title,
        event_kind: input.kind,
        date: input.date ?? null,
        source: input.source ?? '',
        sha256,
        lines: lines.length,
        created_by: tx.actor.username,
      },
      lines,
    );
    tx.audit({
      action: 'release_list.added',
      entityType: 'release_list',
      entityId: id,
      caseId: scope.case.id,
      after: {
        id,
        sha256,
        lines: lines.length,
        matched: lines.filter((l) => l.candidates !== '[]').length,
        inquiries: lines.filter((l) => l.inquiries !== '[]').length,
        eventKind: input.kind,
      },
    });
  });
  return showReleaseList(ctx, scope, id);
}

async function requireList(ctx: Context, scope: CaseScope, id: string): Promise<ReleaseListRow> {
  const l = await ctx.repo(ReleaseRepository).find(scope.case.id, id);
  if (!l) throw notFound('release_list.not_found', `no release list ${id} in this case`);
  return l;
}

/** A caseworker's review of a list: the persons it shows are one audit event (as a search is). */
export async function reviewReleaseList(
  ctx: Context,
  scope: CaseScope,
  id: string,
): Promise<ReleaseListView> {
  const view = await showReleaseList(ctx, scope, id);
  ctx.audit({
    action: 'release_list.viewed',
    entityType: 'release_list',
    entityId: id,
    caseId: scope.case.id,
    after: { id, lines: view.lines.length },
  });
  return view;
}

/** A list with each line's candidates (the persons as they are now) and the decisions taken. */
export async function showReleaseList(ctx: Context, scope: CaseScope, id: string): Promise<ReleaseListView> {
  const list = await requireList(ctx, scope, id);
  const repo = ctx.repo(ReleaseRepository);
  const [lines, decisions] = await Promise.all([repo.lines(id), repo.decisions(id)]);
  const ids = [...new Set(lines.flatMap((l) => (l.candidates as StoredCandidate[]).map((c) => c.personId)))];
  const persons = new Map((await ctx.repo(PersonRepository).byIds(scope.case.id, ids)).map((p) => [p.id, p]));
  const inquiryIds = [
    ...new Set(lines.flatMap((l) => (l.inquiries as { inquiryId: string }[]).map((i) => i.inquiryId))),
  ];
  const inquiries = new Map(
    (await ctx.repo(InquiryRepository).byIds(scope.case.id, inquiryIds)).map((i) => [i.id, i]),
  );
  const decided = new Map(decisions.map((d: ReleaseDecisionRow) => [`${d.n}:${d.person_id}`, d.decision]));
  return {
    id: list.id,
    title: list.title,
    eventKind: list.event_kind,
    date: list.date,
    source: list.source,
    sha256: list.sha256,
    createdBy: list.created_by,
    createdAt: list.created_at.toISOString(),
    lines: lines.map((l: ReleaseLineRow) => ({
      line: l.n,
      text: l.text,
      problem: l.problem,
      inquiries: (l.inquiries as { inquiryId: string; score: number }[]).flatMap((i) => {
        const q = inquiries.get(i.inquiryId);
        return q ? [{ inquiryId: i.inquiryId, score: i.score, relation: q.relation, status: q.status }] : [];
      }),
      candidates: (l.candidates as StoredCandidate[]).flatMap((c) => {
        const p = persons.get(c.personId);
        if (!p) return [];
        const names = p.names as PersonNames;
        const parts = names.ar ?? names.lat ?? {};
        return [
          {
            ...c,
            names,
            status: p.status,
            father: parts.father ?? null,
            mother: [parts.motherGiven, parts.motherFamily].filter(Boolean).join(' ') || null,
            birthYears: { from: p.birth_year_from, to: p.birth_year_to },
            decision: decided.get(`${l.n}:${c.personId}`) ?? null,
          },
        ];
      }),
    })),
  };
}

/** The case's lists, newest first (without their lines). */
export async function listReleaseLists(ctx: Context, scope: CaseScope) {
  return (await ctx.repo(ReleaseRepository).ofCase(scope.case.id)).map((l) => ({
    id: l.id,
    title: l.title,
    eventKind: l.event_kind,
    date: l.date,
    lines: l.lines,
    createdBy: l.created_by,
    createdAt: l.created_at.toISOString(),
  }));
}

/**
 * A caseworker's decision on one candidate of a line. Confirming adds the list's event (released
 * or seen, dated as the list is, certainty "reported": the list says so) to the person, with the
 * list as its source; rejecting is remembered. A candidate is decided once.
 */
export async function decideReleaseLine(
  ctx: Context,
  scope: CaseScope,
  id: string,
  n: number,
  input: { personId: string; decision: 'confirm' | 'reject' },
): Promise<ReleaseListView> {
  const list = await requireList(ctx, scope, id);
  const repo = ctx.repo(ReleaseRepository);
  const line = await repo.line(id, n);
  if (!line) throw notFound('release_list.no_line', `the list has no line ${n}`);
  if (!(line.candidates as StoredCandidate[]).some((c) => c.personId === input.personId))
    throw invalid('release_list.not_a_candidate', '/personId: not a candidate of this line', {
      issues: [{ field: '/personId', message: 'not a candidate of this line' }],
    });
  let eventId: string | null = null;
  if (input.decision === 'confirm') {
    // A line is one person: once confirmed for someone, it is not confirmed for another.
    const other = (await repo.decisions(id)).find(
      (d) => d.n === n && d.decision === 'confirmed' && d.person_id !== input.personId,
    );
    if (other)
      throw conflict('release_list.line_confirmed', `line ${n} is already confirmed for another person`);
    const { event } = await addEvent(ctx, scope, input.personId, {
      kind: list.event_kind,
      ...(list.date ? { date: list.date } : {}),
      certainty: 'reported',
      source: `release list “${list.title}”, line ${n}`,
      notes: `the list’s line: ${line.text}; matched to this person by ${ctx.actor.username}`.slice(
        0,
        20_000,
      ),
    });
    eventId = event.id;
  }
  const stored = await repo.decide({
    list_id: id,
    n,
    person_id: input.personId,
    decision: input.decision === 'confirm' ? 'confirmed' : 'rejected',
    event_id: eventId,
    decided_by: ctx.actor.username,
  });
  if (!stored) throw conflict('release_list.decided', 'this candidate of this line was decided already');
  ctx.audit({
    action: `release_list.${input.decision === 'confirm' ? 'confirmed' : 'rejected'}`,
    entityType: 'release_decision',
    entityId: id,
    caseId: scope.case.id,
    after: { listId: id, line: n, personId: input.personId, eventId },
  });
  return showReleaseList(ctx, scope, id);
}
