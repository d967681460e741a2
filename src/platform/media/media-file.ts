/**
 * What every media tool checks before it reads a file, and the one error they report: evidence
 * files arrive empty, truncated, renamed or missing, and each failure must name the file and say
 * why in the same words whichever tool found it.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { invalid, type AppError } from '#src/platform/errors.ts';

/** `media.unreadable` (or another media code) naming the file and the reason. */
export function mediaError(
  file: string,
  reason: string,
  opts: { code?: string; cause?: unknown } = {},
): AppError {
  return invalid(opts.code ?? 'media.unreadable', `${path.basename(file)}: ${reason}`, {
    details: { file, reason },
    cause: opts.cause,
  });
}

/** The reason a file could not be opened: the system's code, and in words a person can act on. */
export function ioReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code ?? 'error';
  if (code === 'ENOENT') return 'cannot read the file (ENOENT): no such file';
  if (code === 'EISDIR') return 'cannot read the file (EISDIR): is a directory';
  if (code === 'EACCES') return 'cannot read the file (EACCES): permission denied';
  return `cannot read the file (${code})`;
}

export const EMPTY_FILE = 'empty file (0 bytes)';

/** Refuses a missing file, something that is not a regular file, and an empty one; returns the size. */
export async function requireMediaFile(file: string): Promise<number> {
  let s;
  try {
    s = await stat(file);
  } catch (e) {
    throw mediaError(file, ioReason(e), { cause: e });
  }
  if (!s.isFile()) throw mediaError(file, s.isDirectory() ? 'is a directory' : 'not a regular file');
  if (s.size === 0) throw mediaError(file, EMPTY_FILE);
  return s.size;
}
