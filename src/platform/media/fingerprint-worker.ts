/**
 * The worker-thread side of the fingerprint pool (fingerprint-pool.ts): decodes and hashes one
 * file off the server's main thread. Its own entry point in the build (dist/fingerprint-worker.js).
 */
import type { MediaFingerprint } from '#src/engines/fingerprint/compare.ts';
import { isAppError, type AppError } from '#src/platform/errors.ts';
import { fingerprintFile, type FingerprintOptions } from './fingerprint-file.ts';
import type { DecodeLimits } from './image-decoder.ts';

export interface FingerprintTask {
  file: string;
  limits: DecodeLimits;
  options: FingerprintOptions;
}

/** An AppError's fields (a thrown error crosses threads with its message only). */
export interface CarriedError {
  kind: AppError['kind'];
  code: string;
  message: string;
  details: AppError['details'];
  issues: AppError['issues'];
}

export type FingerprintResult =
  { ok: true; fingerprint: MediaFingerprint } | { ok: false; error: CarriedError };

export default async function fingerprint(task: FingerprintTask): Promise<FingerprintResult> {
  try {
    return { ok: true, fingerprint: await fingerprintFile(task.file, task.limits, task.options) };
  } catch (e) {
    if (!isAppError(e)) throw e;
    return {
      ok: false,
      error: { kind: e.kind, code: e.code, message: e.message, details: e.details, issues: e.issues },
    };
  }
}
