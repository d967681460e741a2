#!/usr/bin/env node
// athar is written in TypeScript. `npm install` compiles it to dist/ (scripts/build.js); this
// starts from there when the sources are exactly those the build was made from (same files, sizes
// and times) — a fast start, which a command through a running server needs. Otherwise (an edited
// checkout, no build yet, anything unexpected) it runs the sources through tsx's loader, so what
// runs is always what the sources say.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildInputs, sameInputs } from '../scripts/build-inputs.js';

const root = path.resolve(import.meta.dirname, '..');

function buildIsCurrent() {
  try {
    const { inputs } = JSON.parse(readFileSync(path.join(root, 'dist', 'build.json'), 'utf8'));
    return typeof inputs === 'object' && inputs !== null && sameInputs(inputs, buildInputs(root));
  } catch {
    return false;
  }
}

if (buildIsCurrent()) {
  await import(pathToFileURL(path.join(root, 'dist', 'main.js')).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
