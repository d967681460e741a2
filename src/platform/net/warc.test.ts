/**
 * A WARC written from an exchange reads back with warcio's parser: warcinfo, then a request and a
 * response per hop, the headers as exchanged, the address connected to, and the body with the
 * payload digest of its bytes.
 */
import { createHash } from 'node:crypto';
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { WARCParser } from 'warcio';
import type { Hop } from './safe-fetch.ts';
import { writeWarc } from './warc.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'athar-warc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeWarc', () => {
  it('records every hop as a request and a response, the body with its digest', async () => {
    const body = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(300_000, 7)]);
    const bodyFile = path.join(dir, 'body');
    writeFileSync(bodyFile, body);
    const hop = (url: string, status: number, extra: Partial<Hop> = {}): Hop => ({
      url,
      requestHeaders: [
        ['Host', new URL(url).host],
        ['User-Agent', 'athar-test'],
      ],
      status,
      statusText: status === 200 ? 'OK' : 'Found',
      httpVersion: '1.1',
      headers: [['Content-Type', status === 200 ? 'image/jpeg' : 'text/plain']],
      remoteAddress: '203.0.113.7',
      body: null,
      size: 0,
      ...extra,
    });
    const hops = [
      hop('https://example.org/p?id=1', 302, {
        body: Buffer.from('moved'),
        headers: [['Location', '/img.jpg']],
      }),
      hop('https://example.org/img.jpg', 200, { size: body.length }),
    ];
    const out = path.join(dir, 'capture.warc.gz');
    await writeWarc(hops, bodyFile, out, { date: new Date('2024-12-09T10:00:00Z'), software: 'athar 0.1.0' });

    const records = [];
    for await (const r of WARCParser.iterRecords(createReadStream(out))) {
      const content = await r.readFully(true);
      records.push({
        type: r.warcType,
        url: r.warcTargetURI,
        ip: r.warcHeaders.headers.get('WARC-IP-Address'),
        digest: r.warcHeaders.headers.get('WARC-Payload-Digest'),
        status: r.httpHeaders?.statusCode,
        statusline: r.httpHeaders?.statusline,
        location: r.httpHeaders?.headers.get('Location'),
        content: Buffer.from(content),
      });
    }
    expect(records.map((r) => [r.type, r.url ?? null])).toEqual([
      ['warcinfo', null],
      ['request', 'https://example.org/p?id=1'],
      ['response', 'https://example.org/p?id=1'],
      ['request', 'https://example.org/img.jpg'],
      ['response', 'https://example.org/img.jpg'],
    ]);
    expect(records[1]!.statusline).toBe('GET /p?id=1 HTTP/1.1');
    expect(records[2]).toMatchObject({ status: 302, location: '/img.jpg', ip: '203.0.113.7' });
    expect(records[2]!.content.toString()).toBe('moved');
    const last = records[4]!;
    expect(last.status).toBe(200);
    expect(last.content.equals(body)).toBe(true);
    expect(last.digest).toBe(`sha256:${createHash('sha256').update(body).digest('hex')}`);
  });
});
