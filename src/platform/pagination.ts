/**
 * One way to page through every list the API returns: `?limit=N&cursor=C`, answered with the
 * list under its own key and `nextCursor` (null on the last page). A cursor is the sort key of
 * the last row given out (keyset pagination), so pages stay stable while rows are added, and
 * it is opaque: base64url of a JSON array (the list's name, then the key) that the list's codec
 * checks field by field.
 */
import {
  Type,
  type TArray,
  type TNull,
  type TObject,
  type TProperties,
  type TSchema,
  type TString,
  type TUnion,
} from '@sinclair/typebox';
import { invalid } from './errors.ts';
import { isUuid, Nullable } from './schemas.ts';

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 500;

const pageFields = {
  limit: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: MAX_PAGE_SIZE,
      default: DEFAULT_PAGE_SIZE,
      description: `page size (at most ${MAX_PAGE_SIZE})`,
    }),
  ),
  cursor: Type.Optional(Type.String({ maxLength: 500, description: 'nextCursor of the previous page' })),
};

/** The query string of a list: `limit`, `cursor` and the list's own filters. */
export function PageQuery<P extends TProperties = Record<never, never>>(filters?: P) {
  return Type.Object({ ...pageFields, ...(filters ?? ({} as P)) }, { additionalProperties: false });
}

/** A page of a list: the items under the list's key, and the cursor of the next page. */
export function Page<K extends string, T extends TSchema>(
  key: K,
  item: T,
): TObject<{ [P in K]: TArray<T> } & { nextCursor: TUnion<[TString, TNull]> }> {
  const properties = { [key]: Type.Array(item), nextCursor: Nullable(Type.String()) } as {
    [P in K]: TArray<T>;
  } & { nextCursor: TUnion<[TString, TNull]> };
  return Type.Object(properties);
}

export interface PageRequest {
  limit?: number | undefined;
  cursor?: string | undefined;
}

/** Kinds of sort-key parts a cursor carries. */
type KeyPart = 'instant' | 'instant?' | 'text' | 'seq' | 'uuid';
type PartValue<P extends KeyPart> = P extends 'instant' ? Date : P extends 'instant?' ? Date | null : string;
export type CursorValues<K extends readonly KeyPart[]> = { [I in keyof K]: PartValue<K[I]> };

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function badCursor(): never {
  throw invalid('validation.cursor', 'the cursor is not one this server gave out', {
    issues: [{ field: '/cursor', message: 'invalid cursor' }],
  });
}

function readPart(kind: KeyPart, v: unknown): Date | string | null {
  if (kind === 'instant?' && v === null) return null;
  switch (kind) {
    case 'instant?':
    case 'instant': {
      if (typeof v !== 'string' || !ISO.test(v)) return badCursor();
      const d = new Date(v);
      // Years athar stores are 1000–9999 (schemas.ts, Instant): a cursor holds one of those.
      return Number.isNaN(d.getTime()) || d.getUTCFullYear() < 1000 ? badCursor() : d;
    }
    case 'text':
      return typeof v === 'string' && v.length <= 1000 ? v : badCursor();
    case 'seq':
      return typeof v === 'string' && /^\d{1,18}$/.test(v) ? v : badCursor();
    case 'uuid':
      return typeof v === 'string' && isUuid(v) ? v : badCursor();
  }
}

/** Encodes and checks the cursors of one list, whose sort key has the given parts. */
export interface CursorCodec<K extends readonly KeyPart[]> {
  encode(values: CursorValues<K>): string;
  decode(cursor: string): CursorValues<K>;
}

/**
 * The cursors of the list named `list`, whose sort key has the given parts. The name travels in
 * the cursor, so a cursor of one list is refused by another instead of being read as its key.
 */
export function cursorCodec<const K extends readonly KeyPart[]>(list: string, parts: K): CursorCodec<K> {
  return {
    encode(values) {
      const json = (values as readonly (Date | string | null)[]).map((v) =>
        v instanceof Date ? v.toISOString() : v,
      );
      return Buffer.from(JSON.stringify([list, ...json])).toString('base64url');
    },
    decode(cursor) {
      let raw: unknown;
      try {
        raw = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
      } catch {
        return badCursor();
      }
      if (!Array.isArray(raw) || raw.length !== parts.length + 1 || raw[0] !== list) return badCursor();
      return parts.map((p, i) => readPart(p, raw[i + 1])) as CursorValues<K>;
    },
  };
}

/** A page read from a repository: at most `limit` rows, and whether more follow. */
export interface RowPage<R> {
  rows: R[];
  more: boolean;
}

/** Cuts `limit + 1` fetched rows to a page (the extra row only says there is more). */
export function toRowPage<R>(rows: R[], limit: number): RowPage<R> {
  const more = rows.length > limit;
  return { rows: more ? rows.slice(0, limit) : rows, more };
}

/** The page size a request asks for, within the maximum. */
export function pageSize(req: PageRequest): number {
  return Math.min(req.limit ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
}

/** The API page: presented items under `key`, and the next cursor from the last row. */
export function presentPage<R, T, K extends readonly KeyPart[]>(
  page: RowPage<R>,
  codec: CursorCodec<K>,
  keyOf: (row: R) => CursorValues<K>,
  present: (row: R) => T,
): { items: T[]; nextCursor: string | null } {
  const last = page.rows[page.rows.length - 1];
  return {
    items: page.rows.map(present),
    nextCursor: page.more && last !== undefined ? codec.encode(keyOf(last)) : null,
  };
}
