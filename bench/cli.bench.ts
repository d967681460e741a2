/**
 * `npm run bench -- cli [--runs N]`: how long a person waits for the CLI. In one run, side by side:
 * `node -e 0` (the floor: starting Node itself), `athar --help`, and `athar case list` answered
 * through a running `athar serve` (the owner transport), each from the build `npm install` makes
 * and, for comparison, from the TypeScript sources through tsx (what an edited checkout runs).
 * Goal (issue 8): ≤ 0.3 s for both commands from the build. `--baseline DIR` also times the
 * bin/athar.js of another checkout (an earlier commit, with node_modules beside it) in the same run.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { appendResults } from './report.ts';

const root = path.resolve(import.meta.dirname, '..');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 20;
const baselineArg = process.argv.indexOf('--baseline');
const baseline = baselineArg > 0 ? path.resolve(process.argv[baselineArg + 1]!) : null;

const build = spawnSync(process.execPath, [path.join(root, 'scripts/build.js')], { stdio: 'inherit' });
if (build.status !== 0) throw new Error('the build failed');

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'athar-bench-cli-'));
const env = {
  ...process.env,
  ATHAR_DATA_DIR: dataDir,
  ATHAR_LOG_LEVEL: 'warn',
  DATABASE_URL: '',
  ATHAR_TOKEN: '',
};
const fromSources = [
  "import('tsx/esm/api').then((t) => { t.register(); return import('./src/cli/main.ts'); })",
];

function time(args: string[]): number {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: root, env, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
  return ms;
}

const server = spawn(
  process.execPath,
  [path.join(root, 'bin/athar.js'), 'serve', '--port', '0', '--no-workers'],
  { cwd: root, env, stdio: 'ignore' },
);
try {
  const deadline = Date.now() + 60_000;
  while (!existsSync(path.join(dataDir, 'owner.json'))) {
    if (Date.now() > deadline) throw new Error('athar serve did not start within 60 s');
    await new Promise((r) => setTimeout(r, 200));
  }
  const bin = path.join(root, 'bin/athar.js');
  const cases: [string, string[]][] = [
    ['node -e 0', ['-e', '0']],
    ...(baseline
      ? ([
          [`athar --help (${path.basename(baseline)})`, [path.join(baseline, 'bin/athar.js'), '--help']],
          [
            `athar case list, through the server (${path.basename(baseline)})`,
            [path.join(baseline, 'bin/athar.js'), 'case', 'list'],
          ],
        ] as [string, string[]][])
      : []),
    ['athar --help (build)', [bin, '--help']],
    ['athar case list, through the server (build)', [bin, 'case', 'list']],
    ['athar --help (sources through tsx)', ['-e', fromSources[0]!, 'athar', '--help']],
    [
      'athar case list, through the server (sources through tsx)',
      ['-e', fromSources[0]!, 'athar', 'case', 'list'],
    ],
  ];
  // Warm the file cache and the server once, then interleave the cases so load falls on all alike.
  for (const [, args] of cases) time(args);
  const samples = new Map(cases.map(([name]) => [name, [] as number[]]));
  for (let i = 0; i < RUNS; i++) for (const [name, args] of cases) samples.get(name)!.push(time(args));
  const q = (xs: number[], p: number) =>
    [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
  const rows = cases.map(([name]) => {
    const xs = samples.get(name)!;
    return `| ${name} | ${(q(xs, 0.5) / 1000).toFixed(3)} | ${(q(xs, 0.9) / 1000).toFixed(3)} | ${(Math.max(...xs) / 1000).toFixed(3)} |`;
  });
  const load = os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' / ');
  appendResults(
    'CLI start-up',
    [
      `${RUNS} runs of each, interleaved, after one warm-up run; wall-clock seconds per command; load average ${load}. Goal: ≤ 0.3 s from the build.`,
      '',
      '| command | median s | p90 s | max s |',
      '| --- | ---: | ---: | ---: |',
      ...rows,
    ].join('\n'),
  );
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  rmSync(dataDir, { recursive: true, force: true });
}
