import { recordTokens, type PersonRecord } from './record.ts';
import type { NameToken } from './tokens.ts';

/**
 * Index keys for candidate search in a large registry (a btree on a key column). A record gets
 * one key per unordered pair of its name tokens' skeletons, so a query finds it when any two of
 * its tokens agree with the record's — whatever their order, script or spelling — plus one key per
 * token for single-word queries. Skeletons are coarse on purpose (Hasan and Husayn share one):
 * retrieval must not lose the true match; scoring sorts the candidates.
 */

/** At most this many name tokens are keyed (a given, father, grandfather, family name and one more). */
export const MAX_KEYED_TOKENS = 6;

function skeletons(tokens: NameToken[]): string[] {
  return [...new Set(tokens.slice(0, MAX_KEYED_TOKENS).map((t) => t.skeleton).filter((s) => s !== ''))].sort();
}

/** Keys for a list of tokens: `2:A|B` for each unordered pair and `1:A` for each token. */
export function tokenKeys(tokens: NameToken[]): string[] {
  const s = skeletons(tokens);
  const keys: string[] = s.map((x) => `1:${x}`);
  for (let i = 0; i < s.length; i++) for (let j = i + 1; j < s.length; j++) keys.push(`2:${s[i]}|${s[j]}`);
  return keys;
}

/** A record's index keys (at most 6 singles and 15 pairs). Throws the AppErrors of `tokenize`. */
export function retrievalKeys(record: PersonRecord): string[] {
  return tokenKeys(recordTokens(record));
}

/**
 * The keys a query looks up: its pairs when it has two or more tokens (single tokens such as
 * "Mohammad" would return a large part of a registry), its singles otherwise.
 */
export function queryKeys(tokens: NameToken[]): string[] {
  const keys = tokenKeys(tokens);
  const pairs = keys.filter((k) => k.startsWith('2:'));
  return pairs.length > 0 ? pairs : keys;
}

/**
 * Script-free text for pg_trgm (`similarity()` / `%` on a GIN trigram index), a second way to
 * find candidates when too few tokens agree: the skeletons, sorted so order does not matter.
 */
export function trigramText(record: PersonRecord): string {
  return skeletons(recordTokens(record)).join(' ').toLowerCase();
}
