import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';

/**
 * The data directory holds the embedded database: evidence, claims not yet published, password
 * hashes. It and everything in it are athar's user's alone, and athar will not start from a data
 * directory that other users of the machine can reach.
 */
const root = path.resolve(import.meta.dirname, '../..');
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function athar(dataDir: string, ...args: string[]) {
  const env = {
    ...process.env,
    ATHAR_DATA_DIR: dataDir,
    ATHAR_LOG_LEVEL: 'warn',
    DATABASE_URL: '',
    ATHAR_TOKEN: '',
    ATHAR_DEMO: 'true',
  };
  const r = spawnSync(process.execPath, [path.join(root, 'bin/athar.js'), ...args], {
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? [p, ...walk(p)] : [p];
  });
}

const mode = (p: string) => statSync(p).mode & 0o777;
const isRoot = process.getuid?.() === 0;

// The embedded database only: once, in the PGlite run.
describe.skipIf(inject('templateDatabaseUrl') !== '')('the data directory', () => {
  const parent = mkdtempSync(path.join(os.tmpdir(), 'athar-perm-'));
  dirs.push(parent);
  // Made by athar itself, below a parent that anyone may enter (as /var/lib or a home directory may be).
  chmodSync(parent, 0o755);
  const dataDir = path.join(parent, 'data');

  it('is created 0700 with the database inside it, and no file in it is open to other users', () => {
    const r = athar(dataDir, 'case', 'list', '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(mode(dataDir)).toBe(0o700);
    expect(mode(path.join(dataDir, 'pgdata'))).toBe(0o700);
    const files = walk(dataDir);
    expect(files.length).toBeGreaterThan(100);
    expect(files.filter((f) => (mode(f) & 0o077) !== 0)).toEqual([]);
  });

  it.runIf(isRoot)('cannot be read by another user of the machine', () => {
    const wal = walk(path.join(dataDir, 'pgdata', 'pg_wal')).find((f) =>
      /^[0-9A-F]{24}$/.test(path.basename(f)),
    );
    expect(wal).toBeDefined();
    const asNobody = spawnSync('cat', [wal!], { uid: 65534, gid: 65534, encoding: 'utf8' });
    expect(asNobody.status).not.toBe(0);
    expect(asNobody.stderr).toMatch(/Permission denied/);
    const listing = spawnSync('ls', [dataDir], { uid: 65534, gid: 65534, encoding: 'utf8' });
    expect(listing.status).not.toBe(0);
  });

  it('stops athar, saying how to fix it, when the data directory is open to others', () => {
    chmodSync(dataDir, 0o755);
    try {
      const r = athar(dataDir, 'case', 'list');
      expect(r.code).toBe(2);
      expect(r.stderr.trim()).toBe(
        `athar: config.data_dir_permissions: the data directory ${dataDir} can be reached by other users of this machine (mode 755); it holds evidence and personal data. Make it athar's alone: chmod -R go-rwx ${dataDir}`,
      );
      const serve = athar(dataDir, 'serve', '--port', '0');
      expect(serve.code).toBe(2);
      expect(serve.stderr).toMatch(/config\.data_dir_permissions/);
    } finally {
      chmodSync(dataDir, 0o700);
    }
  });

  it('stops athar when the database directory inside it is open to its group', () => {
    const pgdata = path.join(dataDir, 'pgdata');
    chmodSync(pgdata, 0o750);
    try {
      const r = athar(dataDir, 'case', 'list');
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(
        new RegExp(
          `the embedded database directory ${pgdata} can be reached .*\\(mode 750\\).*chmod -R go-rwx ${pgdata}`,
        ),
      );
    } finally {
      chmodSync(pgdata, 0o700);
    }
    expect(athar(dataDir, 'case', 'list').code).toBe(0);
  });
});
