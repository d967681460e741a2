import { sql, type RawBuilder, type SqlBool } from 'kysely';

/** One column of a list's sort order. Nulls sort last, as `ORDER BY ... NULLS LAST`. */
export interface SortColumn {
  column: string;
  desc?: boolean;
  nullable?: boolean;
}

type KeyValue = Date | string | null;

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
