import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// `athar names ...` as scripts use it (../shared/CLI.md): the score file contract line by line,
// the compare JSON shape, and clear per-line errors for input that is not a name.
const root = path.resolve(import.meta.dirname, '../../..');
const dir = mkdtempSync(path.join(os.tmpdir(), 'athar-names-cli-'));
const env = { ...process.env, ATHAR_DATA_DIR: dir, DATABASE_URL: '' };
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function athar(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(root, 'bin/athar.js'), 'names', ...args], {
    env,
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 64 << 20,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('athar names score', () => {
  it('prints left<TAB>right<TAB>score per line in order, empty scores for bad lines with their line numbers', () => {
    const file = path.join(dir, 'pairs.tsv');
    const lines = [
      Buffer.from('محمد\tMohammad\r\n'),
      Buffer.from('Hasan\tHusayn\n'),
      Buffer.from('\tKassem\n'),
      Buffer.from('only one name\n'),
      Buffer.concat([Buffer.from('Ahmad'), Buffer.from([0xff, 0x09]), Buffer.from('Ahmed\n')]),
      Buffer.from('שלום\tSalam\n'),
      Buffer.from('ابن\tibn\n'),
      Buffer.from(`${'a'.repeat(10_000)}\tAhmad\n`),
      Buffer.from('Qasim\tقاسم'), // no final newline
    ];
    writeFileSync(file, Buffer.concat(lines));
    const r = athar('score', '--input', file);
    expect(r.code).toBe(1);
    const out = r.stdout.split('\n');
    expect(out.pop()).toBe('');
    expect(out).toHaveLength(9);
    for (const line of out) expect(line.split('\t')).toHaveLength(3);
    // Across scripts a score is a probability (the letter model): high, with four decimals.
    expect(out[0]).toMatch(/^محمد\tMohammad\t0\.9\d{3}$/);
    expect(Number(out[1]!.split('\t')[2])).toBeLessThan(0.5);
    expect(out[8]).toMatch(/^Qasim\tقاسم\t0\.9\d{3}$/);
    expect(Number(out[6]!.split('\t')[2])).toBeGreaterThan(0.8); // a lone particle is scored too
    for (const bad of [2, 3, 4, 5, 7]) expect(out[bad]!.endsWith('\t')).toBe(true);
    const errors = r.stderr.trim().split('\n');
    expect(errors).toEqual([
      expect.stringMatching(/^athar: names\.empty: line 3: /),
      expect.stringMatching(/^athar: names\.line_shape: line 4: /),
      expect.stringMatching(/^athar: names\.invalid_utf8: line 5: /),
      expect.stringMatching(/^athar: names\.unsupported_script: line 6: /),
      expect.stringMatching(/^athar: names\.too_long: line 8: /),
    ]);
  });

  it('scores 100,000 pairs well within a minute', () => {
    const file = path.join(dir, 'many.tsv');
    const names = [
      'Mohammad Khaled',
      'محمد خالد',
      'Abdulrahman Al-Hassan',
      'عبد الرحمن الحسن',
      'Kassem Ahmad',
      'قاسم احمد',
    ];
    const rows: string[] = [];
    for (let i = 0; i < 100_000; i++) rows.push(`${names[i % 6]}\t${names[(i * 7 + 1) % 6]}`);
    writeFileSync(file, rows.join('\n') + '\n');
    const t = Date.now();
    const r = athar('score', '--input', file);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')).toHaveLength(100_001);
    expect(Date.now() - t).toBeLessThan(60_000);
  }, 90_000);

  it('stops quietly when the reader stops early (| head): exit 0, no stack trace', () => {
    const file = path.join(dir, 'long.tsv');
    writeFileSync(file, 'Mohammad Khaled\tمحمد خالد\n'.repeat(200_000));
    const cmd = `set -o pipefail; "${process.execPath}" "${path.join(root, 'bin/athar.js')}" names score --input "${file}" | head -n 2`;
    const r = spawnSync('bash', ['-c', cmd], { env, encoding: 'utf8', timeout: 60_000 });
    expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(2);
    expect(r.stderr).not.toMatch(/EPIPE|Error/);
    expect(r.status).toBe(0);
  }, 90_000);
});

describe('athar names compare / keys', () => {
  it('gives {"score","explanation"} for two names across scripts', () => {
    const r = athar('compare', 'Mohamed Khaled Al-Hassan', 'محمد خالد الحسن', '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as {
      score: number;
      explanation: { a: string; b: string; how: string }[];
    };
    expect(doc.score).toBeGreaterThan(0.9);
    expect(doc.explanation).toHaveLength(3);
  });

  it('compares two person records from JSON files, field by field', () => {
    const a = path.join(dir, 'a.json');
    const b = path.join(dir, 'b.json');
    writeFileSync(
      a,
      JSON.stringify({
        given: 'Mohammad',
        father: 'Khaled',
        family: 'Al-Hassan',
        mother: 'Fatima',
        birthYear: 1984,
      }),
    );
    writeFileSync(
      b,
      JSON.stringify({ given: 'محمد', father: 'خالد', family: 'الحسن', mother: 'مريم', birthYear: 1962 }),
    );
    const r = athar('compare', '--records', a, b, '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { score: number; explanation: { field: string; effect: string }[] };
    expect(doc.score).toBeLessThan(0.8);
    expect(doc.explanation.find((f) => f.field === 'mother')?.effect).toBe('conflicts');
    expect(doc.explanation.find((f) => f.field === 'birthYear')?.effect).toBe('conflicts');
  });

  it('refuses a record file with an unknown field, exit 2', () => {
    const a = path.join(dir, 'typo.json');
    writeFileSync(a, JSON.stringify({ givn: 'Ahmad' }));
    const r = athar('compare', '--records', a, a);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^athar: names\.record_field: .*givn/);
  });

  it('shows the keys of a name and refuses a name in another script with exit 2', () => {
    const r = athar('keys', 'عبد الرحمن', '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as {
      tokens: { kind: string }[];
      retrievalKeys: string[];
      latin: string[];
    };
    expect(doc.tokens).toHaveLength(1);
    expect(doc.tokens[0]!.kind).toBe('abd');
    expect(doc.retrievalKeys.length).toBeGreaterThan(0);
    expect(doc.latin.length).toBeGreaterThan(0);
    const bad = athar('keys', 'Иван');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^athar: names\.unsupported_script: /);
  });
});
