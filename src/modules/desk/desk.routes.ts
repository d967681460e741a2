import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { notFound, unavailable } from '#src/platform/errors.ts';
import type { Router } from '#src/platform/http/router.ts';
import { deskFiles, type DeskFile } from './desk-files.ts';

/** Paths that are the API's (and its 404s problem+json), never the desk's client-side routes. */
const NOT_THE_DESK = /^\/(api|public)(\/|$)|^\/(healthz|readyz)$/;
const open = { kind: 'public' } as const;

/**
 * The desk's Content-Security-Policy: its own scripts, styles, images, media and API, nothing inline and
 * nothing from another origin; user content cannot become a script even if it reached the page
 * as markup. (React sets `style` through the DOM, which style-src does not govern.)
 */
export function deskPolicy(https: boolean): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    // The player plays an original from athar's own API, nothing else.
    "media-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "object-src 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

function send(request: FastifyRequest, reply: FastifyReply, file: DeskFile, cache: string): Buffer {
  void reply
    .header('cache-control', cache)
    .header('etag', file.etag)
    .header('vary', 'accept-encoding')
    .type(file.type);
  if (request.headers['if-none-match'] === file.etag) {
    void reply.status(304);
    return Buffer.alloc(0);
  }
  const accepts = String(request.headers['accept-encoding'] ?? '');
  if (/\bbr\b/.test(accepts)) {
    void reply.header('content-encoding', 'br');
    return file.br;
  }
  if (/\bgzip\b/.test(accepts)) {
    void reply.header('content-encoding', 'gzip');
    return file.gzip;
  }
  return file.body;
}

function indexPage(request: FastifyRequest, reply: FastifyReply, policy: string): Buffer {
  const index = deskFiles().get('/index.html');
  if (!index)
    throw unavailable(
      'desk.not_built',
      'the web desk is not built: run npm run build (npm install builds it)',
    );
  void reply.header('content-security-policy', policy);
  // The page itself is never cached: it names the current build's assets.
  return send(request, reply, index, 'no-cache');
}

/**
 * The web desk (web/, built into web/dist at install): its assets, and its page for every path
 * that is not the API's, so that the desk's own routes survive a reload and can be shared.
 */
export function deskRoutes(r: Router, opts: { https: boolean }): void {
  const policy = deskPolicy(opts.https);
  r.get(
    '/',
    { access: open, tags: ['desk'], summary: 'The web desk', hide: true },
    async (_ctx, _in, { request, reply }) => indexPage(request, reply, policy),
  );

  r.get(
    '/assets/:file',
    {
      access: open,
      tags: ['desk'],
      summary: 'A file of the web desk',
      hide: true,
      params: Type.Object({ file: Type.String({ maxLength: 200 }) }),
    },
    async (_ctx, { params }, { request, reply }) => {
      const file = deskFiles().get(`/assets/${params.file}`);
      if (!file) throw notFound('route.not_found', `no desk file ${params.file.slice(0, 100)}`);
      // Built files are named after their content: they never change, so they are cached for good.
      return send(request, reply, file, 'public, max-age=31536000, immutable');
    },
  );

  r.get(
    '/*',
    { access: open, tags: ['desk'], summary: "The web desk's own routes", hide: true },
    async (_ctx, _in, { request, reply }) => {
      const path = request.url.split('?')[0]!;
      if (NOT_THE_DESK.test(path)) throw notFound('route.not_found', `no route GET ${path}`);
      const top = deskFiles().get(path);
      if (top && path !== '/index.html') return send(request, reply, top, 'public, max-age=3600');
      return indexPage(request, reply, policy);
    },
  );
}
