// What the build in dist/ is made of, shared by scripts/build.js (which records it before it
// builds) and bin/athar.js (which starts from the build only when the sources are the same).
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const TOP_FILES = ['package.json', 'tsconfig.json', 'scripts/build.js', 'scripts/build-inputs.js'];

/** Every input file, relative to `root`, with its size and modification time. */
export function buildInputs(root) {
  const files = {};
  const note = (rel) => {
    const st = statSync(path.join(root, rel));
    files[rel] = [st.size, st.mtimeMs];
  };
  for (const rel of TOP_FILES) note(rel);
  for (const entry of readdirSync(path.join(root, 'src'), { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) note(path.relative(root, path.join(entry.parentPath ?? entry.path, entry.name)));
  }
  return files;
}

/** Whether two lists of inputs are the same files, of the same sizes and times. */
export function sameInputs(a, b) {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => b[k] !== undefined && a[k][0] === b[k][0] && a[k][1] === b[k][1]);
}
