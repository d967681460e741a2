/**
 * The directories athar keeps data in (the data directory, the embedded database, later blobs and
 * exports) hold evidence and the names of people in danger: they are athar's user's alone. Each is
 * created 0700, and on every start athar refuses to run when another user of the machine could
 * reach one, saying how to fix it, rather than serve from a directory anyone can read.
 */
import { chmodSync, lstatSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { invalid } from './errors.ts';

const OTHERS = 0o077;

/** Creates `dir` (0700) if missing; refuses one that is not athar's user's alone. */
export function ensurePrivateDir(dir: string, what: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const st = statSync(dir);
  if (!st.isDirectory()) throw invalid('config.data_dir', `${what} ${dir} is not a directory`);
  const uid = process.getuid?.();
  if (uid !== undefined && st.uid !== uid) {
    throw invalid(
      'config.data_dir_owner',
      `${what} ${dir} belongs to another user (uid ${st.uid}); athar runs as uid ${uid} and keeps its data only in its own directories`,
    );
  }
  if (st.mode & OTHERS) {
    const mode = (st.mode & 0o777).toString(8).padStart(3, '0');
    throw invalid(
      'config.data_dir_permissions',
      `${what} ${dir} can be reached by other users of this machine (mode ${mode}); it holds evidence and personal data. Make it athar's alone: chmod -R go-rwx ${dir}`,
    );
  }
}

/**
 * Takes group and other permissions off everything under `dir`. The embedded database writes its
 * files 0666 whatever the umask; inside a 0700 directory nobody else can reach them, and this
 * keeps them private too when the directory is copied (a backup that keeps modes).
 */
export function tightenTree(dir: string): void {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    const st = lstatSync(p);
    if (st.isSymbolicLink()) continue;
    if (st.mode & OTHERS) chmodSync(p, st.mode & 0o700);
    if (st.isDirectory()) tightenTree(p);
  }
}
