/**
 * Matching family inquiries with the registry, in both directions and with one score: the name
 * engine compares every spelling of the sought person (Arabic script, Latin) with every spelling
 * of a person (and their aliases), with the parents' names, birth years and birthplace each side
 * gives, and keeps the best. A pair at or above the engine's review threshold becomes a
 * suggestion for a caseworker — never a decision, whatever the score — and a pair is suggested
 * once: a rejected pair stays rejected.
 *
 * - An inquiry arriving looks for persons (the case's person keys and trigrams, as search does).
 * - A person recorded, corrected or given an event looks for open inquiries (the inquiries' own
 *   keys and trigrams). A confirmed match whose person gets an event makes a task: tell the family.
 * - Many persons at once (an import) re-match every open inquiry instead, in one background job.
 */
import {
  compareRecords,
  queryKeys,
  REVIEW_THRESHOLD,
  tokenize,
  trigramText,
  type PersonRecord,
} from '#src/engines/names/index.ts';
import type { Context } from '#src/platform/context.ts';
import { InquiryRepository, type InquiryRow } from './inquiry.repository.ts';
import { searchTermsOf, spellingsOf, type Spelling } from './names.ts';
import { PersonRepository, TRIGRAM_WHEN, type PersonRow } from './person.repository.ts';
import type { Alias, PersonNames } from './schemas.ts';

/** Suggestions at or above this score (the name engine's review threshold). */
export const SUGGEST_SCORE = REVIEW_THRESHOLD;
// A suggestion needs the engine's review score (0.8): the records that share the most keys with
// the sought name are the only ones that can reach it, so fewer are scored than a search does.
const PERSON_CANDIDATES = 20;
const INQUIRY_CANDIDATES = 50;
const TRIGRAM_CANDIDATES = 10;
/** More persons changed at once than this: every open inquiry is matched again instead. */
export const PER_PERSON_LIMIT = 50;

export type Explanation = {
  field: string;
  score: number | null;
  effect: 'supports' | 'neutral' | 'conflicts';
  detail: string;
}[];

export function inquirySpellings(row: InquiryRow): Spelling[] {
  return spellingsOf(
    row.names as PersonNames,
    [],
    { yearFrom: row.birth_year_from, yearTo: row.birth_year_to },
    row.birthplace,
  );
}

export function personSpellings(row: PersonRow): Spelling[] {
  return spellingsOf(
    row.names as PersonNames,
    row.aliases as Alias[],
    { yearFrom: row.birth_year_from, yearTo: row.birth_year_to },
    row.birthplace,
  );
}

/** The best comparison of any spelling of one with any spelling of the other. */
export function bestMatch(
  a: readonly Spelling[],
  b: readonly Spelling[],
): { score: number; explanation: Explanation } | null {
  let best: { score: number; explanation: Explanation } | null = null;
  for (const x of a)
    for (const y of b) {
      const c = compareRecords(x.record, y.record);
      if (!best || c.score > best.score)
        best = {
          score: c.score,
          explanation: c.explanation.map(({ field, score, effect, detail }) => ({
            field,
            score,
            effect,
            detail,
          })),
        };
    }
  return best;
}

/** Stores the inquiry's search terms (its sought person's keys and trigram texts). */
export async function storeInquiryTerms(ctx: Context, row: InquiryRow): Promise<void> {
  const { keys, texts } = searchTermsOf(inquirySpellings(row));
  await ctx.repo(InquiryRepository).replaceSearchTerms(row.case_id, row.id, keys, texts);
}

interface Pair {
  inquiry: InquiryRow;
  person: PersonRow;
  score: number;
  explanation: Explanation;
}

async function suggest(ctx: Context, pairs: readonly Pair[], foundBy: string): Promise<number> {
  if (pairs.length === 0) return 0;
  return ctx.repo(InquiryRepository).suggest(
    pairs.map((p) => ({
      inquiry_id: p.inquiry.id,
      person_id: p.person.id,
      case_id: p.inquiry.case_id,
      score: Math.round(p.score * 1000) / 1000,
      explanation: JSON.stringify(p.explanation),
      found_by: foundBy,
      decided_by: null,
      decided_at: null,
      event_id: null,
    })),
  );
}

/** The persons an inquiry may be about; the new suggestions it made. */
export async function matchInquiry(ctx: Context, inquiry: InquiryRow, foundBy = 'inquiry'): Promise<number> {
  const spellings = inquirySpellings(inquiry);
  const { keys, texts } = searchTermsOf(spellings);
  const repo = ctx.repo(PersonRepository);
  const byKeys = await repo.byKeys(inquiry.case_id, keys, PERSON_CANDIDATES);
  const found: { id: string }[][] = [byKeys];
  if (byKeys.length < TRIGRAM_WHEN)
    for (const t of texts) found.push(await repo.byTrigrams(inquiry.case_id, t, TRIGRAM_CANDIDATES));
  const ids = [...new Set(found.flat().map((c) => c.id))];
  const pairs: Pair[] = [];
  for (const person of await repo.byIds(inquiry.case_id, ids)) {
    const m = bestMatch(spellings, personSpellings(person));
    if (m && m.score >= SUGGEST_SCORE) pairs.push({ inquiry, person, ...m });
  }
  return suggest(ctx, pairs, foundBy);
}

/** The open inquiries that may be about these persons; the new suggestions made. */
export async function matchPersons(
  ctx: Context,
  caseId: string,
  persons: readonly PersonRow[],
  foundBy: string,
): Promise<number> {
  const repo = ctx.repo(InquiryRepository);
  let made = 0;
  for (const person of persons) {
    const spellings = personSpellings(person);
    const { keys } = searchTermsOf(spellings);
    const texts = spellings.map((s) => trigramText(s.record)).filter((t): t is string => Boolean(t));
    const found = [await repo.openByKeys(caseId, keys, INQUIRY_CANDIDATES)];
    if (found[0]!.length < TRIGRAM_WHEN)
      for (const t of texts) found.push(await repo.openByTrigrams(caseId, t, TRIGRAM_CANDIDATES));
    const ids = [...new Set(found.flat())];
    const pairs: Pair[] = [];
    for (const inquiry of await repo.openByIds(caseId, ids)) {
      const m = bestMatch(inquirySpellings(inquiry), spellings);
      if (m && m.score >= SUGGEST_SCORE) pairs.push({ inquiry, person, ...m });
    }
    made += await suggest(ctx, pairs, foundBy);
  }
  return made;
}

/** The open inquiries that may seek the person a name (a release list's line) stands for, best first. */
export async function inquiriesForName(
  ctx: Context,
  caseId: string,
  record: PersonRecord,
  limit: number,
): Promise<{ inquiryId: string; score: number; explanation: Explanation }[]> {
  const repo = ctx.repo(InquiryRepository);
  const byKeys = await repo.openByKeys(caseId, queryKeys(tokenize(record.name!)), INQUIRY_CANDIDATES);
  const byTrigrams =
    byKeys.length < TRIGRAM_WHEN
      ? await repo.openByTrigrams(caseId, trigramText({ name: record.name! }), TRIGRAM_CANDIDATES)
      : [];
  const ids = [...new Set([...byKeys, ...byTrigrams])];
  if (ids.length === 0) return [];
  const line: Spelling[] = [{ label: 'line', record }];
  const out: { inquiryId: string; score: number; explanation: Explanation }[] = [];
  for (const inquiry of await repo.openByIds(caseId, ids)) {
    const m = bestMatch(inquirySpellings(inquiry), line);
    if (m && m.score >= SUGGEST_SCORE)
      out.push({
        inquiryId: inquiry.id,
        score: Math.round(m.score * 1000) / 1000,
        explanation: m.explanation,
      });
  }
  out.sort((a, b) => b.score - a.score || (a.inquiryId < b.inquiryId ? -1 : 1));
  return out.slice(0, limit);
}

/** Every open inquiry of a case against the whole registry (a batch; resumable by id order). */
export async function matchAllOpen(
  ctx: Context,
  caseId: string,
  foundBy: string,
  onProgress?: (done: number) => void,
): Promise<{ inquiries: number; suggested: number }> {
  const repo = ctx.repo(InquiryRepository);
  let after: string | null = null;
  let inquiries = 0;
  let suggested = 0;
  for (;;) {
    const batch: InquiryRow[] = await repo.openAfter(caseId, after, 200);
    if (batch.length === 0) break;
    for (const inquiry of batch) {
      suggested += await matchInquiry(ctx, inquiry, foundBy);
      inquiries++;
    }
    after = batch[batch.length - 1]!.id;
    onProgress?.(inquiries);
  }
  return { inquiries, suggested };
}
