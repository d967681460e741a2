import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import type {
  IngestResult,
  MediaDetail,
  CheckResult,
  BlobReport,
  MediaItem,
  UrlCaptureResult,
  WebCapture,
} from '#src/modules/media/schemas.ts';
import { asAppError, invalid } from '#src/platform/errors.ts';
import { requestAll, withClient, type ApiClient } from '../client.ts';
import { connectOptions, emit, humanInstant } from '../common.ts';
import { printJson, table } from '../output.ts';
import type { IngestOptions } from './media.command.ts';

const caseUrl = (ref: string) => `/api/cases/${encodeURIComponent(ref)}`;
const CLI_TOOL = 'athar-cli';
const CLI_VERSION = '0.1.0';

const isUrl = (s: string) => /^https?:\/\//i.test(s);

/** Files under the paths, in a stable order: folders walked, hidden files and sidecars left out. */
function expand(paths: string[]): string[] {
  const out: string[] = [];
  const walk = (p: string, top: boolean) => {
    if (top && isUrl(p)) return void out.push(p); // captured by the server
    const base = path.basename(p);
    if (!top && base.startsWith('.')) return;
    let s;
    try {
      s = statSync(p);
    } catch {
      out.push(p); // reported as unreadable by the upload
      return;
    }
    if (s.isDirectory()) {
      for (const name of readdirSync(p).sort()) walk(path.join(p, name), false);
    } else if (top || !base.endsWith('.info.json')) out.push(p);
  };
  for (const p of paths) walk(p, true);
  return out;
}

/** What a yt-dlp `.info.json` beside a video says of it (the source's claims). */
export function sidecarFacts(file: string): Record<string, string> {
  const candidates = [`${file}.info.json`, `${file.replace(/\.[^./]+$/, '')}.info.json`];
  const sidecar = candidates.find((c) => c !== file && existsSync(c));
  if (!sidecar) return {};
  let j: Record<string, unknown>;
  try {
    j = JSON.parse(readFileSync(sidecar, 'utf8')) as Record<string, unknown>;
  } catch (e) {
    throw invalid('media.sidecar', `${path.basename(sidecar)}: not JSON (${(e as Error).message})`);
  }
  const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
  const out: Record<string, string> = {};
  const platform = str(j.extractor_key) ?? str(j.extractor);
  const account = str(j.uploader_id) ?? str(j.uploader) ?? str(j.channel);
  const url = str(j.webpage_url) ?? str(j.original_url);
  const title = str(j.title);
  if (platform) out.platform = platform.slice(0, 50);
  if (account) out.account = account.slice(0, 200);
  if (url && /^https?:\/\//.test(url)) out.sourceUrl = url.slice(0, 2000);
  if (title) out.title = title.slice(0, 1000);
  if (typeof j.timestamp === 'number' && Number.isFinite(j.timestamp))
    out.postedAt = new Date(j.timestamp * 1000).toISOString();
  else if (typeof j.upload_date === 'string' && /^\d{8}$/.test(j.upload_date))
    out.postedAt = `${j.upload_date.slice(0, 4)}-${j.upload_date.slice(4, 6)}-${j.upload_date.slice(6, 8)}T00:00:00Z`;
  return out;
}

type Row =
  | {
      file: string;
      id: string;
      sha256: string;
      status: string;
      duplicate: boolean;
      firstSeenAt: string | null;
      signals: MediaDetail['signals'];
    }
  | { file: string; error: { code: string; message: string } };

/** A URL kept as its WARC alone (a page, or an answer that was not a picture or a video). */
function archived(url: string, c: WebCapture): Row {
  return {
    file: url,
    id: c.id,
    sha256: c.warcSha256,
    status: `archived (HTTP ${c.httpStatus}, WARC only)`,
    duplicate: false,
    firstSeenAt: c.capturedAt,
    signals: [],
  };
}

async function waitFor(client: ApiClient, id: string, show: (item: MediaItem) => void): Promise<MediaDetail> {
  for (let delay = 100; ; delay = Math.min(1000, delay * 2)) {
    const d = await client.request<MediaDetail>('GET', `/api/media/${id}`);
    show(d);
    if (!['received', 'processing'].includes(d.status)) return d;
    await new Promise((r) => setTimeout(r, delay));
  }
}

export async function runIngest(paths: string[], o: IngestOptions, cmd: Command): Promise<number> {
  const files = expand(paths);
  if (files.length === 0) throw invalid('cli.no_files', 'no files to ingest');
  const tty = !o.json && process.stderr.isTTY;
  const rows: Row[] = [];
  // In process, the job queue must run to accept the processing jobs (they run now, or at the next start).
  await withClient(connectOptions(cmd, { jobs: true }), async (client) => {
    const stored: { file: string; r: IngestResult }[] = [];
    for (const [n, file] of files.entries()) {
      if (tty) process.stderr.write(`\r\x1b[Kstoring ${n + 1}/${files.length} ${path.basename(file)}`);
      try {
        if (isUrl(file)) {
          // The server fetches the URL and keeps the exchange as a WARC (see `athar capture`).
          const c = await client.request<UrlCaptureResult>('POST', `${caseUrl(o.case)}/media/capture`, {
            body: {
              url: file,
              ...(o.notes ? { notes: o.notes } : {}),
              ...(o.platform ? { platform: o.platform } : {}),
              ...(o.account ? { account: o.account } : {}),
              ...(o.postedAt ? { postedAt: o.postedAt } : {}),
            },
          });
          if (c.item) stored.push({ file, r: c.item });
          else rows.push(archived(file, c.capture));
          for (const l of c.linked) {
            if (l.item) stored.push({ file: l.url, r: l.item });
            else if (l.capture) rows.push(archived(l.url, l.capture));
            else if (l.error) rows.push({ file: l.url, error: l.error });
          }
          continue;
        }
        if (!statSync(file).isFile()) throw invalid('media.unreadable', `${file}: not a regular file`);
        const facts = {
          ...sidecarFacts(file),
          ...(o.sourceUrl ? { sourceUrl: o.sourceUrl } : {}),
          ...(o.platform ? { platform: o.platform } : {}),
          ...(o.account ? { account: o.account } : {}),
          ...(o.postedAt ? { postedAt: o.postedAt } : {}),
        };
        const r = await client.request<IngestResult>('POST', `${caseUrl(o.case)}/media`, {
          file,
          query: {
            name: path.basename(file),
            method: 'file',
            from: `${os.hostname()}:${path.resolve(file)}`,
            tool: CLI_TOOL,
            toolVersion: CLI_VERSION,
            ...(o.notes ? { notes: o.notes } : {}),
            ...facts,
          },
        });
        stored.push({ file, r });
      } catch (e) {
        const err = asAppError(e);
        const code = err?.code ?? 'media.unreadable';
        const message = err?.message ?? (e as Error).message;
        if (err?.kind === 'unauthenticated' || err?.kind === 'forbidden' || code === 'case.not_found')
          throw e;
        rows.push({ file, error: { code, message } });
        if (!o.json) process.stderr.write(`${tty ? '\r\x1b[K' : ''}athar: ${code}: ${message}\n`);
      }
    }
    for (const [n, { file, r }] of stored.entries()) {
      const d = o.wait
        ? await waitFor(client, r.item.id, (item) => {
            if (tty)
              process.stderr.write(
                `\r\x1b[K${bar(item.progress)} ${n + 1}/${stored.length} ${path.basename(file)}: ${item.stage ?? item.status}`,
              );
          })
        : await client.request<MediaDetail>('GET', `/api/media/${r.item.id}`);
      rows.push({
        file,
        id: d.id,
        sha256: d.sha256,
        status: d.status,
        duplicate: r.duplicate,
        firstSeenAt: d.firstSeen?.at ?? null,
        signals: d.signals,
      });
    }
    if (tty) process.stderr.write('\r\x1b[K');
  });
  const items = rows;
  if (o.json) printJson({ items });
  else
    process.stdout.write(
      table(
        ['file', 'id', 'status', 'first seen', 'signals'],
        items.map((r) =>
          'error' in r
            ? [r.file, '', `error: ${r.error.code}`, '', '']
            : [
                r.file,
                r.id,
                r.duplicate ? `${r.status} (already stored: new capture)` : r.status,
                humanInstant(r.firstSeenAt),
                r.signals.map((s) => s.code).join(', '),
              ],
        ),
      ) + '\n',
    );
  return rows.some((r) => 'error' in r) ? 1 : 0;
}

function bar(percent: number): string {
  const filled = Math.round(percent / 5);
  return `[${'#'.repeat(filled)}${'.'.repeat(20 - filled)}] ${String(percent).padStart(3)}%`;
}

export async function runCheck(
  file: string,
  o: { case: string; json?: boolean },
  cmd: Command,
): Promise<void> {
  if (!existsSync(file) || !statSync(file).isFile())
    throw invalid('media.unreadable', `${path.basename(file)}: no such file`);
  const r = await withClient(connectOptions(cmd), (client) =>
    client.request<CheckResult>('POST', `${caseUrl(o.case)}/media/check`, {
      file,
      query: { name: path.basename(file) },
    }),
  );
  emit(o.json, r, () => {
    const lines = [
      r.matches.length === 0 ? 'no match among the stored items' : `${r.matches.length} match(es):`,
      ...(r.matches.length
        ? [
            table(
              ['item', 'how', 'status', 'distance', 'found', 'captured', 'posted (claimed)'],
              r.matches.map((m) => [
                m.itemId,
                m.how,
                m.status,
                m.distance,
                m.queryMatch !== null ? `${Math.round(m.queryMatch * 100)} % of frames` : (m.variant ?? ''),
                humanInstant(m.capturedAt),
                humanInstant(m.postedAt),
              ]),
            ),
          ]
        : []),
      ...(r.restricted > 0 ? [`also known in a restricted case (${r.restricted})`] : []),
      ...(r.firstSeen
        ? [
            `first seen ${humanInstant(r.firstSeen.at)} (${r.firstSeen.observed ? 'captured' : 'posting time claimed by a source'})`,
          ]
        : []),
      ...r.signals.map((s) => `signal ${s.code}: ${s.detail}`),
    ];
    return lines.join('\n');
  });
}

export async function runShow(id: string, o: { json?: boolean }, cmd: Command): Promise<void> {
  const d = await withClient(connectOptions(cmd), (client) =>
    client.request<MediaDetail>('GET', `/api/media/${encodeURIComponent(id)}`),
  );
  emit(o.json, d, () =>
    [
      `${d.name} (${d.kind}, ${d.size} bytes) — ${d.status}${d.statusReason ? `: ${d.statusReason}` : ''}`,
      `sha256 ${d.sha256}`,
      `first seen: ${d.firstSeen ? `${humanInstant(d.firstSeen.at)} (${d.firstSeen.observed ? 'captured' : 'claimed by a source'})` : '—'}`,
      'captures:',
      table(
        ['when', 'by', 'how', 'from', 'source says'],
        d.captures.map((c) => [
          humanInstant(c.capturedAt),
          c.capturedBy,
          `${c.method} (${c.tool} ${c.toolVersion})`,
          c.capturedFrom,
          [c.platform, c.account, c.postedAt ? `posted ${humanInstant(c.postedAt)}` : null]
            .filter(Boolean)
            .join(' · '),
        ]),
      ),
      ...d.matches.map((m) =>
        'restricted' in m
          ? m.note
          : `match ${m.itemId}: ${m.how} ${m.status}, ${m.distance ?? '—'} bits ${m.variant ?? ''}`,
      ),
      ...d.signals.map((s) => `signal ${s.code} (${s.source}): ${s.detail}`),
    ].join('\n'),
  );
}

/** A match as the CLI names it: the item, a colon, the other item (`athar media matches` prints it). */
function parseMatch(ref: string): { id: string; other: string } {
  const m = /^([0-9a-f-]{36}):([0-9a-f-]{36})$/i.exec(ref.trim());
  if (!m)
    throw invalid(
      'cli.match',
      `MATCH: expected ITEM:OTHER as \`athar media matches\` prints it, got "${ref}"`,
    );
  return { id: m[1]!.toLowerCase(), other: m[2]!.toLowerCase() };
}

type VisibleMatch = Extract<MediaDetail['matches'][number], { itemId: string }>;

function matchLines(d: MediaDetail): string {
  const visible = d.matches.filter((m): m is VisibleMatch => 'itemId' in m);
  const restricted = d.matches.filter((m) => 'restricted' in m) as { note: string }[];
  return [
    visible.length === 0
      ? 'no copies found'
      : table(
          ['match', 'how', 'status', 'distance', 'variant / ranges', 'captured', 'posted (claimed)'],
          visible.map((m) => [
            `${d.id}:${m.itemId}`,
            m.how,
            m.status,
            m.distance === null ? '—' : `${m.distance} bits`,
            [
              m.variant,
              ...m.ranges.map(
                (r) => `${r.queryStart}–${r.queryEnd} s here = ${r.targetStart}–${r.targetEnd} s there`,
              ),
            ]
              .filter(Boolean)
              .join('; '),
            m.capturedAt ? humanInstant(m.capturedAt) : '—',
            m.postedAt ? humanInstant(m.postedAt) : '—',
          ]),
        ),
    ...restricted.map((r) => r.note),
  ].join('\n');
}

/** An item's matches: copies, how close, how they differ, and each one's decision. */
export async function runMatches(id: string, o: { json?: boolean }, cmd: Command): Promise<void> {
  const d = await withClient(connectOptions(cmd), (client) =>
    client.request<MediaDetail>('GET', `/api/media/${encodeURIComponent(id)}`),
  );
  emit(o.json, { id: d.id, matches: d.matches, firstSeen: d.firstSeen }, () => matchLines(d));
}

/** A reviewer's decision on a suggested match (a rejection is remembered). */
export async function runDecide(
  decision: 'confirmed' | 'rejected',
  ref: string,
  o: { json?: boolean },
  cmd: Command,
): Promise<void> {
  const { id, other } = parseMatch(ref);
  const d = await withClient(connectOptions(cmd), async (client) => {
    const item = await client.request<MediaDetail>('GET', `/api/media/${encodeURIComponent(id)}`);
    return client.request<MediaDetail>(
      'POST',
      `/api/cases/${encodeURIComponent(item.caseId)}/media/${encodeURIComponent(id)}/matches`,
      { body: { otherId: other, decision } },
    );
  });
  emit(o.json, d, () => `${decision === 'confirmed' ? 'confirmed' : 'rejected'} ${ref}\n${matchLines(d)}`);
}

export async function runList(
  o: { case: string; status?: string; kind?: string; json?: boolean },
  cmd: Command,
): Promise<void> {
  const r = await withClient(connectOptions(cmd), (client) =>
    requestAll<{ items: MediaItem[]; nextCursor: string | null }>(
      client,
      `${caseUrl(o.case)}/media`,
      'items',
      {
        ...(o.status ? { status: o.status } : {}),
        ...(o.kind ? { kind: o.kind } : {}),
      },
    ),
  );
  emit(o.json, r, () =>
    table(
      ['id', 'name', 'kind', 'status', 'stored'],
      r.items.map((i) => [i.id, i.name, i.kind, i.status, humanInstant(i.createdAt)]),
    ),
  );
}

export async function runVerify(o: { json?: boolean }, cmd: Command): Promise<number> {
  if (!o.json && process.stderr.isTTY) process.stderr.write('re-hashing every stored original…\n');
  const r = await withClient(connectOptions(cmd), (client) =>
    client.request<BlobReport>('POST', '/api/blobs/verify'),
  );
  emit(o.json, r, () =>
    [
      `checked ${r.checked} originals: ${r.changed.length} changed, ${r.missing.length} missing`,
      ...r.changed.map((c) => `CHANGED ${c.sha256} ${c.path}`),
      ...r.missing.map((c) => `MISSING ${c.sha256} ${c.path}`),
    ].join('\n'),
  );
  return r.changed.length + r.missing.length > 0 ? 1 : 0;
}
