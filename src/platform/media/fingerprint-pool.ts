/**
 * Fingerprinting off the main thread. Decoding runs in sharp's and ffmpeg's own threads and
 * processes, but PDQ — and the ~720 crop probes of every picture — is JavaScript arithmetic
 * (0.2–0.5 s a photo) that would stall every API request while a folder is ingested. A pool of
 * worker threads (piscina) does it; the server's thread only waits.
 *
 * The worker is the TypeScript source run through tsx when athar runs from its sources (a checkout,
 * the tests), or the bundled dist/fingerprint-worker.js when it runs from the build. An AppError
 * in the worker (an unreadable file, a missing ffmpeg) comes back as its fields and is thrown again
 * here as the same AppError; anything else rejects as the worker's error.
 */
import { createRequire } from 'node:module';
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import type { MediaFingerprint } from '#src/engines/fingerprint/compare.ts';
import { AppError } from '#src/platform/errors.ts';
import type { FingerprintOptions } from './fingerprint-file.ts';
import type { FingerprintResult, FingerprintTask } from './fingerprint-worker.ts';
import type { DecodeLimits } from './image-decoder.ts';

let pool: Piscina | null = null;

function workerEntry(): { filename: string; execArgv: string[] } {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    const tsx = pathToFileURL(createRequire(here).resolve('tsx')).href;
    return { filename: new URL('./fingerprint-worker.ts', here).href, execArgv: ['--import', tsx] };
  }
  return { filename: new URL('./fingerprint-worker.js', here).href, execArgv: [] };
}

/** Threads in the pool: ATHAR_FINGERPRINT_THREADS, else one per core up to 4 (at least 1). */
function threads(): number {
  const configured = Number(process.env.ATHAR_FINGERPRINT_THREADS);
  if (Number.isInteger(configured) && configured > 0) return configured;
  return Math.max(1, Math.min(4, os.availableParallelism()));
}

function getPool(): Piscina {
  if (!pool) {
    const { filename, execArgv } = workerEntry();
    const n = threads();
    pool = new Piscina({ filename, execArgv, minThreads: 0, maxThreads: n, idleTimeout: 30_000 });
  }
  return pool;
}

/** Fingerprints a file in a worker thread (see fingerprintFile for what it does). */
export async function fingerprintInWorker(
  file: string,
  limits: DecodeLimits,
  options: FingerprintOptions,
): Promise<MediaFingerprint> {
  const task: FingerprintTask = { file, limits, options };
  const result = (await getPool().run(task)) as FingerprintResult;
  if (result.ok) return result.fingerprint;
  const { kind, code, message, details, issues } = result.error;
  throw new AppError(kind, code, message, {
    ...(details ? { details } : {}),
    ...(issues ? { issues } : {}),
  });
}

/** Stops the pool's threads (app.close). */
export async function closeFingerprintPool(): Promise<void> {
  const p = pool;
  pool = null;
  await p?.destroy();
}
