/**
 * A time-stamping authority for tests, made in the test with `openssl ts` (OpenSSL's RFC 3161
 * responder) and served on loopback: a CA, a TSA certificate it signs (extendedKeyUsage
 * timeStamping, critical), and an HTTP endpoint that answers each `application/timestamp-query`
 * with `openssl ts -reply`. Nothing leaves the machine.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface TestAuthority {
  url: string;
  /** The CA certificate (PEM): what athar is told to trust. */
  caPem: string;
  caFile: string;
  tsaFile: string;
  dir: string;
  /** Requests answered so far. */
  answered: number;
  close(): Promise<void>;
}

const openssl = (dir: string, ...args: string[]) =>
  execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });

/** Makes a CA (named `name`) and a TSA certificate in a fresh folder. */
export function makeCa(name: string): { dir: string; caFile: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'athar-tsa-'));
  openssl(
    dir,
    ...['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '3'],
    ...['-subj', `/CN=${name}`, '-addext', 'basicConstraints=critical,CA:TRUE'],
    ...['-addext', 'keyUsage=critical,keyCertSign,cRLSign'],
  );
  return { dir, caFile: path.join(dir, 'ca.pem') };
}

/** What `openssl ts -verify` says of a token (DER TimeStampToken) for `data`, with this authority's chain. */
export function opensslVerify(tsa: TestAuthority, data: Buffer | string, token: Buffer): string {
  const dataFile = path.join(tsa.dir, `verify-${++verifications}.data`);
  const tokenFile = path.join(tsa.dir, `verify-${verifications}.tst`);
  writeFileSync(dataFile, data);
  writeFileSync(tokenFile, token);
  return execFileSync(
    'openssl',
    [
      'ts',
      '-verify',
      '-data',
      dataFile,
      '-in',
      tokenFile,
      '-token_in',
      '-CAfile',
      tsa.caFile,
      '-untrusted',
      tsa.tsaFile,
    ],
    { encoding: 'utf8', timeout: 60_000 },
  );
}
let verifications = 0;

export async function startTestAuthority(): Promise<TestAuthority> {
  const { dir, caFile } = makeCa('athar test CA');
  openssl(
    dir,
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'tsa.key',
    '-out',
    'tsa.csr',
    '-subj',
    '/CN=athar test TSA',
  );
  writeFileSync(
    path.join(dir, 'ext.cnf'),
    'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=critical,timeStamping\n',
  );
  openssl(
    dir,
    ...['x509', '-req', '-in', 'tsa.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial'],
    ...['-out', 'tsa.pem', '-days', '3', '-extfile', 'ext.cnf'],
  );
  writeFileSync(path.join(dir, 'tsaserial'), '01\n');
  writeFileSync(
    path.join(dir, 'tsa.cnf'),
    [
      '[ tsa ]',
      'default_tsa = test_tsa',
      '[ test_tsa ]',
      `dir = ${dir}`,
      'serial = $dir/tsaserial',
      'crypto_device = builtin',
      'signer_cert = $dir/tsa.pem',
      'certs = $dir/ca.pem',
      'signer_key = $dir/tsa.key',
      'signer_digest = sha256',
      'default_policy = 1.3.6.1.4.1.99999.1',
      'digests = sha256',
      'accuracy = secs:1',
      'ordering = yes',
      'tsa_name = yes',
      'ess_cert_id_chain = no',
      'ess_cert_id_alg = sha256',
      '',
    ].join('\n'),
  );
  let n = 0;
  const authority: TestAuthority = {
    url: '',
    caPem: readFileSync(caFile, 'utf8'),
    caFile,
    tsaFile: path.join(dir, 'tsa.pem'),
    dir,
    answered: 0,
    async close() {
      server.closeAllConnections();
      await new Promise((ok) => server.close(ok));
      rmSync(dir, { recursive: true, force: true });
    },
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method !== 'POST' || req.headers['content-type'] !== 'application/timestamp-query')
        return res.writeHead(415).end();
      const q = path.join(dir, `q${++n}.tsq`);
      const r = path.join(dir, `r${n}.tsr`);
      writeFileSync(q, Buffer.concat(chunks));
      try {
        openssl(dir, 'ts', '-reply', '-config', path.join(dir, 'tsa.cnf'), '-queryfile', q, '-out', r);
      } catch {
        return res.writeHead(500).end();
      }
      authority.answered++;
      res.writeHead(200, { 'content-type': 'application/timestamp-reply' }).end(readFileSync(r));
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  authority.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/tsa`;
  return authority;
}
