import { sql } from 'kysely';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitmentOf, entryLine } from '#src/modules/timestamps/stamp.ts';
import { opensslVerify, startTestAuthority, type TestAuthority } from '#test/support/tsa.ts';
import { testEnv, type TestEnv } from './harness.ts';

/**
 * Trusted time through the API, with an RFC 3161 authority made in the test (`openssl ts` on
 * loopback): a day's manifest holds the day's captures and the audit chain's head; its token is
 * checked when it arrives, verifies again with OpenSSL alone, and a manifest altered afterwards
 * is named by the check.
 */
describe('trusted time (RFC 3161)', () => {
  let tsa: TestAuthority;
  let env: TestEnv;
  const today = new Date().toISOString().slice(0, 10);

  beforeAll(async () => {
    tsa = await startTestAuthority();
    env = await testEnv({ jobs: true, env: { ATHAR_TSA_URL: tsa.url, ATHAR_TSA_CERT: tsa.caFile } });
    expect((await env.request('POST', '/api/admin/demo')).status).toBeLessThan(300);
  }, 60_000);
  afterAll(async () => {
    await env.close();
    await tsa.close();
  });

  let stampId = '';
  let sha = '';
  let entry = '';
  it("stamps the day's manifest: its captures with their SHA-256 and the audit chain's head", async () => {
    const picture = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#336699' } })
      .jpeg()
      .toBuffer();
    const up = await env.request(
      'POST',
      '/api/cases/sednaya-2024/media?name=p.jpg',
      { ...env.admin, 'content-type': 'application/octet-stream' },
      picture,
    );
    expect(up.status).toBe(201);
    sha = up.body.item.sha256;
    const r = await env.request('POST', '/api/timestamps', env.admin, { day: today });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ day: today, captures: 1, webCaptures: 0, tsaUrl: tsa.url });
    expect(r.body.signer).toContain('athar test TSA');
    expect(r.body.auditHead.seq).toBeGreaterThan(0);
    stampId = r.body.id;
    const manifest = await env.request('GET', `/api/timestamps/${stampId}/manifest`);
    const m = JSON.parse(manifest.text);
    expect(m).toMatchObject({
      format: 'athar-daily-manifest/2',
      day: today,
      counts: { captures: 1, webCaptures: 0 },
      auditHead: r.body.auditHead,
    });
    // The capture is there as a commitment to its line, which says what it is; not the line itself.
    const line = entryLine({
      kind: 'capture',
      id: up.body.capture.id,
      itemId: up.body.item.id,
      caseId: up.body.item.caseId,
      method: 'upload',
      sha256: sha,
      capturedAt: up.body.capture.capturedAt,
    });
    expect(m.entries).toEqual([commitmentOf(line)]);
    expect(manifest.text).not.toContain(sha);
    expect(manifest.text).not.toContain(up.body.capture.id);
    entry = m.entries[0];
    // The token verifies with OpenSSL alone, against the manifest as served.
    const token = await env.request('GET', `/api/timestamps/${stampId}/token`);
    expect(opensslVerify(tsa, manifest.text, token.raw)).toContain('Verification: OK');
  });

  it('checks every stored token again, and names a manifest altered afterwards', async () => {
    const ok = await env.request('POST', '/api/timestamps/verify');
    expect(ok.body).toEqual({ checked: 1, failed: [] });
    await sql`UPDATE time_stamp SET manifest = replace(manifest, ${entry}, ${'0'.repeat(64)})`.execute(
      env.app.database.db,
    );
    const bad = await env.request('POST', '/api/timestamps/verify');
    expect(bad.body.failed).toEqual([
      { id: stampId, day: today, reason: 'the stored manifest no longer has the hash that was stamped' },
    ]);
  });

  it('refuses a day that is not a calendar day', async () => {
    const r = await env.request('POST', '/api/timestamps', env.admin, { day: '2024-02-30' });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('timestamp.day');
  });
});

describe('trusted time without an authority', () => {
  it('says none is configured', async () => {
    const env = await testEnv();
    try {
      const r = await env.request('POST', '/api/timestamps', env.admin, {});
      expect(r.status).toBe(503);
      expect(r.body.code).toBe('timestamp.not_configured');
    } finally {
      await env.close();
    }
  });
});
