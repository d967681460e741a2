/**
 * Person search across Arabic script and Latin spellings. Candidates come from SQL — persons
 * sharing the most retrieval keys with the query (pairs of token skeletons, so any two names that
 * agree find the record whatever their order, script or spelling), and persons one of whose
 * spellings is trigram-similar to the query (pg_trgm) for queries whose tokens key nothing — and
 * the name engine scores each candidate against each of its spellings, best first, with its
 * explanation and the fields that tell namesakes apart. One search is one audit event (how many
 * results; never the query, which is a name).
 *
 * Limits: at most KEY_CANDIDATES + TRIGRAM_CANDIDATES persons are scored, so a query of one common
 * name ("Mohammad") sees an arbitrary part of the registry; give two names or more.
 */
import { isInputError } from '#src/engines/input-error.ts';
import {
  compareRecords,
  queryKeys,
  tokenize,
  trigramText,
  type PersonRecord,
} from '#src/engines/names/index.ts';
import type { CaseScope } from '#src/platform/access.ts';
import type { Context } from '#src/platform/context.ts';
import { invalid } from '#src/platform/errors.ts';
import {
  PersonRepository,
  TRIGRAM_WHEN,
  type CandidateFilters,
  type PersonRow,
} from './person.repository.ts';
import { readable, spellingsOf } from './names.ts';
import { statusEventOf } from './persons.ts';
import { presentBirth } from './present.ts';
import type { Alias, PersonNames, SearchQuery, SearchResult, SearchResults } from './schemas.ts';
import { orderEvents } from './status.ts';

const KEY_CANDIDATES = 400;
const TRIGRAM_CANDIDATES = 100;
/** Below this score a candidate is not shown (the engine's scale: 1 is the same name). */
export const MIN_SCORE = 0.5;

export interface NameQuery {
  q: string;
  father?: string | undefined;
  mother?: string | undefined;
  birthYear?: number | undefined;
  birthplace?: string | undefined;
}

/** The query as a record for the engine (the father's name joins the name, as registries write it). */
export function queryRecord(query: NameQuery): PersonRecord {
  const name = [query.q, query.father].filter(Boolean).join(' ');
  try {
    tokenize(name);
  } catch (e) {
    if (isInputError(e))
      throw invalid('person.query', `/q: ${e.message}`, { issues: [{ field: '/q', message: e.message }] });
    throw e;
  }
  for (const [field, v] of [
    ['mother', query.mother],
    ['birthplace', query.birthplace],
  ] as const)
    if (v && !readable(v))
      throw invalid('person.query', `/${field}: not a name athar can read`, {
        issues: [{ field: `/${field}`, message: 'not a name athar can read' }],
      });
  return {
    name,
    ...(query.mother ? { mother: query.mother } : {}),
    ...(query.birthYear ? { birthYear: query.birthYear } : {}),
    ...(query.birthplace ? { birthplace: query.birthplace } : {}),
  };
}

/** Scored candidates for a query among a case's persons (no audit: callers record). */
export async function rankCandidates(
  ctx: Context,
  caseId: string,
  query: NameQuery,
  filters: CandidateFilters,
  limit: number,
  /** How many candidates to retrieve by keys and by trigrams (a search: the most; a list's line: fewer). */
  pool: { keys: number; trigrams: number } = { keys: KEY_CANDIDATES, trigrams: TRIGRAM_CANDIDATES },
): Promise<{ results: SearchResult[]; candidates: number }> {
  const record = queryRecord(query);
  const repo = ctx.repo(PersonRepository);
  const keys = queryKeys(tokenize(record.name!));
  const byKeys = await repo.byKeys(caseId, keys, pool.keys, filters);
  // The trigram index is asked only when too few records share a key with the query (a name
  // whose tokens key nothing, a spelling far from any key): its scan grows with the registry.
  const byTrigrams =
    byKeys.length < TRIGRAM_WHEN
      ? await repo.byTrigrams(caseId, trigramText({ name: record.name! }), pool.trigrams, filters)
      : [];
  const ids = [...new Set([...byKeys.map((c) => c.id), ...byTrigrams.map((c) => c.id)])];
  // The filters were applied where the candidates were retrieved.
  const rows = await repo.byIds(caseId, ids);
  const scored: {
    row: PersonRow;
    score: number;
    matched: string;
    explanation: SearchResult['explanation'];
  }[] = [];
  for (const row of rows) {
    const spellings = spellingsOf(
      row.names as PersonNames,
      row.aliases as Alias[],
      { yearFrom: row.birth_year_from, yearTo: row.birth_year_to },
      row.birthplace,
    );
    let best: (typeof scored)[number] | null = null;
    for (const s of spellings) {
      const c = compareRecords(record, s.record);
      if (!best || c.score > best.score)
        best = {
          row,
          score: c.score,
          matched: s.label,
          explanation: c.explanation.map(({ field, score, effect, detail }) => ({
            field,
            score,
            effect,
            detail,
          })),
        };
    }
    if (best && best.score >= MIN_SCORE) scored.push(best);
  }
  scored.sort((a, b) => b.score - a.score || (a.row.id < b.row.id ? -1 : 1));
  const top = scored.slice(0, limit);
  const events = await repo.eventsOf(top.map((t) => t.row.id));
  const last = new Map<string, { kind: SearchResult['lastEvent'] }>();
  for (const t of top) {
    const mine = orderEvents(events.filter((e) => e.person_id === t.row.id).map(statusEventOf));
    const e = mine[mine.length - 1];
    last.set(t.row.id, { kind: e ? { kind: e.kind, date: e.date } : null });
  }
  return {
    candidates: ids.length,
    results: top.map((t) => {
      const names = t.row.names as PersonNames;
      const parts = names.ar ?? names.lat ?? {};
      const other = names.ar && names.lat ? names.lat : null;
      const mother = [parts.motherGiven, parts.motherFamily].filter(Boolean).join(' ');
      const otherMother = other ? [other.motherGiven, other.motherFamily].filter(Boolean).join(' ') : '';
      return {
        id: t.row.id,
        score: Math.round(t.score * 1000) / 1000,
        names,
        status: t.row.status,
        matched: t.matched,
        explanation: t.explanation,
        father: [parts.father, other?.father].filter(Boolean).join(' / ') || null,
        mother: [mother, otherMother].filter(Boolean).join(' / ') || null,
        birth: presentBirth(t.row),
        birthplace: t.row.birthplace,
        lastEvent: last.get(t.row.id)?.kind ?? null,
      };
    }),
  };
}

/** A caseworker's search (one audit event with the number of results). */
export async function searchPersons(
  ctx: Context,
  scope: CaseScope,
  query: SearchQuery,
): Promise<SearchResults> {
  const { results, candidates } = await rankCandidates(
    ctx,
    scope.case.id,
    query,
    { status: query.status, placeId: query.placeId, bornFrom: query.bornFrom, bornTo: query.bornTo },
    query.limit ?? 20,
  );
  ctx.audit({
    action: 'person.searched',
    entityType: 'person_search',
    entityId: null,
    caseId: scope.case.id,
    after: { results: results.length, candidates },
  });
  return { results, candidates };
}
