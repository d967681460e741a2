import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { projectRoot } from '#src/platform/project-root.ts';

/** A built file of the desk, with its compressed forms, held in memory (the whole desk is a few hundred KB). */
export interface DeskFile {
  type: string;
  body: Buffer;
  gzip: Buffer;
  br: Buffer;
  etag: string;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

let loaded: Map<string, DeskFile> | null = null;

/**
 * The desk as `npm install` built it (web/dist), by URL path. Empty when it was never built: the
 * API works without it, and the desk's routes say how to build it.
 */
export function deskFiles(): Map<string, DeskFile> {
  if (loaded) return loaded;
  const dist = path.join(projectRoot(), 'web', 'dist');
  loaded = new Map();
  if (!existsSync(path.join(dist, 'index.html'))) return loaded;
  for (const entry of readdirSync(dist, { recursive: true, withFileTypes: true })) {
    // The compressed forms the build wrote beside each file (scripts/build.js).
    if (!entry.isFile() || entry.name.endsWith('.gz') || entry.name.endsWith('.br')) continue;
    const file = path.join(entry.parentPath ?? entry.path, entry.name);
    const body = readFileSync(file);
    const urlPath = '/' + path.relative(dist, file).split(path.sep).join('/');
    loaded.set(urlPath, {
      type: TYPES[path.extname(file)] ?? 'application/octet-stream',
      body,
      gzip: existsSync(`${file}.gz`) ? readFileSync(`${file}.gz`) : gzipSync(body),
      // Without the build's file (a desk copied in by hand), a quick brotli rather than the best.
      br: existsSync(`${file}.br`)
        ? readFileSync(`${file}.br`)
        : brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }),
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`,
    });
  }
  return loaded;
}
