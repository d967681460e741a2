/**
 * Capturing a URL: athar fetches it (safe-fetch.ts: public addresses only unless an administrator
 * allows private ones, checked on the address actually connected to; redirect, time and size
 * limits), keeps the whole exchange as a WARC in the blob store, and — when the body is a picture
 * or a video — stores the body as an item with a `url` capture (who, when by the server's clock,
 * the final URL and the address it came from, athar's version, the SHA-256, the notes and what the
 * source claims). A web page is kept as its WARC, and the media it links to (its cards' pictures
 * and videos, <video> sources, the first pictures; up to 10) are captured the same way, each with
 * its own WARC, as captures whose parent is the page's.
 *
 * The same URL captured twice is two web captures of one URL; when it gave the same bytes both
 * times, they are two captures of one item.
 */
import { createReadStream } from 'node:fs';
import { readFile, rm, stat } from 'node:fs/promises';
import type { CaseScope } from '#src/platform/access.ts';
import type { Context } from '#src/platform/context.ts';
import { isAppError } from '#src/platform/errors.ts';
import { hashFile } from '#src/platform/blobs/blob-store.ts';
import { sniffFormat } from '#src/platform/media/media-sniffer.ts';
import { mediaLinks } from '#src/platform/net/media-links.ts';
import { checkUrl, safeFetch, type Hop } from '#src/platform/net/safe-fetch.ts';
import { writeWarc } from '#src/platform/net/warc.ts';
import { ingest, TOOL_VERSION } from './ingest.ts';
import { MediaRepository, type WebCaptureRow } from './media.repository.ts';
import type { CaptureUrlBody, IngestResult, UrlCaptureResult, WebCapture } from './schemas.ts';

export const CAPTURE_TOOL = 'athar-capture';
/** A page larger than this is kept (in its WARC) but not read for links. */
const PAGE_READ_LIMIT = 5 * 1024 * 1024;
const LINK_LIMIT = 10;

const MEDIA_FORMATS = new Set(['jpeg', 'png', 'gif', 'webp', 'mp4', 'webm']);

function header(hop: Hop, name: string): string | null {
  const h = hop.headers.find(([k]) => k.toLowerCase() === name);
  return h ? h[1] : null;
}

/** A file name for an item captured from a URL: the last part of its path, else the host. */
function nameFrom(url: string): string {
  const u = new URL(url);
  const raw = u.pathname.split('/').filter(Boolean).pop() ?? '';
  let last: string;
  try {
    last = decodeURIComponent(raw);
  } catch {
    last = raw; // an escape that is not UTF-8 (%E9 from an old site) stays as written
  }
  // eslint-disable-next-line no-control-regex
  last = last.replace(/[\u0000-\u001f\u007f]/g, '').replace(/[\\/]/g, '_');
  return (last || u.hostname).slice(0, 255);
}

export function presentWebCapture(r: WebCaptureRow): WebCapture {
  return {
    id: r.id,
    parentId: r.parent_id,
    url: r.url,
    finalUrl: r.final_url,
    redirects: r.redirects,
    httpStatus: r.http_status,
    contentType: r.content_type,
    remoteAddress: r.remote_address,
    warcSha256: r.warc_sha256,
    warcSize: Number(r.warc_size),
    bodySha256: r.body_sha256,
    bodySize: Number(r.body_size),
    itemId: r.item_id,
    capturedBy: r.captured_by,
    capturedAt: r.captured_at.toISOString(),
    notes: r.notes,
  };
}

interface One {
  capture: WebCapture;
  item: IngestResult | null;
  html: string | null;
}

async function captureOne(
  ctx: Context,
  scope: CaseScope,
  url: string,
  input: CaptureUrlBody,
  parentId: string | null,
  fileIn: (name: string) => string,
  n: number,
): Promise<One> {
  const body = fileIn(`body-${n}`);
  const warc = fileIn(`warc-${n}`);
  try {
    return await captureInto(ctx, scope, url, input, parentId, body, warc);
  } finally {
    // Each capture's scratch files go as soon as it is stored: a page's ten linked videos never
    // sit in the data directory twice over.
    await rm(body, { force: true });
    await rm(warc, { force: true });
  }
}

async function captureInto(
  ctx: Context,
  scope: CaseScope,
  url: string,
  input: CaptureUrlBody,
  parentId: string | null,
  body: string,
  warc: string,
): Promise<One> {
  const hops = await safeFetch(
    url,
    {
      allowPrivate: ctx.config.captureAllowPrivate,
      timeoutS: ctx.config.captureTimeoutS,
      maxBytes: ctx.config.mediaLimitBytes,
      userAgent: `athar/${TOOL_VERSION} (evidence capture)`,
    },
    body,
  );
  const final = hops[hops.length - 1]!;
  const capturedAt = ctx.clock.now();
  await writeWarc(hops, body, warc, {
    date: capturedAt,
    software: `${CAPTURE_TOOL} ${TOOL_VERSION}`,
    operator: ctx.config.organisationName,
  });
  const warcBlob = await ctx.blobs.putFile(warc, ctx.config.mediaLimitBytes + 64 * 1024 * 1024);
  const size = (await stat(body)).size;
  const bodySha = size > 0 ? await hashFile(body) : null;
  const contentType = header(final, 'content-type');
  const ok = final.status >= 200 && final.status < 300;
  const format = ok && size > 0 ? await sniffFormat(body) : null;

  const row = (itemId: string | null, id: string) => ({
    id,
    case_id: scope.case.id,
    parent_id: parentId,
    url: checkUrl(url).href,
    final_url: final.url,
    http_status: final.status,
    content_type: contentType?.slice(0, 200) ?? null,
    remote_address: final.remoteAddress,
    redirects: hops.length - 1,
    warc_sha256: warcBlob.sha256,
    warc_size: warcBlob.size,
    body_sha256: bodySha,
    body_size: size,
    item_id: itemId,
    captured_by_id: ctx.actor.userId,
    captured_by: ctx.actor.username,
    captured_at: capturedAt,
    notes: input.notes ?? '',
  });
  const record = async (tx: Context, itemId: string | null) => {
    const created = await tx.repo(MediaRepository).createWebCapture(row(itemId, tx.ids.uuid()));
    const capture = presentWebCapture(created);
    tx.audit({
      action: 'media.url_captured',
      entityType: 'web_capture',
      entityId: created.id,
      caseId: scope.case.id,
      after: capture,
    });
    return capture;
  };

  if (format && MEDIA_FORMATS.has(format)) {
    let capture: WebCapture | null = null;
    const item = await ingest(
      ctx,
      scope,
      createReadStream(body),
      {
        name: nameFrom(final.url),
        method: 'url',
        sourceUrl: final.url,
        from: `${final.url} (${final.remoteAddress})`,
        tool: CAPTURE_TOOL,
        toolVersion: TOOL_VERSION,
        ...(input.notes !== undefined ? { notes: input.notes } : {}),
        ...(input.platform !== undefined ? { platform: input.platform } : {}),
        ...(input.account !== undefined ? { account: input.account } : {}),
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.postedAt !== undefined ? { postedAt: input.postedAt } : {}),
      },
      { within: async (tx, itemId) => void (capture = await record(tx, itemId)) },
    );
    return { capture: capture!, item, html: null };
  }
  const capture = await ctx.transaction((tx) => record(tx, null));
  const isHtml = ok && /^\s*(text\/html|application\/xhtml\+xml)/i.test(contentType ?? '');
  const html = isHtml && size <= PAGE_READ_LIMIT ? await readFile(body, 'utf8') : null;
  return { capture, item: null, html };
}

/** A case's URL captures, newest first (a page kept only as its WARC is found here). */
export async function listWebCaptures(ctx: Context, scope: CaseScope): Promise<{ captures: WebCapture[] }> {
  return {
    captures: (await ctx.repo(MediaRepository).webCaptures(scope.case.id, 1000)).map(presentWebCapture),
  };
}

/** Captures `input.url` (and, for a page, the media it links to) into the case. */
export async function captureUrl(
  ctx: Context,
  scope: CaseScope,
  input: CaptureUrlBody,
): Promise<UrlCaptureResult> {
  return ctx.blobs.withScratch(async (fileIn) => {
    const page = await captureOne(ctx, scope, input.url, input, null, fileIn, 0);
    const linked: UrlCaptureResult['linked'] = [];
    if (page.html !== null && input.linked !== false) {
      const links = mediaLinks(page.html, page.capture.finalUrl, LINK_LIMIT);
      for (const [i, link] of links.entries()) {
        try {
          const one = await captureOne(ctx, scope, link, input, page.capture.id, fileIn, i + 1);
          linked.push({ url: link, capture: one.capture, item: one.item, error: null });
        } catch (e) {
          // One linked file that cannot be fetched does not undo the page or the others.
          if (!isAppError(e)) throw e;
          linked.push({ url: link, capture: null, item: null, error: { code: e.code, message: e.message } });
        }
      }
    }
    return { capture: page.capture, item: page.item, linked };
  });
}
