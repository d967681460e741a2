import { sql, type RawBuilder, type SqlBool } from 'kysely';

/** One column of a list's sort order. Nulls sort last (`sortOrder` writes NULLS LAST). */
export interface SortColumn {
  column: string;
  desc?: boolean;
  nullable?: boolean;
}

type KeyValue = Date | string | null;

/**
 * The ORDER BY of a list, from the same columns its cursor condition uses (`sortsAfter`), so the
 * two cannot disagree: every column with its direction, NULLS LAST.
 */
export function sortOrder(columns: readonly SortColumn[]): RawBuilder<unknown> {
  return sql.join(
    columns.map((c) => sql`${sql.ref(c.column)} ${sql.raw(c.desc ? 'DESC' : 'ASC')} NULLS LAST`),
    sql`, `,
  );
}

/**
 * The condition "sorts after this key" for keyset pagination over `columns` (the last one unique,
 * usually the id): `(a > x) OR (a = x AND b > y) OR ...`, with the null handling of NULLS LAST.
 */
export function sortsAfter(columns: readonly SortColumn[], values: readonly KeyValue[]): RawBuilder<SqlBool> {
  const branches: RawBuilder<SqlBool>[] = [];
  for (let i = 0; i < columns.length; i++) {
    const equal = columns.slice(0, i).map((c, j) => equals(c, values[j] ?? null));
    const later = after(columns[i]!, values[i] ?? null);
    if (later === null) continue;
    branches.push(equal.length > 0 ? sql<SqlBool>`(${sql.join([...equal, later], sql` AND `)})` : later);
  }
  return branches.length > 0 ? sql<SqlBool>`(${sql.join(branches, sql` OR `)})` : sql<SqlBool>`false`;
}

function equals(c: SortColumn, v: KeyValue): RawBuilder<SqlBool> {
  return v === null ? sql<SqlBool>`${sql.ref(c.column)} IS NULL` : sql<SqlBool>`${sql.ref(c.column)} = ${v}`;
}

/** Rows strictly after `v` on this column alone; null when none can be (after a null, nulls last). */
function after(c: SortColumn, v: KeyValue): RawBuilder<SqlBool> | null {
  if (v === null) return null;
  const ref = sql.ref(c.column);
  const beyond = c.desc ? sql<SqlBool>`${ref} < ${v}` : sql<SqlBool>`${ref} > ${v}`;
  return c.nullable ? sql<SqlBool>`(${beyond} OR ${ref} IS NULL)` : beyond;
}

/**
 * For a timeline source: the rows whose entry (the time in `atColumn`, the constant `kind`, the
 * id in `idColumn`) sorts after `after` in the timeline's order (time, kind, id).
 */
export function timelineSortsAfter(
  atColumn: string,
  idColumn: string,
  kind: string,
  after: { at: Date; kind: string; entityId: string },
): RawBuilder<SqlBool> {
  const at = sql.ref(atColumn);
  if (kind > after.kind) return sql<SqlBool>`${at} >= ${after.at}`;
  if (kind < after.kind) return sql<SqlBool>`${at} > ${after.at}`;
  return sql<SqlBool>`(${at} > ${after.at} OR (${at} = ${after.at} AND ${sql.ref(idColumn)} > ${after.entityId}))`;
}

/** What keyset paging needs of a Kysely select. */
interface PageableQuery<O> {
  where(condition: RawBuilder<SqlBool>): PageableQuery<O>;
  orderBy(order: RawBuilder<unknown>): PageableQuery<O>;
  limit(n: number): PageableQuery<O>;
  execute(): Promise<O[]>;
}

/**
 * One page of `query` in the order of `columns`, starting after the key `after` (a cursor's
 * values): the condition, the ORDER BY and the extra row that says whether more follow all come
 * from the same columns.
 */
export async function keysetPage<O>(
  query: PageableQuery<O>,
  columns: readonly SortColumn[],
  after: readonly KeyValue[] | undefined,
  limit: number,
): Promise<{ rows: O[]; more: boolean }> {
  const q = after ? query.where(sortsAfter(columns, after)) : query;
  const rows = await q
    .orderBy(sortOrder(columns))
    .limit(limit + 1)
    .execute();
  const more = rows.length > limit;
  return { rows: more ? rows.slice(0, limit) : rows, more };
}
