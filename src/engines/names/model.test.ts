import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect } from 'vitest';
import { itWithData, sharedData } from '#test/support/testdata.ts';

const root = path.resolve(import.meta.dirname, '../../..');

// model.json is generated (scripts/names-model.ts) from ../shared/testdata/names: training again
// must give the committed file byte for byte, so the shipped model is the one the README describes.
itWithData(
  'model.json is what scripts/names-model.ts makes from the shared name pairs',
  sharedData('names', 'levantine', 'levantine-train.tsv'),
  () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/names-model.ts', '--check'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(r.stderr).toContain('model.json is up to date');
    expect(r.status).toBe(0);
  },
  300_000,
);
