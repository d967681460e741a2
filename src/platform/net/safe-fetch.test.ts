/**
 * The URL fetcher's guards, against servers on loopback: addresses refused by name, by literal,
 * by a DNS answer that mixes a public address with a private one, and after a redirect; redirects
 * recorded hop by hop; the size limit, the deadline and the redirect limit.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refusedAddress, safeFetch, type FetchPolicy } from './safe-fetch.ts';

let server: http.Server;
let base = '';
let port = 0;
let dir = '';
const seen: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'athar-fetch-'));
  server = http.createServer((req, res) => {
    seen.push(req.url ?? '');
    if (req.url === '/file')
      return res.writeHead(200, { 'Content-Type': 'image/jpeg', 'X-Test': 'a' }).end('0123456789');
    if (req.url === '/r') return res.writeHead(302, { Location: '/file' }).end('moved');
    if (req.url === '/loop') return res.writeHead(301, { Location: '/loop' }).end();
    if (req.url === '/to-file-scheme') return res.writeHead(302, { Location: 'file:///etc/passwd' }).end();
    if (req.url === '/big') return res.writeHead(200).end(Buffer.alloc(5000));
    if (req.url === '/slow') return; // never answers
    res.writeHead(404).end();
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((ok) => server.close(ok));
  rmSync(dir, { recursive: true, force: true });
});

const open: FetchPolicy = { allowPrivate: true, timeoutS: 5, maxBytes: 1000, userAgent: 'athar-test' };
const closed: FetchPolicy = { ...open, allowPrivate: false };
const out = () => path.join(dir, `body-${Math.random().toString(36).slice(2)}`);

async function failure(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await p;
  } catch (e) {
    return e as { code: string; message: string };
  }
  throw new Error('expected a failure');
}

describe('refusedAddress', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.1',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '::',
    'fe80::1',
    'fc00::1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
  ])('refuses %s', (a) => expect(refusedAddress(a, false)).toEqual(expect.any(String)));

  it.each(['8.8.8.8', '93.184.216.34', '2001:4860:4860::8888', '::ffff:8.8.8.8'])('allows %s', (a) =>
    expect(refusedAddress(a, false)).toBeNull(),
  );

  it('an administrator may allow private and loopback addresses, never multicast or unspecified', () => {
    expect(refusedAddress('127.0.0.1', true)).toBeNull();
    expect(refusedAddress('10.0.0.1', true)).toBeNull();
    expect(refusedAddress('224.0.0.1', true)).toEqual(expect.any(String));
    expect(refusedAddress('0.0.0.0', true)).toEqual(expect.any(String));
  });
});

describe('safeFetch', () => {
  it('fetches a file and records every hop of a redirect', async () => {
    const file = out();
    const hops = await safeFetch(`${base}/r`, open, file);
    expect(hops.map((h) => [h.url, h.status])).toEqual([
      [`${base}/r`, 302],
      [`${base}/file`, 200],
    ]);
    expect(hops[0]!.body?.toString()).toBe('moved');
    expect(hops[1]).toMatchObject({ remoteAddress: '127.0.0.1', size: 10, httpVersion: '1.1' });
    expect(hops[1]!.headers).toContainEqual(['X-Test', 'a']);
    expect(hops[1]!.requestHeaders).toContainEqual(['Accept-Encoding', 'identity']);
    expect(readFileSync(file, 'utf8')).toBe('0123456789');
  });

  it('refuses loopback by literal, by name and by IPv4-mapped IPv6, before any request is sent', async () => {
    const before = seen.length;
    expect((await failure(safeFetch(`${base}/file`, closed, out()))).code).toBe('capture.address_refused');
    const localhost = async () => [{ address: '127.0.0.1', family: 4 }];
    const e = await failure(
      safeFetch(`http://evil.test:${port}/file`, { ...closed, lookup: localhost }, out()),
    );
    expect(e.code).toBe('capture.address_refused');
    expect(e.message).toContain('evil.test resolves to an address athar may not reach');
    expect(e.message).not.toContain('127.0.0.1');
    expect((await failure(safeFetch(`http://[::ffff:127.0.0.1]:${port}/file`, closed, out()))).code).toBe(
      'capture.address_refused',
    );
    expect(seen.length).toBe(before);
  });

  it('refuses a name whose answer mixes a public address with a private one', async () => {
    const mixed = async () => [
      { address: '93.184.216.34', family: 4 },
      { address: '127.0.0.1', family: 4 },
    ];
    const e = await failure(
      safeFetch(`http://rebind.test:${port}/file`, { ...closed, lookup: mixed }, out()),
    );
    expect(e.code).toBe('capture.address_refused');
  });

  it('refuses a redirect to another scheme, a redirect loop, a body over the limit and a server that never answers', async () => {
    expect((await failure(safeFetch(`${base}/to-file-scheme`, open, out()))).code).toBe('capture.url');
    expect((await failure(safeFetch(`${base}/loop`, open, out()))).code).toBe('capture.redirects');
    expect((await failure(safeFetch(`${base}/big`, open, out()))).code).toBe('capture.too_large');
    const slow = await failure(safeFetch(`${base}/slow`, { ...open, timeoutS: 1 }, out()));
    expect(slow.code).toBe('capture.timeout');
  });

  it('refuses what is not an http or https URL', async () => {
    for (const u of ['file:///etc/passwd', 'ftp://example.org/x', 'not a url', 'http://user:pw@example.org/'])
      expect((await failure(safeFetch(u, open, out()))).code).toBe('capture.url');
  });
});
