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

/** The tokens' own skeletons (not their other readings), for the trigram text. */
function primarySkeletons(tokens: NameToken[]): string[] {
  return [
    ...new Set(
      tokens
        .slice(0, MAX_KEYED_TOKENS)
        .map((t) => t.skeleton)
        .filter((s) => s !== ''),
    ),
  ].sort();
}

/** A token's skeletons: its own and its other readings (NameToken.altSkeletons). */
function variants(t: NameToken): string[] {
  return [t.skeleton, ...t.altSkeletons].filter((s) => s !== '');
}

/**
 * Keys for a list of tokens: `1:A` for each token's skeleton(s) and `2:A|B` (sorted) for each pair
 * of skeletons of two different tokens.
 */
export function tokenKeys(tokens: NameToken[]): string[] {
  const keyed = tokens.slice(0, MAX_KEYED_TOKENS).map(variants);
  const keys = new Set<string>();
  for (const v of keyed) for (const x of v) keys.add(`1:${x}`);
  for (let i = 0; i < keyed.length; i++) {
    for (let j = i + 1; j < keyed.length; j++) {
      for (const x of keyed[i]!)
        for (const y of keyed[j]!) if (x !== y) keys.add(x < y ? `2:${x}|${y}` : `2:${y}|${x}`);
    }
  }
  return [...keys].sort();
}

/**
 * A record's index keys (6 singles and 15 pairs at most, more only for names with other readings:
 * a first vowel + Y/W, an Arabic ذ/ظ). Throws the InputErrors of `tokenize`.
 */
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
  return primarySkeletons(recordTokens(record)).join(' ').toLowerCase();
}
