import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * `npm ci` (what CI and a careful newcomer run) refuses a lock file that lacks any dependency a
 * locked package declares — optional ones for other platforms included — while `npm install`
 * quietly leaves such a hole when the registry cannot serve that version. exiftool-vendored 35.9.0
 * named a Windows build (exiftool-vendored.exe 13.50.0) that was never published, so the lock
 * passed every local run and CI failed at `npm ci`. This checks the lock for the same hole.
 */

interface Locked {
  version?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

const root = path.resolve(import.meta.dirname, '..');
const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, Locked>;
};

/** Where Node would resolve `name` from the package at `at` (node_modules up the tree). */
function resolves(at: string, name: string): boolean {
  let dir = at;
  for (;;) {
    const candidate = dir === '' ? `node_modules/${name}` : `${dir}/node_modules/${name}`;
    if (lock.packages[candidate]) return true;
    if (dir === '') return false;
    const cut = dir.lastIndexOf('/node_modules/');
    dir = cut < 0 ? '' : dir.slice(0, cut);
  }
}

describe('package-lock.json', () => {
  it('holds every dependency, optional or not, that a locked package declares', () => {
    const missing: string[] = [];
    for (const [at, pkg] of Object.entries(lock.packages)) {
      const wanted = { ...pkg.dependencies, ...pkg.optionalDependencies };
      for (const name of Object.keys(wanted)) {
        if (!resolves(at, name)) missing.push(`${at || '(root)'} → ${name}@${wanted[name]}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
