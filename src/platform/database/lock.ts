import { closeSync, openSync, readFileSync, rmSync, writeFileSync, writeSync, chmodSync } from 'node:fs';
import path from 'node:path';
import { conflict } from '#src/platform/errors.ts';
import { ensurePrivateDir } from '#src/platform/private-dir.ts';

/**
 * One process owns an embedded database. The owner holds `athar.lock` in the data directory
 * (created exclusively, holding its pid); `owner.json` beside it, readable only by the owner's
 * user, tells CLI invocations where the owner's API listens and which local token to present.
 */
export interface OwnerInfo {
  pid: number;
  url: string | null;
  token: string | null;
  startedAt: string;
}

const LOCK = 'athar.lock';
const OWNER = 'owner.json';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface DataDirLock {
  /** Publishes where this owner serves its API (after it listens). */
  publish(url: string, token: string): void;
  release(): void;
}

/** Takes the data directory's lock, removing a stale one left by a dead process. */
export function acquireLock(dataDir: string): DataDirLock {
  ensurePrivateDir(dataDir, 'the data directory');
  const lockPath = path.join(dataDir, LOCK);
  const ownerPath = path.join(dataDir, OWNER);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        rmSync(ownerPath, { force: true });
        rmSync(lockPath, { force: true });
      };
      process.once('exit', release);
      return {
        publish(url, token) {
          const info: OwnerInfo = { pid: process.pid, url, token, startedAt: new Date().toISOString() };
          writeFileSync(ownerPath, JSON.stringify(info), { mode: 0o600 });
          chmodSync(ownerPath, 0o600);
        },
        release,
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(readFileSync(lockPath, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) {
        throw conflict('db.locked', `the data directory ${dataDir} is in use by process ${pid}`, {
          details: { pid },
        });
      }
      rmSync(lockPath, { force: true });
      rmSync(ownerPath, { force: true });
    }
  }
  throw conflict('db.locked', `could not lock the data directory ${dataDir}`);
}

/** The live owner of a data directory, or null when none holds it. */
export function readOwner(dataDir: string): OwnerInfo | null {
  try {
    const pid = Number(readFileSync(path.join(dataDir, LOCK), 'utf8').trim());
    if (!Number.isInteger(pid) || !alive(pid)) return null;
    try {
      return { ...(JSON.parse(readFileSync(path.join(dataDir, OWNER), 'utf8')) as OwnerInfo), pid };
    } catch {
      return { pid, url: null, token: null, startedAt: '' };
    }
  } catch {
    return null;
  }
}
