import { spawn, spawnSync } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHash } from 'node:crypto';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  existsSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import sharp from 'sharp';
import { picture } from '#test/support/media.ts';
import { startTestAuthority } from '#test/support/tsa.ts';

// The CLI end to end, as a person runs it: in process on a fresh data directory, then through
// the `athar serve` that owns the directory. Always on the embedded database.
const root = path.resolve(import.meta.dirname, '../..');
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'athar-cli-'));
const env = {
  ...process.env,
  ATHAR_DATA_DIR: dataDir,
  ATHAR_LOG_LEVEL: 'warn',
  DATABASE_URL: '',
  ATHAR_TOKEN: '',
};

function athar(...args: string[]) {
  return atharWith({}, ...args);
}

function atharWith(extra: Record<string, string>, ...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(root, 'bin/athar.js'), ...args], {
    env: { ...env, ...extra },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** As `atharWith`, without blocking this process (whose own servers the command may talk to). */
function atharAsync(
  extra: Record<string, string>,
  ...args: string[]
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, 'bin/athar.js'), ...args], {
      env: { ...env, ...extra },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Runs a tool (tar, sha256sum) without blocking this process. */
function run(cmd: string, args: string[], cwd?: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (out += b.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out }));
  });
}

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

// The CLI always runs on its own embedded database: once, in the PGlite run, is enough.
describe.skipIf(inject('templateDatabaseUrl') !== '')('athar CLI', () => {
  it('first use creates the administrator, loads the demo case and lists it', () => {
    const r = athar('case', 'list', '--json');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/created the administrator "admin" with the one-time password \S+/);
    const cases = JSON.parse(r.stdout).cases;
    expect(cases).toEqual([
      expect.objectContaining({ slug: 'sednaya-2024', timeZone: 'Asia/Damascus', role: 'admin' }),
    ]);
  });

  it('maps errors to one stderr line and the contract exit codes', () => {
    const missing = athar('claim', 'list', '--case', 'no-such-case');
    expect(missing.code).toBe(3);
    expect(missing.stderr.trim()).toBe('athar: case.not_found: no case "no-such-case"');
    const bad = athar('claim', 'add', 'x', '--case', 'sednaya-2024', '--language', 'en');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^athar: validation\.body: \/text: /);
    const zone = athar('timeline', '--case', 'sednaya-2024', '--zone', 'Mars/Olympus');
    expect(zone.code).toBe(2);
    const usage = athar('claim', 'add');
    expect(usage.code).toBe(2);
  });

  it('stamps the day with an RFC 3161 authority, and captures a URL given to ingest', async () => {
    const none = athar('timestamps', 'stamp');
    expect(none.code).toBe(5);
    expect(none.stderr).toMatch(/timestamp\.not_configured/);
    const tsa = await startTestAuthority();
    const web = http.createServer((_req, res) =>
      res.writeHead(200, { 'Content-Type': 'text/html' }).end('<p>hi</p>'),
    );
    await new Promise<void>((ok) => web.listen(0, '127.0.0.1', ok));
    try {
      const url = `http://127.0.0.1:${(web.address() as AddressInfo).port}/post`;
      // Loopback is refused unless an administrator allows private addresses.
      const refused = await atharAsync({}, 'ingest', url, '--case', 'sednaya-2024', '--json');
      expect(refused.code).toBe(1);
      expect(JSON.parse(refused.stdout).items[0].error.code).toBe('capture.address_refused');
      const page = await atharAsync(
        { ATHAR_CAPTURE_ALLOW_PRIVATE: 'true' },
        'ingest',
        url,
        '--case',
        'sednaya-2024',
        '--json',
      );
      expect(page.code).toBe(0);
      expect(JSON.parse(page.stdout).items[0]).toMatchObject({
        file: url,
        status: 'archived (HTTP 200, WARC only)',
      });
      const withTsa = { ATHAR_TSA_URL: tsa.url, ATHAR_TSA_CERT: tsa.caFile };
      const today = new Date().toISOString().slice(0, 10);
      const stamped = await atharAsync(withTsa, 'timestamps', 'stamp', '--day', today, '--json');
      expect(stamped.code).toBe(0);
      expect(JSON.parse(stamped.stdout)).toMatchObject({ day: today, webCaptures: 1 });
      const verified = await atharAsync(withTsa, 'timestamps', 'verify');
      expect(verified.code).toBe(0);
      expect(verified.stdout).toContain('checked 1 stamps: 0 failed');
    } finally {
      web.closeAllConnections();
      await new Promise((ok) => web.close(ok));
      await tsa.close();
    }
  }, 120_000);

  it("exports the case's evidence as one archive that sha256sum checks, named by its export", async () => {
    const out = path.join(dataDir, 'exports');
    const r = await atharAsync({}, 'export', 'evidence', '--case', 'sednaya-2024', '--out', out, '--json');
    expect(r.code, r.stderr).toBe(0);
    const got = JSON.parse(r.stdout);
    expect(got).toEqual({
      path: expect.stringMatching(/athar-evidence-[0-9a-f-]{36}\.tar$/),
      sha256: createHash('sha256').update(readFileSync(got.path)).digest('hex'),
      items: expect.any(Number),
    });
    expect(path.dirname(got.path)).toBe(out);
    const unpacked = path.join(out, 'unpacked');
    expect((await run('mkdir', ['-p', unpacked])).code).toBe(0);
    expect((await run('tar', ['xf', got.path, '-C', unpacked])).code).toBe(0);
    const root = path.join(unpacked, path.basename(got.path, '.tar'));
    const sums = await run('sha256sum', ['-c', 'SHA256SUMS'], root);
    expect(sums.code, sums.out).toBe(0);
    expect(sums.out).toMatch(/warc\/[0-9a-f-]+\.warc\.gz: OK/);
    // For people, the path alone on stdout.
    const human = await atharAsync({}, 'export', 'evidence', '--case', 'sednaya-2024', '--out', out);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(new RegExp(`^${out}/athar-evidence-[0-9a-f-]{36}\\.tar\\n$`));
    const missing = await atharAsync(
      {},
      ...['export', 'evidence', '--case', 'sednaya-2024', '--out', out],
      ...['--items', '00000000-0000-4000-8000-000000000000'],
    );
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(/^athar: media\.not_found: .*\/items\/0/);
    const malformed = await atharAsync({}, 'export', 'evidence', '--case', 'sednaya-2024', '--items', 'x,y');
    expect(malformed.code).toBe(2);
    // Nothing half-written is left behind.
    expect(readdirSync(out).filter((f) => f.endsWith('.part'))).toEqual([]);
  }, 120_000);

  it("ingests pictures, lists an item's matches, and rejects then confirms one", async () => {
    const dir = path.join(dataDir, 'pictures');
    mkdirSync(dir);
    const original = await picture(61, 400);
    writeFileSync(path.join(dir, 'a.jpg'), original);
    writeFileSync(
      path.join(dir, 'b.jpg'),
      await sharp(original).resize(300).jpeg({ quality: 50 }).toBuffer(),
    );
    const ingested = await atharAsync({}, 'ingest', dir, '--case', 'sednaya-2024', '--json');
    expect(ingested.code, ingested.stderr).toBe(0);
    const items = JSON.parse(ingested.stdout).items as { file: string; id: string; status: string }[];
    expect(items.map((i) => i.status)).toEqual(['processed', 'processed']);
    const b = items.find((i) => i.file.endsWith('b.jpg'))!;
    const listed = await atharAsync(
      {},
      'media',
      'list',
      '--case',
      'sednaya-2024',
      '--kind',
      'image',
      '--json',
    );
    expect(JSON.parse(listed.stdout).items.map((i: { id: string }) => i.id)).toContain(b.id);
    const matches = await atharAsync({}, 'media', 'matches', b.id);
    expect(matches.code, matches.stderr).toBe(0);
    const ref = new RegExp(`${b.id}:[0-9a-f-]{36}`).exec(matches.stdout)![0];
    const rejected = await atharAsync({}, 'media', 'reject', ref, '--json');
    expect(rejected.code, rejected.stderr).toBe(0);
    const other = ref.split(':')[1];
    const after = (JSON.parse(rejected.stdout).matches as { itemId?: string; status?: string }[]).find(
      (m) => m.itemId === other,
    );
    expect(after?.status).toBe('rejected');
    const confirmed = await atharAsync({}, 'media', 'confirm', ref);
    expect(confirmed.code).toBe(0);
    expect(confirmed.stdout).toMatch(/^confirmed /);
    expect(confirmed.stdout).toMatch(/confirmed/);
    const wrong = await atharAsync({}, 'media', 'confirm', 'not-a-match');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/ITEM:OTHER/);
  }, 120_000);

  it('goes through the running server that owns the data directory', async () => {
    const server = spawn(
      process.execPath,
      [path.join(root, 'bin/athar.js'), 'serve', '--port', '0', '--no-workers'],
      { env, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    server.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    try {
      const deadline = Date.now() + 60_000;
      while (!existsSync(path.join(dataDir, 'owner.json')) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 200));
      const owner = JSON.parse(readFileSync(path.join(dataDir, 'owner.json'), 'utf8'));
      expect(owner.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      // A second server cannot open the same embedded database.
      const second = athar('serve', '--port', '0');
      expect(second.code).toBe(2);
      expect(second.stderr).toMatch(/athar: db\.locked: /);
      // The CLI works meanwhile, through the owner's API (opening the database itself would fail).
      const added = athar(
        'claim',
        'add',
        'Detainees are held in hidden basements of Sednaya',
        '--case',
        'sednaya-2024',
        '--language',
        'en',
        '--json',
      );
      expect(added.code).toBe(0);
      expect(JSON.parse(added.stdout).similar[0].text).toBe(
        'Detainees are still held in hidden basements of Sednaya prison.',
      );
      const review = athar('export', 'claimreview', '--case', 'sednaya-2024');
      expect(JSON.parse(review.stdout).map((r: { '@type': string }) => r['@type'])).toEqual([
        'ClaimReview',
        'ClaimReview',
      ]);
      // A binary answer (an evidence package) comes through the owner's API too.
      const exported = athar('export', 'evidence', '--case', 'sednaya-2024', '--out', dataDir, '--json');
      expect(exported.code, exported.stderr).toBe(0);
      const pkg = JSON.parse(exported.stdout);
      expect(createHash('sha256').update(readFileSync(pkg.path)).digest('hex')).toBe(pkg.sha256);
      const audit = athar('audit', 'verify', '--json');
      expect(audit.code).toBe(0);
      expect(JSON.parse(audit.stdout).ok).toBe(true);
    } finally {
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
    }
    expect(stderr).toMatch(/serving http:\/\/127\.0\.0\.1:\d+/);
    expect(existsSync(path.join(dataDir, 'athar.lock'))).toBe(false);
  });
});

describe('athar persons', () => {
  it('imports a CSV (all or nothing, exit 1 with the lines), searches across scripts and shows a person, in the shapes of CLI.md', () => {
    expect(
      athar('case', 'create', '--slug', 'cli-registry', '--title', 'Registry', '--time-zone', 'UTC').code,
    ).toBe(0);
    const csv = path.join(dataDir, '..', `persons-${process.pid}.csv`);
    writeFileSync(
      csv,
      'given_name,father_name,family_name,birth_year,status\nKhaled,Omar,al-Shami,1985,missing\nسامر,محمود,العلي,1990,معتقل\nAhmad,,Darwish,1980-02-30,\n',
    );
    const refused = athar('persons', 'import', csv, '--case', 'cli-registry', '--json');
    expect(refused.code).toBe(1);
    const report = JSON.parse(refused.stdout);
    expect(report).toMatchObject({ imported: false, accepted: 2, rejected: [{ line: 4 }], duplicates: [] });
    expect(report.rejected[0].reason).toContain('birth_year');
    const done = athar('persons', 'import', csv, '--case', 'cli-registry', '--skip-invalid', '--json');
    expect(done.code).toBe(0);
    expect(JSON.parse(done.stdout)).toMatchObject({ imported: true, created: 2 });

    const found = athar('persons', 'search', 'Samer Mahmoud al-Ali', '--case', 'cli-registry', '--json');
    expect(found.code).toBe(0);
    const results = JSON.parse(found.stdout).results;
    expect(results[0]).toMatchObject({
      score: expect.any(Number),
      status: 'detained',
      names: { ar: { given: 'سامر' } },
    });
    expect(results[0].explanation.length).toBeGreaterThan(0);
    const shown = athar('persons', 'show', results[0].id, '--json');
    expect(shown.code).toBe(0);
    expect(JSON.parse(shown.stdout).events[0]).toMatchObject({
      kind: 'seen_in_detention',
      certainty: 'reported',
    });
    // A release list, pasted one person per line: each line with its candidates (CLI.md's shape).
    const list = path.join(dataDir, '..', `list-${process.pid}.txt`);
    writeFileSync(list, '1. سامر محمود العلي\n2. Nobody Known Here\n');
    const matched = athar(
      'persons',
      'match-list',
      list,
      '--case',
      'cli-registry',
      '--date',
      '2024-12-08',
      '--json',
    );
    expect(matched.code).toBe(0);
    const lines = JSON.parse(matched.stdout).lines;
    expect(lines[0]).toMatchObject({
      line: 1,
      text: '1. سامر محمود العلي',
      candidates: [{ personId: results[0].id }],
    });
    expect(lines[0].candidates[0]).toMatchObject({
      score: expect.any(Number),
      status: 'detained',
      names: expect.any(Object),
    });
    expect(lines[1].candidates).toEqual([]);
    rmSync(list, { force: true });
    const human = athar('persons', 'show', results[0].id);
    expect(human.stdout).toContain('سامر محمود العلي — detained');
    rmSync(csv, { force: true });
  });
});

describe('athar inquiries', () => {
  it('matches the open inquiries again (new suggestions only) and lists them without contact details', () => {
    const matched = athar('inquiries', 'match', '--case', 'sednaya-2024', '--json');
    expect(matched.code, matched.stderr).toBe(0);
    // The demo's three fictional inquiries were matched when they were filed: nothing new.
    expect(JSON.parse(matched.stdout)).toEqual({ inquiries: 3, suggested: 0 });
    const listed = athar('inquiries', 'list', '--case', 'sednaya-2024', '--json');
    expect(listed.code).toBe(0);
    const { inquiries } = JSON.parse(listed.stdout);
    expect(inquiries).toHaveLength(3);
    expect(listed.stdout).not.toContain('+000');
    expect(inquiries.find((i: { relation: string }) => i.relation === 'wife')).toMatchObject({
      suggested: 1,
    });
    const human = athar('inquiries', 'list', '--case', 'sednaya-2024');
    expect(human.stdout).toContain('محمود سعيد درويش');
    expect(athar('inquiries', 'match', '--case', 'no-such-case').code).toBe(3);
  });
});
