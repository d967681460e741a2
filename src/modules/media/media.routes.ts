import { Readable } from 'node:stream';
import { Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import { CaseParams } from '#src/modules/cases/index.ts';
import { invalid } from '#src/platform/errors.ts';
import type { Http, Router } from '#src/platform/http/router.ts';
import { sniffFormat } from '#src/platform/media/media-sniffer.ts';
import { PageQuery } from '#src/platform/pagination.ts';
import { CaseRef, Uuid } from '#src/platform/schemas.ts';
import { verifyBlobs } from './blobs.ts';
import { captureUrl, listWebCaptures } from './capture-url.ts';
import { checkFile } from './check.ts';
import type { HashIndex } from './hash-index.ts';
import { ingest } from './ingest.ts';
import { KEYFRAMES_JPEG, RENDITION } from './working-copies.ts';
import { appendToUpload, cancelUpload, showUpload, startUpload } from './uploads.ts';
import {
  decideMatch,
  listMedia,
  listNotices,
  openOriginal,
  openThumbnail,
  openWorkingCopy,
  parseRange,
  type ByteRange,
  openWarc,
  showMedia,
  showMediaById,
  updateMedia,
  waitProcessed,
} from './media.ts';
import {
  BlobReport,
  CaptureUrlBody,
  CheckQuery,
  CheckResult,
  DecideMatchBody,
  IngestResult,
  MediaDetail,
  MediaListQuery,
  MediaNoticeList,
  MediaPage,
  UpdateMediaBody,
  UploadQuery,
  UploadState,
  StartUploadBody,
  AppendQuery,
  AppendResult,
  UrlCaptureResult,
  WebCaptureList,
} from './schemas.ts';

const ItemParams = Type.Object({ caseId: CaseRef, id: Uuid });
const read = { kind: 'case', permission: 'case.read' } as const;
const write = { kind: 'case', permission: 'case.write' } as const;
const review = { kind: 'case', permission: 'claim.review' } as const;

/** The file in the request body: sent as application/octet-stream, never parsed. */
function fileBody(http: Http): Readable {
  const body = http.request.body;
  if (!(body instanceof Readable))
    throw invalid(
      'media.body',
      'send the file itself as the request body, with Content-Type: application/octet-stream',
    );
  return body;
}

// The kinds a browser may show inline; anything else is only ever downloaded.
const INLINE = new Map([
  ['jpeg', 'image/jpeg'],
  ['png', 'image/png'],
  ['gif', 'image/gif'],
  ['webp', 'image/webp'],
  ['mp4', 'video/mp4'],
  ['webm', 'video/webm'],
]);

/**
 * The answer to a read of `size` bytes: all of them (200), one range of them (206, for a player
 * that seeks), or 416 when the range lies outside the file.
 */
function sendRange(reply: FastifyReply, size: number, range: ByteRange, stream: Readable | null) {
  if (range === 'unsatisfiable') {
    void reply.code(416).header('content-range', `bytes */${size}`);
    return '';
  }
  if (!range) {
    void reply.header('content-length', String(size));
    return stream;
  }
  void reply
    .code(206)
    .header('content-range', `bytes ${range.start}-${range.end}/${size}`)
    .header('content-length', String(range.end - range.start + 1));
  return stream;
}

function attachmentName(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** Media evidence of a case, and the blob store check. */
export function mediaRoutes(index: HashIndex) {
  return (r: Router): void => {
    const C = '/api/cases/:caseId/media';
    r.post(
      C,
      {
        access: write,
        tags: ['media'],
        summary: 'Store a file as evidence (the body is the file, streamed; the query says what it is)',
        description:
          'Send the file as the body with Content-Type: application/octet-stream. It is hashed while it streams to the blob store, stored once (the same bytes again make a second capture of the same item), and processed in the background; with wait=true the answer comes after processing. 413 when over ATHAR_MEDIA_LIMIT_BYTES (nothing is kept).',
        params: CaseParams,
        querystring: UploadQuery,
        response: IngestResult,
        status: 201,
        transaction: false,
      },
      async (ctx, { scope, query }, http) => {
        const { wait, ...facts } = query;
        const out = await ingest(ctx, scope, fileBody(http), { ...facts, clientAddress: http.request.ip });
        return wait ? { ...out, item: await waitProcessed(ctx, out.item) } : out;
      },
    );
    r.post(
      `${C}/uploads`,
      {
        access: write,
        tags: ['media'],
        summary: 'Begin a resumable upload (for large files and poor connections)',
        description:
          "Say the file's size and what it is (as for a plain upload); then send its bytes in pieces with PATCH …/uploads/:id?offset=N, each starting where the server's `received` says. The last piece stores the file like a plain upload. 413 when the size is over ATHAR_MEDIA_LIMIT_BYTES. See src/modules/media/uploads.ts for the protocol.",
        params: CaseParams,
        body: StartUploadBody,
        response: UploadState,
        status: 201,
        transaction: false,
      },
      (ctx, { scope, body }, http) => startUpload(ctx, scope, body, http.request.ip),
    );
    r.get(
      `${C}/uploads/:id`,
      {
        access: write,
        tags: ['media'],
        summary: 'Where a resumable upload stands: the bytes the server has (send from there)',
        params: ItemParams,
        response: UploadState,
        transaction: false,
      },
      (ctx, { scope, params }) => showUpload(ctx, scope, params.id),
    );
    r.patch(
      `${C}/uploads/:id`,
      {
        access: write,
        tags: ['media'],
        summary: 'Send the next piece of a resumable upload (the body is the bytes, from `offset`)',
        description:
          "Content-Type: application/octet-stream. 409 media.upload_offset when `offset` is not the server's `received` (ask with GET and go on from there); 413 past the declared size. With the last byte the file is stored and `result` holds the item and capture; repeating that last piece gives the same answer.",
        params: ItemParams,
        querystring: AppendQuery,
        response: AppendResult,
        transaction: false,
      },
      (ctx, { scope, params, query }, http) =>
        appendToUpload(ctx, scope, params.id, query.offset, fileBody(http)),
    );
    r.delete(
      `${C}/uploads/:id`,
      {
        access: write,
        tags: ['media'],
        summary: 'Abandon a resumable upload that is not complete (its bytes so far are removed)',
        params: ItemParams,
        status: 204,
        transaction: false,
      },
      async (ctx, { scope, params }) => {
        await cancelUpload(ctx, scope, params.id);
      },
    );
    r.post(
      `${C}/capture`,
      {
        access: write,
        tags: ['media'],
        summary: 'Capture a URL: athar fetches it, keeps the exchange as a WARC, and stores the media',
        description:
          'http and https only; private, loopback and link-local addresses are refused (checked on the address connected to) unless ATHAR_CAPTURE_ALLOW_PRIVATE is set; at most 5 redirects, ATHAR_CAPTURE_TIMEOUT_S for the whole exchange, ATHAR_MEDIA_LIMIT_BYTES for the body. A picture or a video becomes an item; a web page is kept as its WARC and the media it links to are captured too (up to 10).',
        params: CaseParams,
        body: CaptureUrlBody,
        response: UrlCaptureResult,
        status: 201,
        transaction: false,
      },
      (ctx, { scope, body }) => captureUrl(ctx, scope, body),
    );
    r.get(
      `${C}/captures`,
      {
        access: read,
        tags: ['media'],
        summary: "The case's URL captures, newest first (a page kept only as its WARC is found here)",
        params: CaseParams,
        response: WebCaptureList,
      },
      (ctx, { scope }) => listWebCaptures(ctx, scope),
    );
    r.get(
      `${C}/captures/:id/warc`,
      {
        access: read,
        tags: ['media'],
        summary: 'The WARC of a URL capture (a custody event on the audit trail)',
        params: ItemParams,
        transaction: true,
      },
      async (ctx, { scope, params }, { reply }) => {
        const { capture, stream } = await openWarc(ctx, scope, params.id);
        void reply
          .type('application/warc')
          .header('content-disposition', attachmentName(`capture-${capture.id}.warc.gz`))
          .header('content-length', String(capture.warc_size))
          .header('content-security-policy', "default-src 'none'; sandbox");
        return stream;
      },
    );
    r.post(
      `${C}/check`,
      {
        access: read,
        tags: ['media'],
        summary: 'Check a file against every stored item without keeping it',
        params: CaseParams,
        querystring: CheckQuery,
        response: CheckResult,
        transaction: false,
      },
      (ctx, { scope, query }, http) => checkFile(ctx, scope, index, fileBody(http), query.name),
    );
    r.get(
      C,
      {
        access: read,
        tags: ['media'],
        summary: 'Media of a case, oldest first',
        params: CaseParams,
        querystring: PageQuery(MediaListQuery),
        response: MediaPage,
      },
      (ctx, { scope, query }) => listMedia(ctx, scope, query),
    );
    r.get(
      `${C}/notices`,
      {
        access: { kind: 'case', permission: 'case.manage' },
        tags: ['media'],
        summary: "Copies of this case's items stored in cases it cannot see (case administrators)",
        params: CaseParams,
        response: MediaNoticeList,
      },
      (ctx, { scope }) => listNotices(ctx, scope),
    );
    r.get(
      `${C}/:id`,
      {
        access: read,
        tags: ['media'],
        summary: 'A media item: captures, metadata, matches, first seen and signals',
        params: ItemParams,
        response: MediaDetail,
      },
      (ctx, { scope, params }) => showMedia(ctx, scope, params.id),
    );
    r.patch(
      `${C}/:id`,
      {
        access: write,
        tags: ['media'],
        summary: "Set an item's sensitivity flags and its place",
        params: ItemParams,
        body: UpdateMediaBody,
        response: MediaDetail,
      },
      (ctx, { scope, params, body }) => updateMedia(ctx, scope, params.id, body),
    );
    r.get(
      `${C}/:id/original`,
      {
        access: read,
        tags: ['media'],
        summary: 'The original file (a custody event on the audit trail)',
        params: ItemParams,
        querystring: Type.Object(
          { download: Type.Optional(Type.Boolean({ default: false })) },
          { additionalProperties: false },
        ),
        // The custody event is written in the transaction that hands out the file.
        transaction: true,
      },
      async (ctx, { scope, params, query }, { reply, request }) => {
        const { item, stream, range } = await openOriginal(
          ctx,
          scope,
          params.id,
          query.download ? 'download' : 'view',
          request.headers.range,
        );
        const kind = await sniffFormat(ctx.blobs.pathOf(item.sha256));
        const inline = !query.download && kind !== null && INLINE.has(kind);
        void reply
          .type(inline ? INLINE.get(kind)! : 'application/octet-stream')
          .header('content-disposition', inline ? 'inline' : attachmentName(item.name))
          .header('accept-ranges', 'bytes')
          .header('content-security-policy', "default-src 'none'; sandbox");
        return sendRange(reply, Number(item.size), range, stream);
      },
    );
    r.get(
      `${C}/:id/thumbnail`,
      {
        access: read,
        tags: ['media'],
        summary: 'A small JPEG working copy (not the original; no custody event)',
        params: ItemParams,
      },
      async (ctx, { scope, params }, { reply }) => {
        const stream = await openThumbnail(ctx, scope, params.id);
        void reply.type('image/jpeg').header('cache-control', 'private, max-age=3600');
        return stream;
      },
    );
    r.get(
      `${C}/:id/keyframes`,
      {
        access: read,
        tags: ['media'],
        summary:
          "A video's keyframe strip: one JPEG of frames side by side (a working copy; no custody event)",
        params: ItemParams,
      },
      async (ctx, { scope, params }, { reply }) => {
        const stream = (await openWorkingCopy(ctx, scope, params.id, KEYFRAMES_JPEG)).open(null);
        void reply.type('image/jpeg').header('cache-control', 'private, max-age=3600');
        return stream;
      },
    );
    r.get(
      `${C}/:id/rendition`,
      {
        access: read,
        tags: ['media'],
        summary:
          'A web rendition of a video a browser would not play as it is (H.264, re-encoded: a working copy, not the evidence; no custody event)',
        params: ItemParams,
      },
      async (ctx, { scope, params }, { reply, request }) => {
        const { size, open } = await openWorkingCopy(ctx, scope, params.id, RENDITION);
        const range = parseRange(request.headers.range, size);
        void reply
          .type('video/mp4')
          .header('cache-control', 'private, max-age=3600')
          .header('accept-ranges', 'bytes')
          .header('content-security-policy', "default-src 'none'; sandbox");
        return sendRange(reply, size, range, range === 'unsatisfiable' ? null : open(range));
      },
    );
    r.post(
      `${C}/:id/matches`,
      {
        access: review,
        tags: ['media'],
        summary: 'Confirm or reject a suggested match (a rejection is remembered)',
        params: ItemParams,
        body: DecideMatchBody,
        response: MediaDetail,
      },
      (ctx, { scope, params, body }) => decideMatch(ctx, scope, params.id, body.otherId, body.decision),
    );
    r.get(
      '/api/media/:id',
      {
        access: { kind: 'authenticated' },
        tags: ['media'],
        summary: 'A media item by its id alone (members of its case only)',
        params: Type.Object({ id: Uuid }),
        response: MediaDetail,
      },
      (ctx, { params }) => showMediaById(ctx, params.id),
    );
    r.post(
      '/api/blobs/verify',
      {
        access: { kind: 'installation_admin' },
        tags: ['media'],
        summary: 'Re-hash every stored original; names any that changed or vanished',
        response: BlobReport,
        transaction: false,
      },
      (ctx) => verifyBlobs(ctx),
    );
  };
}
