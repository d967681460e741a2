/**
 * `npm run bench -- fingerprint [index|pdq|video|crops ...] [--n N]`: runs the named parts of the
 * fingerprint benchmark (all when none is named), each from bench/fingerprint/PART.ts exporting
 * `run(): Promise<string>`, and appends each part's markdown to bench/RESULTS.md. A part that
 * is not written yet is skipped with a note; a part that fails is reported and sets exit code 1,
 * and the others still run. Options after the parts (`--n`, ...) are read by the parts themselves.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { appendResults } from './report.ts';

const PARTS = ['index', 'pdq', 'video', 'crops'] as const;
type Part = (typeof PARTS)[number];
const isPart = (x: string): x is Part => (PARTS as readonly string[]).includes(x);

const args = process.argv.slice(2);
const named: Part[] = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  if (a.startsWith('--'))
    i++; // an option and its value, for the parts
  else if (isPart(a)) named.push(a);
  else {
    process.stderr.write(`unknown fingerprint part "${a}": expected ${PARTS.join(', ')}\n`);
    process.exit(2);
  }
}

const load = (): string =>
  os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' / ');

for (const part of named.length > 0 ? named : PARTS) {
  const file = path.join(import.meta.dirname, 'fingerprint', `${part}.ts`);
  if (!existsSync(file)) {
    process.stdout.write(`fingerprint ${part}: skipped, bench/fingerprint/${part}.ts is not written yet\n`);
    continue;
  }
  const mod = (await import(pathToFileURL(file).href)) as { run?: () => Promise<string> };
  if (typeof mod.run !== 'function') {
    process.stdout.write(`fingerprint ${part}: skipped, bench/fingerprint/${part}.ts exports no run()\n`);
    continue;
  }
  process.stdout.write(`fingerprint ${part}: running (load average ${load()})\n`);
  try {
    const body = await mod.run();
    appendResults(
      `fingerprint: ${part}`,
      `Load average (1/5/15 min) when the part ended: ${load()}; the machine's cores are shared.\n\n${body}`,
    );
  } catch (e) {
    process.stderr.write(
      `fingerprint ${part}: failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
    );
    process.exitCode = 1;
  }
}
