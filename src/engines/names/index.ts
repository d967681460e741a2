/**
 * The names engine: pure functions to normalise, tokenise, key, transliterate and compare person
 * names across Arabic script and Latin spellings, and to derive index keys for a registry.
 * No I/O; bad input raises InputErrors with `names.*` codes.
 */
export {
  normalizeName,
  MAX_NAME_LENGTH,
  type NormalizedName,
  type NormalizedToken,
  type Script,
} from './normalize.ts';
export { tokenize, type NameToken } from './tokens.ts';
export { phoneticKey, skeleton, keysMatch } from './keys.ts';
export { transliterate } from './transliterate.ts';
export {
  compareNames,
  compareTokens,
  tokenSimilarity,
  tokenWeight,
  type NameComparison,
  type AlignedToken,
  type Alignment,
} from './score.ts';
export {
  compareRecords,
  fullName,
  recordTokens,
  type PersonRecord,
  type RecordComparison,
  type FieldExplanation,
} from './record.ts';
export { retrievalKeys, queryKeys, tokenKeys, trigramText } from './retrieval.ts';

/** Score at or above which a candidate goes to a caseworker for review as a possible match. */
export const REVIEW_THRESHOLD = 0.8;
