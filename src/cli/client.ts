import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import type { Readable } from 'node:stream';
import { AppError, kindForStatus, invalid, unavailable } from '#src/platform/errors.ts';
import type { Config } from '#src/platform/config.ts';
import { readOwner } from '#src/platform/database/lock.ts';

/**
 * The CLI is a client of the HTTP API with one code path and three transports:
 * - in process, through Fastify's inject(), when no server owns the data directory;
 * - over HTTP to the `athar serve` that owns it (found through its lock, with its local token);
 * - to a remote server with --server URL (ATHAR_TOKEN authenticates).
 * Authorisation and audit therefore happen in one place, the API.
 */
export interface ApiClient {
  transport: 'in-process' | 'owner' | 'remote';
  request<T = unknown>(method: string, path: string, opts?: RequestOptions): Promise<T>;
  /**
   * Saves a binary answer (an archive) to `file`, which must not exist yet (made 0600), streamed,
   * never held in memory; gives the answer's headers and the SHA-256 of what was saved.
   */
  download(method: string, path: string, file: string, opts?: RequestOptions): Promise<Download>;
  close(): Promise<void>;
}

export interface Download {
  headers: Record<string, string>;
  sha256: string;
  size: number;
}

/** Writes `body` to a new file, hashing it on the way. */
async function saveStream(body: Readable, file: string): Promise<{ sha256: string; size: number }> {
  const fh = await open(file, 'wx', 0o600);
  const hash = createHash('sha256');
  let size = 0;
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      hash.update(chunk);
      size += chunk.length;
      await fh.write(chunk);
    }
    await fh.sync();
  } finally {
    await fh.close();
  }
  return { sha256: hash.digest('hex'), size };
}

async function readAll(body: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of body as AsyncIterable<Buffer>) chunks.push(c);
  return Buffer.concat(chunks).toString('utf8');
}

function flatHeaders(h: http.IncomingHttpHeaders | http.OutgoingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h))
    if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : String(v);
  return out;
}

/** Query parameters; a list is sent as the parameter repeated (`map=a&map=b`). */
type Query = Record<string, string | number | boolean | readonly string[] | undefined>;

/** A JSON body, or a local file streamed as the body (application/octet-stream: media uploads). */
export interface RequestOptions {
  body?: unknown;
  file?: string;
  query?: Query;
  /** Told as a file body is read out (bytes so far, the file's size): a progress bar. */
  onSent?: (sent: number, total: number) => void;
}

/** The file as a stream, telling `onSent` how far it has been read. */
function fileStream(file: string, onSent?: RequestOptions['onSent']) {
  const source = createReadStream(file);
  if (onSent) {
    const total = statSync(file).size;
    let sent = 0;
    source.on('data', (c) => {
      sent += c.length;
      onSent(sent, total);
    });
  }
  return source;
}

/**
 * Every page of a list (the API pages every list: `limit`, `cursor`, `nextCursor`), as one
 * answer of the same shape, for commands that show a whole list.
 */
export async function requestAll<T extends { nextCursor: string | null }>(
  client: ApiClient,
  path: string,
  key: keyof T & string,
  query: Query = {},
): Promise<T> {
  let page = await client.request<T>('GET', path, { query: { ...query, limit: 500 } });
  const items = [...(page[key] as unknown[])];
  while (page.nextCursor !== null) {
    page = await client.request<T>('GET', path, { query: { ...query, limit: 500, cursor: page.nextCursor } });
    items.push(...(page[key] as unknown[]));
  }
  return { ...page, [key]: items, nextCursor: null };
}

export interface ConnectOptions {
  server?: string | undefined;
  as?: string | undefined;
  /** Apply migrations when opening the database in process (off for `db migrate`, which does it through the API). */
  migrate?: boolean;
  /** Start the job queue and workers in process (commands that create jobs). */
  jobs?: boolean;
}

function buildPath(path: string, query?: Query): string {
  if (!query) return path;
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined) continue;
    if (Array.isArray(v)) for (const x of v as readonly string[]) qs.append(k, x);
    else qs.set(k, String(v));
  }
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}

/** Turns a problem+json response into the AppError the API raised, so exit codes match. */
function problemToError(status: number, text: string): AppError {
  let body: {
    code?: string;
    detail?: string;
    title?: string;
    errors?: { field: string; message: string }[];
  } = {};
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    // not JSON: keep the raw text
  }
  return new AppError(
    kindForStatus(status),
    body.code ?? `http.${status}`,
    body.detail ?? body.title ?? (text.slice(0, 200) || `HTTP ${status}`),
    {
      ...(body.errors ? { issues: body.errors } : {}),
    },
  );
}

function parseBody(text: string, contentType: string | undefined): unknown {
  if (!text) return null;
  if (contentType && /json/.test(contentType)) return JSON.parse(text);
  return text;
}

/**
 * One HTTP exchange with node:http(s). Not fetch: loading fetch's implementation costs a command
 * 70 ms, a quarter of the time it may take through a running server.
 */
function send(
  url: URL,
  method: string,
  headers: Record<string, string>,
  body: unknown,
  file?: string,
  onSent?: RequestOptions['onSent'],
): Promise<{ status: number; contentType: string | undefined; text: string }> {
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  if (payload) headers['content-length'] = String(payload.length);
  if (file) {
    headers['content-type'] = 'application/octet-stream';
    headers['content-length'] = String(statSync(file).size);
  }
  const lib = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = lib.request(url, { method, headers }, (res) => {
      const status = res.statusCode ?? 0;
      if (status >= 300 && status < 400) {
        res.resume();
        // Not followed: a redirect would carry the token to wherever it points.
        const to = res.headers.location ?? 'elsewhere';
        return reject(
          new Error(
            `it answered with a redirect (${status}) to ${to}; give --server the address athar answers at`,
          ),
        );
      }
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status,
          contentType: res.headers['content-type'],
          text: Buffer.concat(chunks).toString('utf8'),
        }),
      );
      res.on('error', reject);
    });
    // A server that accepts the connection and then says nothing must not hang a script for ever.
    req.setTimeout(ANSWER_TIMEOUT_MS, () =>
      req.destroy(new Error(`no answer within ${ANSWER_TIMEOUT_MS / 1000} s`)),
    );
    req.on('error', reject);
    if (file) {
      const source = fileStream(file, onSent);
      source.on('error', (e) => req.destroy(e));
      source.pipe(req);
    } else req.end(payload);
  });
}

/** Long enough for the slowest command (loading or checking much), short enough not to hang for ever. */
const ANSWER_TIMEOUT_MS = 10 * 60_000;

function httpClient(
  baseUrl: string,
  token: string | undefined,
  as: string | undefined,
  transport: 'owner' | 'remote',
): ApiClient {
  const base = baseUrl.replace(/\/+$/, '');
  return {
    transport,
    async request<T>(method: string, path: string, opts: RequestOptions = {}) {
      const headers: Record<string, string> = { accept: 'application/json' };
      if (token) headers.authorization = `Bearer ${token}`;
      if (as) headers['x-athar-as'] = as;
      if (opts.body !== undefined) headers['content-type'] = 'application/json';
      let res: { status: number; contentType: string | undefined; text: string };
      try {
        res = await send(
          new URL(base + buildPath(path, opts.query)),
          method,
          headers,
          opts.body,
          opts.file,
          opts.onSent,
        );
      } catch (e) {
        throw unavailable('cli.server_unreachable', `cannot reach ${base}: ${(e as Error).message}`);
      }
      if (res.status >= 400) throw problemToError(res.status, res.text);
      return parseBody(res.text, res.contentType) as T;
    },
    async download(method, path, file, opts = {}) {
      const headers: Record<string, string> = { accept: 'application/x-tar, application/json' };
      if (token) headers.authorization = `Bearer ${token}`;
      if (as) headers['x-athar-as'] = as;
      let res: http.IncomingMessage;
      try {
        res = await openStream(new URL(base + buildPath(path, opts.query)), method, headers, opts.body);
      } catch (e) {
        throw unavailable('cli.server_unreachable', `cannot reach ${base}: ${(e as Error).message}`);
      }
      const status = res.statusCode ?? 0;
      if (status >= 400) throw problemToError(status, await readAll(res));
      return { headers: flatHeaders(res.headers), ...(await saveStream(res, file)) };
    },
    async close() {},
  };
}

/** Sends a request and gives the answer as a stream, once its headers are in (redirects refused, as in `send`). */
function openStream(
  url: URL,
  method: string,
  headers: Record<string, string>,
  body: unknown,
): Promise<http.IncomingMessage> {
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  if (payload) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = String(payload.length);
  }
  const lib = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = lib.request(url, { method, headers }, (res) => {
      const status = res.statusCode ?? 0;
      if (status >= 300 && status < 400) {
        res.resume();
        return reject(
          new Error(
            `it answered with a redirect (${status}) to ${res.headers.location ?? 'elsewhere'}; give --server the address athar answers at`,
          ),
        );
      }
      resolve(res);
    });
    req.setTimeout(ANSWER_TIMEOUT_MS, () =>
      req.destroy(new Error(`no answer within ${ANSWER_TIMEOUT_MS / 1000} s`)),
    );
    req.on('error', reject);
    req.end(payload);
  });
}

async function inProcessClient(config: Config, opts: ConnectOptions): Promise<ApiClient> {
  // Loaded lazily: tools that never touch stored data should not pay for the server's imports.
  const [{ createApp, firstStart }, { buildServer }] = await Promise.all([
    import('#src/app.ts'),
    import('#src/platform/http/server.ts'),
  ]);
  const app = await createApp(
    { ...config, logLevel: config.logLevel === 'info' ? 'warn' : config.logLevel },
    {
      migrate: opts.migrate !== false,
      jobs: opts.jobs ?? false,
      workers: opts.jobs ?? false,
    },
  );
  try {
    if (opts.migrate !== false) {
      const first = await firstStart(app);
      if (first.admin) reportAdmin(first.admin);
    }
    const server = await buildServer(app, { logger: false, docs: false });
    const token = config.token;
    return {
      transport: 'in-process',
      async request<T>(method: string, path: string, o: RequestOptions = {}) {
        const headers: Record<string, string> = { authorization: `Bearer ${token ?? app.localToken}` };
        if (opts.as && !token) headers['x-athar-as'] = opts.as;
        if (o.file) {
          headers['content-type'] = 'application/octet-stream';
          headers['content-length'] = String(statSync(o.file).size);
        }
        const r = await server.fastify.inject({
          method: method as 'GET',
          url: buildPath(path, o.query),
          headers,
          ...(o.body !== undefined ? { payload: o.body as object } : {}),
          ...(o.file ? { payload: fileStream(o.file, o.onSent) } : {}),
        });
        if (r.statusCode >= 400) throw problemToError(r.statusCode, r.body);
        return parseBody(r.body, r.headers['content-type']?.toString()) as T;
      },
      async download(method, path, file, o = {}) {
        const headers: Record<string, string> = { authorization: `Bearer ${token ?? app.localToken}` };
        if (opts.as && !token) headers['x-athar-as'] = opts.as;
        const r = await server.fastify.inject({
          method: method as 'GET',
          url: buildPath(path, o.query),
          headers,
          ...(o.body !== undefined ? { payload: o.body as object } : {}),
          payloadAsStream: true,
        });
        if (r.statusCode >= 400) throw problemToError(r.statusCode, await readAll(r.stream()));
        return { headers: flatHeaders(r.headers), ...(await saveStream(r.stream(), file)) };
      },
      async close() {
        await server.fastify.close();
        await app.close();
      },
    };
  } catch (e) {
    await app.close();
    throw e;
  }
}

/** Tells the person at the terminal how to sign in, once, when the administrator was just created. */
export function reportAdmin(admin: { username: string; oneTimePassword: string | null }): void {
  if (admin.oneTimePassword) {
    process.stderr.write(
      `athar: created the administrator "${admin.username}" with the one-time password ${admin.oneTimePassword}\n` +
        'athar: sign in with it and choose a new password (it must be changed at first sign-in)\n',
    );
  } else {
    process.stderr.write(
      `athar: created the administrator "${admin.username}" with the password from ATHAR_ADMIN_PASSWORD\n`,
    );
  }
}

export async function connect(opts: ConnectOptions = {}): Promise<ApiClient> {
  // Loaded here, not at the top: validating the configuration pulls in TypeBox, which `--help` does not need.
  const { loadConfig } = await import('#src/platform/config.ts');
  const config = loadConfig();
  if (opts.server) {
    if (!/^https?:\/\//.test(opts.server))
      throw invalid('cli.server_url', `--server must be an http(s) URL, got "${opts.server}"`);
    return httpClient(opts.server, config.token, undefined, 'remote');
  }
  if (!config.databaseUrl) {
    const owner = readOwner(config.dataDir);
    if (owner) {
      if (!owner.url || !owner.token) {
        throw unavailable(
          'db.locked',
          `the data directory ${config.dataDir} is held by process ${owner.pid}, which does not serve an API yet; try again in a moment`,
        );
      }
      return httpClient(owner.url, config.token ?? owner.token, config.token ? undefined : opts.as, 'owner');
    }
  } else if (!opts.as && !config.token) {
    throw invalid('cli.who', 'against a server database, say who acts: --as USER or ATHAR_TOKEN');
  }
  return inProcessClient(config, opts);
}

/** Runs `fn` with a connected client and always closes it. */
export async function withClient<T>(opts: ConnectOptions, fn: (client: ApiClient) => Promise<T>): Promise<T> {
  const client = await connect(opts);
  try {
    return await fn(client);
  } finally {
    await client.close();
  }
}
