// Compiles the CLI and the server to dist/ (run by `npm install` through `prepare`, and by
// `npm run build`): bin/athar.js starts from it when it is newer than every source file, which is
// what keeps a command through a running server and `--help` under 0.3 s. Otherwise bin/athar.js
// runs the TypeScript sources through tsx, so an edit is never run stale.
import { build } from 'esbuild';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, 'dist');
const next = path.join(root, `dist.${process.pid}`);

rmSync(next, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: ['src/cli/main.ts'],
  outdir: next,
  bundle: true,
  // The server, sharp, ffmpeg and the name engine stay in chunks of their own, loaded when a
  // command needs them.
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  entryNames: '[name]',
  chunkNames: '[name]-[hash]',
  logLevel: 'warning',
});
// The migrations are read at run time from beside the code that applies them.
mkdirSync(path.join(next, 'migrations'));
cpSync(path.join(root, 'src/platform/database/migrations'), path.join(next, 'migrations'), {
  recursive: true,
});
writeFileSync(path.join(next, 'build.json'), JSON.stringify({ builtAt: new Date().toISOString() }) + '\n');
// Replace the previous build in one step, so a CLI starting meanwhile sees one or the other.
rmSync(out, { recursive: true, force: true });
cpSync(next, out, { recursive: true });
rmSync(next, { recursive: true, force: true });
