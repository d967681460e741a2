import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCa, startTestAuthority, type TestAuthority } from '#test/support/tsa.ts';
import { testEnv, type TestEnv } from './harness.ts';

/**
 * Evidence packages through the API: small generated pictures uploaded, a page captured from a
 * web server on loopback (its WARC, and the picture it links to with its own), the day stamped by
 * an RFC 3161 authority made with openssl, then exported and checked as a recipient would —
 * `tar xf`, `sha256sum -c SHA256SUMS`, `openssl ts -verify` — with the originals byte for byte,
 * the export on the audit trail, and who may export.
 */

const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');
const octet = (h: Record<string, string>) => ({ ...h, 'content-type': 'application/octet-stream' });

/** Runs a command without blocking this process (whose own servers answer the test's requests). */
function run(cmd: string, args: string[], cwd: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (out += b.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, out });
    });
  });
}

/** Every file under `dir`, as paths relative to it. */
function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(dir, path.join(prefix, e.name)) : [path.join(prefix, e.name)],
  );
}

async function picture(seed: number): Promise<Buffer> {
  return sharp({
    create: {
      width: 160,
      height: 120,
      channels: 3,
      background: { r: 40 * seed, g: 120, b: 200 - 30 * seed },
    },
  })
    .composite([
      {
        input: Buffer.from(
          `<svg width="160" height="120"><circle cx="${40 + seed * 20}" cy="60" r="30" fill="#fff"/></svg>`,
        ),
      },
    ])
    .jpeg()
    .toBuffer();
}

describe('evidence packages', () => {
  let tsa: TestAuthority;
  let env: TestEnv;
  let web: http.Server;
  let base = '';
  const work = mkdtempSync(path.join(os.tmpdir(), 'athar-export-'));
  // athar is told to trust the CA through this file, which the test later points at another CA.
  const certFile = path.join(work, 'tsa-ca.pem');
  const C = '/api/cases/evidence-case/media';
  const pictures: Buffer[] = [];
  let card: Buffer;
  const ids = { first: '', second: '', card: '', page: '', cardCapture: '', other: '' };

  beforeAll(async () => {
    tsa = await startTestAuthority();
    copyFileSync(tsa.caFile, certFile);
    pictures.push(await picture(1), await picture(2));
    card = await picture(3);
    web = http.createServer((req, res) => {
      if (req.url === '/card.jpg') return res.writeHead(200, { 'Content-Type': 'image/jpeg' }).end(card);
      if (req.url === '/post')
        return res
          .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
          .end('<html><head><meta property="og:image" content="/card.jpg"></head><body>post</body></html>');
      res.writeHead(404).end();
    });
    await new Promise<void>((ok) => web.listen(0, '127.0.0.1', ok));
    base = `http://127.0.0.1:${(web.address() as AddressInfo).port}`;
    env = await testEnv({
      jobs: true,
      env: { ATHAR_TSA_URL: tsa.url, ATHAR_TSA_CERT: certFile, ATHAR_CAPTURE_ALLOW_PRIVATE: 'true' },
    });
    for (const slug of ['evidence-case', 'other-case', 'empty-case'])
      expect(
        (await env.request('POST', '/api/cases', env.admin, { slug, title: `Case ${slug}`, timeZone: 'UTC' }))
          .status,
      ).toBe(201);
    // A name and notes that would be a path if they were ever used as one.
    const first = await env.request(
      'POST',
      `${C}?name=${encodeURIComponent('../../etc/passwd')}&notes=${encodeURIComponent('from a family\n../x')}&platform=Telegram&postedAt=2024-12-08T09:00:00Z`,
      octet(env.admin),
      pictures[0],
    );
    expect(first.status).toBe(201);
    ids.first = first.body.item.id;
    const second = await env.request('POST', `${C}?name=two.jpg`, octet(env.admin), pictures[1]);
    ids.second = second.body.item.id;
    const page = await env.request('POST', `${C}/capture`, env.admin, { url: `${base}/post` });
    expect(page.status).toBe(201);
    ids.page = page.body.capture.id;
    ids.card = page.body.linked[0].item.item.id;
    ids.cardCapture = page.body.linked[0].capture.id;
    const other = await env.request(
      'POST',
      '/api/cases/other-case/media?name=o.jpg',
      octet(env.admin),
      await picture(4),
    );
    ids.other = other.body.item.id;
    // A view of an original: a custody event the package must carry.
    expect((await env.request('GET', `${C}/${ids.first}/original`)).status).toBe(200);
    const today = new Date().toISOString().slice(0, 10);
    expect((await env.request('POST', '/api/timestamps', env.admin, { day: today })).status).toBe(201);
  }, 120_000);

  afterAll(async () => {
    await env.close();
    await tsa.close();
    web.closeAllConnections();
    await new Promise((ok) => web.close(ok));
    rmSync(work, { recursive: true, force: true });
  });

  /** Exports, saves and unpacks a package; gives its folder, the answer and the archive's bytes. */
  async function exported(body: unknown, name: string) {
    const r = await env.request('POST', `${C}/export`, env.admin, body);
    expect(r.status, r.text.slice(0, 300)).toBe(200);
    expect(r.headers['content-type']).toBe('application/x-tar');
    const exportId = String(r.headers['x-athar-export-id']);
    expect(r.headers['x-athar-sha256']).toBe(sha(r.raw));
    expect(r.headers['content-disposition']).toBe(`attachment; filename="athar-evidence-${exportId}.tar"`);
    const dir = path.join(work, name);
    rmSync(dir, { recursive: true, force: true });
    const tarFile = path.join(work, `${name}.tar`);
    writeFileSync(tarFile, r.raw);
    const listing = await run('tar', ['tf', tarFile], work);
    expect(listing.code).toBe(0);
    const entries = listing.out.trim().split('\n');
    // One folder, nothing outside it, no name anyone typed.
    expect(entries.every((e) => e.startsWith(`athar-evidence-${exportId}/`) && !e.includes('..'))).toBe(true);
    expect(listing.out).not.toMatch(/passwd|two\.jpg/);
    expect((await run('mkdir', ['-p', dir], work)).code).toBe(0);
    expect((await run('tar', ['xf', tarFile, '-C', dir], work)).code).toBe(0);
    const root = path.join(dir, `athar-evidence-${exportId}`);
    const readJson = (f: string) => JSON.parse(readFileSync(path.join(root, f), 'utf8'));
    return { r, exportId, root, readJson, raw: r.raw };
  }

  /** `openssl ts -verify` of each shipped stamp, exactly as the README says it. */
  async function verifyStamps(root: string): Promise<string[]> {
    const out: string[] = [];
    for (const d of readdirSync(path.join(root, 'timestamps'))) {
      const dir = `timestamps/${d}`;
      const v = await run(
        'openssl',
        ...[
          [
            'ts',
            '-verify',
            '-data',
            `${dir}/manifest.json`,
            '-in',
            `${dir}/token.tst`,
            '-token_in',
            '-CAfile',
            `${dir}/tsa.pem`,
          ],
        ],
        root,
      );
      out.push(v.out);
    }
    return out;
  }

  let whole: Awaited<ReturnType<typeof exported>>;
  it('packs every item and URL capture of the case; sha256sum -c and openssl ts -verify check it', async () => {
    whole = await exported({}, 'all');
    const { root, readJson } = whole;
    // Every file but SHA256SUMS is in SHA256SUMS, and every line checks.
    const sums = readFileSync(path.join(root, 'SHA256SUMS'), 'utf8').trim().split('\n');
    expect(sums.map((l) => l.slice(66)).sort()).toEqual(
      filesUnder(root)
        .filter((f) => f !== 'SHA256SUMS')
        .sort(),
    );
    const check = await run('sha256sum', ['-c', 'SHA256SUMS'], root);
    expect(check.code, check.out).toBe(0);
    expect(check.out.trim().split('\n')).toHaveLength(sums.length);
    expect(check.out).not.toMatch(/FAILED/);

    // The originals, byte for byte, named by their SHA-256.
    for (const [i, bytes] of [...pictures, card].entries()) {
      const file = path.join(root, 'originals', `${sha(bytes)}.jpg`);
      expect(existsSync(file), `original ${i}`).toBe(true);
      expect(readFileSync(file).equals(bytes)).toBe(true);
    }
    expect(readdirSync(path.join(root, 'originals'))).toHaveLength(3);

    // Every capture record, with what the collector and the source said, kept as data.
    const captures = readJson('captures.json');
    const first = captures.items.find((i: { id: string }) => i.id === ids.first);
    expect(first).toMatchObject({
      sha256: sha(pictures[0]!),
      name: '../../etc/passwd',
      file: `originals/${sha(pictures[0]!)}.jpg`,
      captures: [
        {
          method: 'upload',
          capturedBy: 'admin',
          tool: 'athar',
          sha256: sha(pictures[0]!),
          notes: 'from a family\n../x',
          platform: 'Telegram',
          postedAt: '2024-12-08T09:00:00.000Z',
        },
      ],
    });
    expect(first.captures[0].timestamps).toHaveLength(1);
    const cardItem = captures.items.find((i: { id: string }) => i.id === ids.card);
    expect(cardItem.captures[0]).toMatchObject({ method: 'url', sourceUrl: `${base}/card.jpg` });
    expect(cardItem.webCaptures).toEqual([ids.cardCapture]);
    expect(captures.webCaptures.map((w: { id: string }) => w.id).sort()).toEqual(
      [ids.page, ids.cardCapture].sort(),
    );
    // Each WARC is the one recorded, named by its capture.
    for (const w of captures.webCaptures) {
      expect(w.file).toBe(`warc/${w.id}.warc.gz`);
      const bytes = readFileSync(path.join(root, w.file));
      expect(sha(bytes)).toBe(w.warcSha256);
      expect(bytes.subarray(0, 2).equals(Buffer.from([0x1f, 0x8b]))).toBe(true);
    }

    // The custody events: the capture and the view of the first original, in chain order.
    const custody = readJson('custody.json');
    const mine = custody.events.filter((e: { entityId: string }) => e.entityId === ids.first);
    expect(mine.map((e: { action: string }) => e.action)).toEqual([
      'media.captured',
      'media.original_viewed',
    ]);
    expect(mine[0].seq).toBeLessThan(mine[1].seq);
    expect(mine[1]).toMatchObject({ actor: 'admin (local)', after: { sha256: sha(pictures[0]!) } });
    expect(
      custody.events.every((e: { caseId: string }) => e.caseId === readJson('export.json').case.id),
    ).toBe(true);

    // The stamp: its manifest lists these captures, and OpenSSL alone verifies its token.
    const stamps = readdirSync(path.join(root, 'timestamps'));
    expect(stamps).toHaveLength(1);
    const stampDir = path.join(root, 'timestamps', stamps[0]!);
    expect(readdirSync(stampDir).sort()).toEqual([
      'entries.jsonl',
      'manifest.json',
      'stamp.json',
      'token.tst',
      'tsa.pem',
    ]);
    const manifestText = readFileSync(path.join(stampDir, 'manifest.json'), 'utf8');
    const manifest = JSON.parse(manifestText);
    // This package's captures are opened in entries.jsonl: each line names one, with its bytes'
    // SHA-256, and its hash is an entry of the stamped manifest.
    const lines = readFileSync(path.join(stampDir, 'entries.jsonl'), 'utf8').trimEnd().split('\n');
    const opened = lines.map((l) => JSON.parse(l) as { kind: string; sha256?: string; caseId: string });
    expect(opened.filter((o) => o.kind === 'capture').map((o) => o.sha256)).toEqual(
      expect.arrayContaining([...pictures, card].map((b) => sha(b))),
    );
    expect(opened.every((o) => o.caseId === readJson('export.json').case.id)).toBe(true);
    for (const l of lines) expect(manifest.entries).toContain(sha(Buffer.from(l, 'utf8')));
    // The manifest itself names no capture, case or address: other cases' captures stay unreadable.
    expect(manifest.entries.length).toBeGreaterThanOrEqual(lines.length);
    expect(manifestText).not.toContain(readJson('export.json').case.id);
    expect(manifestText).not.toMatch(/https?:/);
    // The README's shell loop finds every line.
    const { out: found } = await run(
      'bash',
      [
        '-c',
        `while IFS= read -r l; do h=$(printf %s "$l" | sha256sum | cut -c1-64); grep -q "\\"$h\\"" manifest.json && echo "found $h" || echo "MISSING $h"; done < entries.jsonl`,
      ],
      stampDir,
    );
    expect(found.split('\n').filter((x) => x.startsWith('found'))).toHaveLength(lines.length);
    expect(found).not.toContain('MISSING');
    expect(readFileSync(path.join(stampDir, 'tsa.pem'), 'utf8')).toBe(tsa.caPem);
    expect(JSON.parse(readFileSync(path.join(stampDir, 'stamp.json'), 'utf8'))).toMatchObject({
      tsaCert: { source: 'kept with the stamp' },
      checkedAtExport: { ok: true },
    });
    expect(await verifyStamps(root)).toEqual([expect.stringContaining('Verification: OK')]);

    // The README tells how, with this package's own paths.
    const readme = readFileSync(path.join(root, 'README.txt'), 'utf8');
    expect(readme).toContain('sha256sum -c SHA256SUMS');
    expect(readme).toContain(
      `openssl ts -verify -data timestamps/${stamps[0]}/manifest.json -in timestamps/${stamps[0]}/token.tst -token_in -CAfile timestamps/${stamps[0]}/tsa.pem`,
    );
    expect(readJson('export.json')).toMatchObject({
      format: 'athar-evidence-package/1',
      exportId: whole.exportId,
      exportedBy: 'admin',
      selection: 'all',
      counts: { items: 3, webCaptures: 2, timestamps: 1 },
    });
  });

  it('is on the audit trail before it is handed out: the archive SHA-256 and each original', async () => {
    const exports = await env.request('GET', `/api/cases/evidence-case/audit?entityType=evidence_export`);
    const event = exports.body.events.find((e: { entityId: string }) => e.entityId === whole.exportId);
    expect(event).toMatchObject({
      action: 'media.evidence_exported',
      actor: 'admin (local)',
      after: { sha256: sha(whole.raw), size: whole.raw.length, selection: 'all' },
    });
    expect([...event.after.items].sort()).toEqual([ids.first, ids.second, ids.card].sort());
    const item = await env.request('GET', `/api/audit/events?entityId=${ids.first}`);
    expect(item.body.events[0]).toMatchObject({
      action: 'media.original_exported',
      after: { exportId: whole.exportId, sha256: sha(pictures[0]!) },
    });
    const warc = await env.request('GET', `/api/audit/events?entityId=${ids.page}`);
    expect(warc.body.events[0]).toMatchObject({
      action: 'media.warc_exported',
      after: { exportId: whole.exportId },
    });
    const chain = await env.request('POST', '/api/audit/verify');
    expect(chain.body.ok).toBe(true);
  });

  it('packs only the items named, with the URL captures that brought them and the page they came from', async () => {
    const { root, readJson, r } = await exported({ items: [ids.card, ids.card] }, 'card');
    expect(r.headers['x-athar-items']).toBe('1');
    expect(readdirSync(path.join(root, 'originals'))).toEqual([`${sha(card)}.jpg`]);
    expect(readdirSync(path.join(root, 'warc')).sort()).toEqual(
      [`${ids.page}.warc.gz`, `${ids.cardCapture}.warc.gz`].sort(),
    );
    expect(readJson('export.json').selection).toEqual({ items: [ids.card] });
    // Earlier exports of this item are part of its custody now.
    const custody = readJson('custody.json').events.filter(
      (e: { entityId: string }) => e.entityId === ids.card,
    );
    expect(custody.map((e: { action: string }) => e.action)).toContain('media.original_exported');
    expect((await run('sha256sum', ['-c', '--quiet', 'SHA256SUMS'], root)).code).toBe(0);
  });

  it('refuses ids that are not items of this case, naming the field, and an empty case', async () => {
    const unknown = await env.request('POST', `${C}/export`, env.admin, {
      items: [ids.first, '00000000-0000-4000-8000-000000000000', ids.other],
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('media.not_found');
    expect(unknown.body.errors.map((e: { field: string }) => e.field)).toEqual(['/items/1', '/items/2']);
    expect(unknown.text).not.toContain('other-case');
    const malformed = await env.request('POST', `${C}/export`, env.admin, { items: ['nope'] });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors[0].field).toBe('/items/0');
    const none = await env.request('POST', `${C}/export`, env.admin, { items: [] });
    expect(none.status).toBe(400);
    const empty = await env.request('POST', '/api/cases/empty-case/media/export', env.admin, {});
    expect(empty.status).toBe(400);
    expect(empty.body.code).toBe('media.nothing_to_export');
  });

  it('is a permission: viewers and caseworkers may not export, editors may', async () => {
    const viewer = await env.user('viewer', { caseSlug: 'evidence-case', role: 'viewer' });
    const caseworker = await env.user('caseworker', { caseSlug: 'evidence-case', role: 'caseworker' });
    const editor = await env.user('editor', { caseSlug: 'evidence-case', role: 'editor' });
    for (const who of [viewer, caseworker]) {
      const r = await env.request('POST', `${C}/export`, who, {});
      expect(r.status).toBe(403);
      expect(r.body.code).toBe('auth.role');
    }
    const r = await env.request('POST', `${C}/export`, editor, { items: [ids.second] });
    expect(r.status).toBe(200);
    const audit = await env.request(
      'GET',
      `/api/audit/events?entityId=${String(r.headers['x-athar-export-id'])}`,
    );
    expect(audit.body.events[0]).toMatchObject({ action: 'media.evidence_exported', actor: 'editor' });
  });

  it('ships the certificate a stamp was checked against after the configured authority changes', async () => {
    writeFileSync(certFile, readFileSync(makeCa('another authority').caFile));
    const { root } = await exported({ items: [ids.first] }, 'after-change');
    const [stamp] = readdirSync(path.join(root, 'timestamps'));
    expect(readFileSync(path.join(root, 'timestamps', stamp!, 'tsa.pem'), 'utf8')).toBe(tsa.caPem);
    expect(await verifyStamps(root)).toEqual([expect.stringContaining('Verification: OK')]);
    // athar's own check answers for what it trusts now, and says what the token verifies with.
    const check = await env.request('POST', '/api/timestamps/verify');
    expect(check.body.failed).toHaveLength(1);
    expect(check.body.failed[0].reason).toMatch(/verifies with the certificate kept with it/);
    // A stamp made before athar kept certificates gets the one configured now, said as such.
    await sql`UPDATE time_stamp SET tsa_cert = NULL`.execute(env.app.database.db);
    const old = await exported({ items: [ids.first] }, 'old-stamp');
    const [oldStamp] = readdirSync(path.join(old.root, 'timestamps'));
    expect(
      JSON.parse(readFileSync(path.join(old.root, 'timestamps', oldStamp!, 'stamp.json'), 'utf8')),
    ).toMatchObject({
      tsaCertFingerprint: null,
      tsaCert: { source: 'configured now' },
      checkedAtExport: { ok: false },
    });
    expect(readFileSync(path.join(old.root, 'README.txt'), 'utf8')).toContain(
      'athar could NOT verify it at export',
    );
  });

  it('refuses to hand out an original whose bytes changed, and records nothing', async () => {
    const blob = env.app.blobs.pathOf(sha(pictures[1]!));
    const before = await env.request('GET', '/api/cases/evidence-case/audit?entityType=evidence_export');
    chmodSync(blob, 0o600);
    const bytes = readFileSync(blob);
    writeFileSync(blob, Buffer.concat([bytes.subarray(0, 100), Buffer.from('x'), bytes.subarray(101)]));
    try {
      const r = await env.request('POST', `${C}/export`, env.admin, { items: [ids.second] });
      expect(r.status).toBe(503);
      expect(r.body.code).toBe('media.original_changed');
      const after = await env.request('GET', '/api/cases/evidence-case/audit?entityType=evidence_export');
      expect(after.body.events.length).toBe(before.body.events.length);
      // Nothing of it is left in the data directory.
      const tmp = path.join(env.config.dataDir, 'blobs', 'tmp');
      if (existsSync(tmp)) expect(readdirSync(tmp)).toEqual([]);
    } finally {
      writeFileSync(blob, bytes);
      chmodSync(blob, 0o400);
    }
    expect(statSync(blob).size).toBe(bytes.length);
  });
});
