/**
 * Fetching a URL a user gave, without letting the URL aim athar at anything it should not reach.
 *
 * - http and https only; no user name or password in the URL.
 * - The host is resolved once, by athar's own lookup, and every address it resolves to must be a
 *   public unicast address (not private, loopback, link-local, unique-local, carrier-grade NAT,
 *   multicast, reserved or unspecified; IPv4-mapped IPv6 is judged as the IPv4 it carries) —
 *   unless an administrator allows private addresses (ATHAR_CAPTURE_ALLOW_PRIVATE). The connection
 *   is made to the address that lookup checked, so a DNS answer that changes between a check and a
 *   connection (rebinding) cannot slip through; and the socket's remote address is checked again
 *   once connected, before any byte of the answer is read.
 * - Redirects are followed by hand (at most 5), each new URL judged like the first.
 * - One deadline for the whole exchange (every hop and the body), and a size limit on the body.
 * - `Accept-Encoding: identity`: the body is stored as the server sent the file, not recompressed.
 *
 * What comes back is every hop's request and response (status, raw headers, the address
 * connected to), for the WARC record; the final body is written to a file the caller names.
 */
import dns from 'node:dns';
import { createWriteStream } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { LookupAddress } from 'node:dns';
import type { Socket } from 'node:net';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import ipaddr from 'ipaddr.js';
import { AppError, invalid, unavailable } from '#src/platform/errors.ts';

export type Lookup = (hostname: string) => Promise<LookupAddress[]>;

export interface FetchPolicy {
  allowPrivate: boolean;
  timeoutS: number;
  maxBytes: number;
  maxRedirects?: number;
  /** Stop at the final answer's headers (a check that a URL is still online): no body is read. */
  headersOnly?: boolean;
  userAgent: string;
  /** Name resolution (tests give their own); the system resolver by default. */
  lookup?: Lookup;
}

export interface Hop {
  url: string;
  requestHeaders: [string, string][];
  status: number;
  statusText: string;
  httpVersion: string;
  /** Response headers as sent, in order, names as written. */
  headers: [string, string][];
  remoteAddress: string;
  /** A redirect's body (at most 64 KiB kept); the final hop's body is in the caller's file. */
  body: Buffer | null;
  /** Bytes of body received (the final hop: written to the file). */
  size: number;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const REDIRECT_BODY_KEEP = 64 * 1024;

const systemLookup: Lookup = (hostname) => dns.promises.lookup(hostname, { all: true, verbatim: true });

/** Why an address may not be reached, or null when it may. */
export function refusedAddress(address: string, allowPrivate: boolean): string | null {
  if (!ipaddr.isValid(address)) return `${address} is not an IP address`;
  const ip = ipaddr.process(address); // an IPv4-mapped IPv6 address becomes the IPv4 it carries
  const range = ip.range();
  if (range === 'unicast') return null;
  if (allowPrivate && ['private', 'loopback', 'linkLocal', 'uniqueLocal', 'carrierGradeNat'].includes(range))
    return null;
  return `${ip.toString()} is a ${range} address${allowPrivate ? '' : ' (an administrator may allow private addresses: ATHAR_CAPTURE_ALLOW_PRIVATE)'}`;
}

function refuse(url: string, reason: string): AppError {
  return invalid('capture.address_refused', `${url}: not fetched: ${reason}`, {
    details: { url, reason },
  });
}

/** A URL athar may try to fetch (scheme, form), as a URL object. */
export function checkUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw invalid('capture.url', `url: not a URL: ${raw.slice(0, 200)}`, {
      issues: [{ field: 'url', message: 'not a URL' }],
    });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw invalid('capture.url', `url: only http and https URLs are fetched, not ${url.protocol}`, {
      issues: [{ field: 'url', message: `only http and https, not ${url.protocol}` }],
    });
  if (url.username || url.password)
    throw invalid('capture.url', 'url: a URL with a user name or password is not fetched', {
      issues: [{ field: 'url', message: 'carries a user name or password' }],
    });
  return url;
}

interface Exchange {
  hop: Hop;
  location: string | null;
}

/** Fetches `raw`, following redirects; the final body goes to `bodyFile`. */
export async function safeFetch(raw: string, policy: FetchPolicy, bodyFile: string): Promise<Hop[]> {
  const lookup = policy.lookup ?? systemLookup;
  const deadline = Date.now() + policy.timeoutS * 1000;
  const hops: Hop[] = [];
  let url = checkUrl(raw);
  for (;;) {
    const { hop, location } = await exchange(url, policy, lookup, deadline, bodyFile);
    hops.push(hop);
    if (!location) return hops;
    if (hops.length > (policy.maxRedirects ?? 5))
      throw invalid(
        'capture.redirects',
        `${raw}: more than ${policy.maxRedirects ?? 5} redirects; not followed`,
        {
          details: { url: raw, hops: hops.map((h) => h.url) },
        },
      );
    let next: URL;
    try {
      next = new URL(location, url);
    } catch {
      throw invalid('capture.redirect', `${url.href}: redirects to something that is not a URL`, {
        details: { url: url.href, location: location.slice(0, 200) },
      });
    }
    url = checkUrl(next.href);
  }
}

function exchange(
  url: URL,
  policy: FetchPolicy,
  lookup: Lookup,
  deadline: number,
  bodyFile: string,
): Promise<Exchange> {
  const remaining = deadline - Date.now();
  if (remaining <= 0) return Promise.reject(timedOut(url.href, policy.timeoutS));
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (ipaddr.isValid(host)) {
    const why = refusedAddress(host, policy.allowPrivate);
    if (why) return Promise.reject(refuse(url.href, why));
  }
  const requestHeaders: [string, string][] = [
    ['Host', url.host],
    ['User-Agent', policy.userAgent],
    ['Accept', '*/*'],
    ['Accept-Encoding', 'identity'],
    ['Connection', 'close'],
  ];
  return new Promise<Exchange>((resolve, reject) => {
    let settled = false;
    const fail = (e: unknown) => {
      if (settled) return;
      settled = true;
      req.destroy();
      reject(e instanceof Error ? e : new Error(String(e)));
    };
    // Node asks for every address (opts.all) when it races IPv4 and IPv6 (autoSelectFamily).
    const checkedLookup = (
      hostname: string,
      opts: { all?: boolean } | undefined,
      cb: (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
    ) => {
      lookup(hostname).then(
        (addresses) => {
          if (addresses.length === 0)
            return cb(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '');
          for (const a of addresses) {
            const why = refusedAddress(a.address, policy.allowPrivate);
            // Every address the name gives must be allowed: one bad answer among good ones is a trick.
            if (why) {
              // Which address, and what kind, is not said: a refusal must not map the host names
              // of athar's own network for whoever tries them.
              fail(
                refuse(
                  url.href,
                  `${hostname} resolves to an address athar may not reach (private, loopback, link-local or reserved${policy.allowPrivate ? '' : '; an administrator may allow private addresses: ATHAR_CAPTURE_ALLOW_PRIVATE'})`,
                ),
              );
              return cb(Object.assign(new Error('refused'), { code: 'EREFUSED' }), '');
            }
          }
          if (opts?.all) return cb(null, addresses);
          const first = addresses[0]!;
          cb(null, first.address, first.family);
        },
        (e: NodeJS.ErrnoException) => cb(e, ''),
      );
    };
    const client = url.protocol === 'https:' ? https : http;
    const req = client.request(url, {
      method: 'GET',
      headers: Object.fromEntries(requestHeaders.filter(([k]) => k !== 'Host')),
      lookup: checkedLookup,
      agent: false,
      timeout: remaining,
    });
    const timer = setTimeout(() => fail(timedOut(url.href, policy.timeoutS)), remaining);
    timer.unref();
    const verifySocket = (socket: Socket) => {
      const addr = socket.remoteAddress;
      const why = addr ? refusedAddress(addr, policy.allowPrivate) : 'no remote address';
      if (why) fail(refuse(url.href, 'connected to an address athar may not reach'));
    };
    req.on('socket', (socket: Socket) => {
      if (socket.remoteAddress) verifySocket(socket);
      else socket.once('connect', () => verifySocket(socket));
    });
    req.on('timeout', () => fail(timedOut(url.href, policy.timeoutS)));
    req.on('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      fail(
        unavailable('capture.unreachable', `${url.href}: could not be fetched (${e.code ?? e.message})`, {
          details: { url: url.href, reason: e.code ?? e.message },
        }),
      );
    });
    req.on('response', (res) => {
      const socket = res.socket;
      verifySocket(socket);
      if (settled) return;
      const headers: [string, string][] = [];
      for (let i = 0; i + 1 < res.rawHeaders.length; i += 2)
        headers.push([res.rawHeaders[i]!, res.rawHeaders[i + 1]!]);
      const hop: Hop = {
        url: url.href,
        requestHeaders,
        status: res.statusCode ?? 0,
        statusText: res.statusMessage ?? '',
        httpVersion: res.httpVersion,
        headers,
        remoteAddress: socket.remoteAddress ?? '',
        body: null,
        size: 0,
      };
      const location = REDIRECTS.has(hop.status) ? (res.headers.location ?? null) : null;
      const declared = Number(res.headers['content-length']);
      if (!location && Number.isFinite(declared) && declared > policy.maxBytes)
        return fail(tooLarge(url.href, policy.maxBytes));
      const counter = new Transform({
        transform(chunk: Buffer, _enc, done) {
          hop.size += chunk.length;
          if (!location && hop.size > policy.maxBytes) return done(tooLarge(url.href, policy.maxBytes));
          done(null, chunk);
        },
      });
      if (location) {
        const kept: Buffer[] = [];
        let keptBytes = 0;
        res.on('data', (c: Buffer) => {
          hop.size += c.length;
          if (keptBytes < REDIRECT_BODY_KEEP) {
            kept.push(c.subarray(0, REDIRECT_BODY_KEEP - keptBytes));
            keptBytes += Math.min(c.length, REDIRECT_BODY_KEEP - keptBytes);
          }
        });
        res.on('end', () => {
          clearTimeout(timer);
          if (settled) return;
          settled = true;
          hop.body = Buffer.concat(kept);
          resolve({ hop, location });
        });
        res.on('error', fail);
        return;
      }
      if (policy.headersOnly) {
        clearTimeout(timer);
        settled = true;
        res.destroy();
        resolve({ hop, location: null });
        return;
      }
      pipeline(res, counter, createWriteStream(bodyFile, { mode: 0o600 })).then(
        () => {
          clearTimeout(timer);
          if (settled) return;
          settled = true;
          resolve({ hop, location: null });
        },
        (e: unknown) =>
          fail(
            e instanceof AppError
              ? e
              : unavailable(
                  'capture.unreachable',
                  `${url.href}: the answer was cut off (${(e as Error).message})`,
                  { details: { url: url.href } },
                ),
          ),
      );
    });
    req.end();
  });
}

function timedOut(url: string, timeoutS: number): AppError {
  return unavailable(
    'capture.timeout',
    `${url}: not fetched within ${timeoutS} s (ATHAR_CAPTURE_TIMEOUT_S)`,
    {
      details: { url, timeoutS },
    },
  );
}

function tooLarge(url: string, maxBytes: number): AppError {
  return new AppError(
    'too_large',
    'capture.too_large',
    `${url}: larger than ${maxBytes} bytes (ATHAR_MEDIA_LIMIT_BYTES); not kept`,
    {
      details: { url, maxBytes },
    },
  );
}
