/**
 * RFC 3161 against a real responder (OpenSSL's, made in the test and served on loopback): a
 * token is asked for, checked and kept; OpenSSL verifies the same token independently; tokens for
 * other bytes, from an authority that is not trusted, with another nonce or tampered are refused.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCa, opensslVerify, startTestAuthority, type TestAuthority } from '#test/support/tsa.ts';
import { askAuthority, timeStampRequest, verifyResponse, verifyToken } from './rfc3161.ts';
import { createHash } from 'node:crypto';

let tsa: TestAuthority;
const data = Buffer.from('{"day":"2024-12-08","captures":[]}\n');
const digest = createHash('sha256').update(data).digest();

beforeAll(async () => {
  tsa = await startTestAuthority();
}, 60_000);
afterAll(() => tsa.close());

async function stamp() {
  const { der, nonce } = timeStampRequest(digest);
  return { reply: await askAuthority(tsa.url, der, 10), nonce };
}

describe('RFC 3161 time-stamps', () => {
  it('asks for a token and checks it: imprint, nonce, signature up to the trusted CA', async () => {
    const before = Date.now();
    const { reply, nonce } = await stamp();
    const t = await verifyResponse(reply, data, nonce, tsa.caPem);
    expect(t.genTime.getTime()).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 - 1000);
    expect(t.genTime.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
    expect(t.policy).toBe('1.3.6.1.4.1.99999.1');
    expect(t.signer).toContain('athar test TSA');
    // The kept token verifies again later, without the nonce.
    expect((await verifyToken(t.token, data, null, tsa.caPem)).serialNumber).toBe(t.serialNumber);
    // And OpenSSL verifies the same token on its own.
    expect(opensslVerify(tsa, data, t.token)).toContain('Verification: OK');
  });

  it('refuses a token for other bytes, from an untrusted authority, with another nonce, or tampered', async () => {
    const { reply, nonce } = await stamp();
    const code = async (p: Promise<unknown>) => {
      try {
        await p;
      } catch (e) {
        return (e as { code: string; message: string }).message;
      }
      return 'accepted';
    };
    expect(await code(verifyResponse(reply, Buffer.from('other'), nonce, tsa.caPem))).toContain(
      'message imprint differs',
    );
    const stranger = makeCa('someone else');
    try {
      expect(await code(verifyResponse(reply, data, nonce, readFileSync(stranger.caFile, 'utf8')))).toContain(
        'does not verify',
      );
    } finally {
      rmSync(stranger.dir, { recursive: true, force: true });
    }
    expect(await code(verifyResponse(reply, data, Buffer.from('12345678'), tsa.caPem))).toContain('nonce');
    const t = await verifyResponse(reply, data, nonce, tsa.caPem);
    const tampered = Buffer.from(t.token);
    // Flip a byte of the signature (near the end of the token).
    tampered[tampered.length - 10] = tampered[tampered.length - 10]! ^ 0xff;
    expect(await code(verifyToken(tampered, data, null, tsa.caPem))).not.toBe('accepted');
    expect(await code(verifyResponse(Buffer.from('not der'), data, null, tsa.caPem))).toContain(
      'not a time-stamp response',
    );
  });

  it('refuses a token signed by another certificate of the same CA (one not for time-stamping)', async () => {
    const run = (...args: string[]) => execFileSync('openssl', args, { cwd: tsa.dir, stdio: 'pipe' });
    // A TLS server's certificate under the same CA, made first and left to age past a second: a
    // certificate younger than the signature is refused for that reason instead, which would hide
    // what this test is about.
    run(
      ...['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'tls.key', '-out', 'tls.csr'],
      '-subj',
      '/CN=www.example.org',
    );
    writeFileSync(
      path.join(tsa.dir, 'tls.cnf'),
      'extendedKeyUsage=serverAuth\nkeyUsage=critical,digitalSignature\n',
    );
    run(
      ...['x509', '-req', '-in', 'tls.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial'],
      ...['-out', 'tls.pem', '-days', '3', '-extfile', 'tls.cnf'],
    );
    await new Promise((ok) => setTimeout(ok, 1500));
    const { reply, nonce } = await stamp();
    const t = await verifyResponse(reply, data, nonce, tsa.caPem);
    // The authority's TSTInfo, signed again with the TLS certificate.
    writeFileSync(path.join(tsa.dir, 'real.der'), t.token);
    run('cms', '-verify', '-noverify', '-inform', 'DER', '-in', 'real.der', '-binary', '-out', 'tst.der');
    run(
      ...[
        'cms',
        '-sign',
        '-binary',
        '-nodetach',
        '-econtent_type',
        '1.2.840.113549.1.9.16.1.4',
        '-in',
        'tst.der',
      ],
      ...[
        '-signer',
        'tls.pem',
        '-inkey',
        'tls.key',
        '-md',
        'sha256',
        '-outform',
        'DER',
        '-out',
        'forged.der',
      ],
    );
    const forged = readFileSync(path.join(tsa.dir, 'forged.der'));
    const e = await verifyToken(forged, data, nonce, tsa.caPem).then(
      () => 'accepted',
      (x: Error) => x.message,
    );
    expect(e).toContain('not a time-stamping certificate');
  });
});
