#!/usr/bin/env node
// athar is written in TypeScript. `npm install` compiles it to dist/ (scripts/build.js); this
// starts from there when that build is newer than every source file — a fast start, which a
// command through a running server needs. Otherwise (an edited checkout, no build yet) it runs
// the sources through tsx's loader, so what runs is always what the sources say.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '..');

/** The build's time, or 0 when there is none. */
function builtAt() {
  try {
    return statSync(path.join(root, 'dist', 'build.json')).mtimeMs;
  } catch {
    return 0;
  }
}

/** Whether any source the build is made of changed after it. */
function sourcesNewerThan(t) {
  if (statSync(path.join(root, 'package.json')).mtimeMs > t) return true;
  for (const entry of readdirSync(path.join(root, 'src'), { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && statSync(path.join(entry.parentPath ?? entry.path, entry.name)).mtimeMs > t)
      return true;
  }
  return false;
}

const built = builtAt();
if (built > 0 && !sourcesNewerThan(built)) {
  await import(pathToFileURL(path.join(root, 'dist', 'main.js')).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
