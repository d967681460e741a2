// Compiles the CLI and the server to dist/, and the web desk to web/dist/ (run by `npm install`
// through `prepare`, and by `npm run build`). bin/athar.js starts from it when the sources are exactly those it was built
// from, which keeps a command through a running server and `--help` under 0.3 s; otherwise it
// runs the TypeScript sources through tsx, so an edit is never run stale.
import { build } from 'esbuild';
import { build as viteBuild } from 'vite';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import zlib, { brotliCompressSync, gzipSync } from 'node:zlib';
import path from 'node:path';
import { buildInputs } from './build-inputs.js';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, 'dist');
const next = path.join(root, `dist.${process.pid}`);
const old = path.join(root, `dist.old.${process.pid}`);

// The inputs are noted before they are read: a file edited during the build then differs from
// what was noted, and the build is not used.
const inputs = buildInputs(root);
rmSync(next, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  // The fingerprint pool's worker threads start from an entry of their own.
  entryPoints: ['src/cli/main.ts', 'src/platform/media/fingerprint-worker.ts'],
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
writeFileSync(
  path.join(next, 'build.json'),
  JSON.stringify({ builtAt: new Date().toISOString(), inputs }) + '\n',
);
// Swap by renaming: a CLI starting meanwhile finds the old build, the new one, or none (and then
// runs the sources), never half of one.
if (existsSync(out)) renameSync(out, old);
renameSync(next, out);
rmSync(old, { recursive: true, force: true });

// The web desk (web/, React + Vite) into web/dist, swapped in the same way: a running server has
// read the old one into memory and keeps serving it until it restarts.
const webOut = path.join(root, 'web', 'dist');
const webNext = path.join(root, 'web', `dist.${process.pid}`);
const webOld = path.join(root, 'web', `dist.old.${process.pid}`);
rmSync(webNext, { recursive: true, force: true });
await viteBuild({
  configFile: path.join(root, 'web', 'vite.config.ts'),
  logLevel: 'warn',
  build: { outDir: webNext, emptyOutDir: true },
});
// Compressed once here, at the strongest settings, rather than by the server when it first
// answers (brotli 11 over the ~1.3 MB desk holds the event loop for seconds).
for (const entry of readdirSync(webNext, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile()) continue;
  const file = path.join(entry.parentPath, entry.name);
  const body = readFileSync(file);
  writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
  writeFileSync(
    `${file}.br`,
    brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }),
  );
}
if (existsSync(webOut)) renameSync(webOut, webOld);
renameSync(webNext, webOut);
rmSync(webOld, { recursive: true, force: true });
