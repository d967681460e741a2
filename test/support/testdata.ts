/**
 * The conformance data shared with other projects (PDQ, vPDQ, C2PA, name pairs) lives beside the
 * repository in ../shared/testdata and is read from there, never copied in. Locally a test whose
 * data is missing is skipped; in CI (CI=true) it fails instead, so a green CI means it ran.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'vitest';

export const SHARED_TESTDATA = path.resolve(import.meta.dirname, '../../../shared/testdata');

/** A path under ../shared/testdata. */
export const sharedData = (...parts: string[]) => path.join(SHARED_TESTDATA, ...parts);

const missing = (file: string) => () => {
  throw new Error(
    `${file} is missing: the shared conformance data must be beside the repository (../shared/testdata)`,
  );
};

/** `describe` over tests that need `file` (a path from `sharedData`). */
export function describeWithData(name: string, file: string, fn: () => void): void {
  if (existsSync(file)) describe(name, fn);
  else if (process.env.CI) describe(name, () => it('has its shared test data', missing(file)));
  else describe.skip(name, fn);
}

/** `it` for one test that needs `file`. */
export function itWithData(
  name: string,
  file: string,
  fn: () => void | Promise<void>,
  timeout?: number,
): void {
  if (existsSync(file)) it(name, fn, timeout);
  else if (process.env.CI) it(name, missing(file));
  else it.skip(name, fn);
}
