/**
 * Errors PostgreSQL raises about the data (SQLSTATE classes 22 and 23), read from what the pg
 * driver throws on both deployments. Validation should refuse bad input before it reaches the
 * database; these let a repository name a race it cannot check ahead (two requests creating the
 * same username at once), and let the HTTP layer answer the rest as the client's error.
 */
interface PgError {
  code: string;
  constraint?: string;
}

function pgError(e: unknown): PgError | null {
  if (typeof e !== 'object' || e === null) return null;
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? (e as PgError) : null;
}

/** The constraint a unique violation broke, or null when `e` is not one. */
export function uniqueViolation(e: unknown): string | null {
  const pg = pgError(e);
  return pg?.code === '23505' ? (pg.constraint ?? '') : null;
}

/**
 * A data exception (class 22: out of range, invalid text), an integrity violation (class 23), or
 * a transaction rolled back for a race it lost (class 40), which is told as a conflict too.
 */
export function dataError(e: unknown): 'data' | 'integrity' | null {
  const pg = pgError(e);
  if (!pg) return null;
  if (pg.code.startsWith('22')) return 'data';
  if (pg.code.startsWith('23')) return 'integrity';
  // Class 40: the transaction lost a race (serialization failure, deadlock) and was rolled back.
  if (pg.code.startsWith('40')) return 'integrity';
  return null;
}
