/**
 * Writing an HTTP exchange as a WARC file (ISO 28500, WARC/1.1) with warcio, the web-archiving
 * field's library: a warcinfo record, then for every hop (each redirect and the final answer) a
 * request record and a response record with the headers as sent and received, the address
 * connected to (WARC-IP-Address), and the block and payload digests warcio computes. Each record is
 * gzipped on its own, as web archives expect. The final body is streamed from its file twice (once
 * for the digests, once into the WARC), never held whole in memory and never copied outside the
 * data directory (warcio's own Node buffer would spill to the system's temporary directory).
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { WARCRecord, WARCSerializer } from 'warcio';
import type { Hop } from './safe-fetch.ts';

/** A serializer buffer that keeps nothing: the payload is read again from its file. */
class FileBackedBuffer {
  constructor(private readonly file: string | null) {}
  write(): void {
    // the bytes are in the file already
  }
  async *readAll(): AsyncGenerator<Uint8Array> {
    if (!this.file) return;
    for await (const chunk of createReadStream(this.file)) yield chunk as Buffer;
  }
  purge(): void {}
}

async function* fromFile(file: string): AsyncGenerator<Uint8Array> {
  for await (const chunk of createReadStream(file)) yield chunk as Buffer;
}

async function* once_(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  if (bytes.length) yield bytes;
}

/** Writes the exchange to `out`. `software` names athar and its version in the warcinfo record. */
export async function writeWarc(
  hops: Hop[],
  finalBodyFile: string,
  out: string,
  opts: { date: Date; software: string; operator?: string },
): Promise<void> {
  const date = opts.date.toISOString();
  const warcVersion = 'WARC/1.1' as const;
  const stream = createWriteStream(out, { mode: 0o600 });
  const write = async (bytes: Uint8Array) => {
    if (!stream.write(bytes)) await once(stream, 'drain');
  };
  try {
    const info = WARCRecord.createWARCInfo(
      { filename: 'capture.warc.gz', warcVersion, date },
      {
        software: opts.software,
        format: 'WARC File Format 1.1',
        ...(opts.operator ? { operator: opts.operator } : {}),
      },
    );
    for await (const c of new WARCSerializer(info, { gzip: true })) await write(c as Uint8Array);
    for (const [i, hop] of hops.entries()) {
      const last = i === hops.length - 1;
      const url = new URL(hop.url);
      const request = WARCRecord.create(
        {
          url: hop.url,
          date,
          type: 'request',
          warcVersion,
          keepHeadersCase: true,
          statusline: `GET ${url.pathname}${url.search} HTTP/1.1`,
          httpHeaders: hop.requestHeaders,
        },
        once_(new Uint8Array()),
      );
      for await (const c of new WARCSerializer(request, { gzip: true })) await write(c as Uint8Array);
      const response = WARCRecord.create(
        {
          url: hop.url,
          date,
          type: 'response',
          warcVersion,
          keepHeadersCase: true,
          statusline: `HTTP/${hop.httpVersion} ${hop.status} ${hop.statusText}`.trimEnd(),
          // The body is kept as Node gives it, de-chunked: a Transfer-Encoding header is kept
          // under the web archives' X-Archive-Orig- prefix, so replay tools do not de-chunk again.
          httpHeaders: hop.headers.map(([k, v]): [string, string] =>
            k.toLowerCase() === 'transfer-encoding' ? [`X-Archive-Orig-${k}`, v] : [k, v],
          ),
          warcHeaders: [['WARC-IP-Address', hop.remoteAddress]],
        },
        last ? fromFile(finalBodyFile) : once_(hop.body ?? new Uint8Array()),
      );
      const buffer = last ? new FileBackedBuffer(finalBodyFile) : undefined;
      for await (const c of new WARCSerializer(response, { gzip: true }, buffer))
        await write(c as Uint8Array);
    }
  } finally {
    stream.end();
    await once(stream, 'close');
  }
}
