/**
 * An evidence package: the untouched originals of a case's items (all, or those named), every
 * capture record of them, the WARCs of the URL captures that brought them, their custody events,
 * the RFC 3161 stamps whose manifests list them (with each manifest and authority certificate),
 * and a README saying how to check each part with standard tools — one tar archive with a
 * SHA256SUMS manifest. The archive is made in the data directory first, so that its SHA-256 is
 * known and recorded on the audit trail (with a custody event on each original and WARC) before a
 * byte of it is handed out.
 */
import { open } from 'node:fs/promises';
import type { ReadStream } from 'node:fs';
import { custodyEvents } from '#src/modules/audit/index.ts';
import {
  evidenceOf,
  recordEvidenceExport,
  TOOL_VERSION,
  type EvidenceSelection,
} from '#src/modules/media/index.ts';
import { stampsCovering, type CoveringStamp } from '#src/modules/timestamps/index.ts';
import type { CaseScope } from '#src/platform/access.ts';
import { TarWriter } from '#src/platform/archive/tar-writer.ts';
import type { Context } from '#src/platform/context.ts';
import { invalid, notFound, unavailable } from '#src/platform/errors.ts';
import { sniffFormat } from '#src/platform/media/media-sniffer.ts';
import { packageReadme } from './package-readme.ts';
import type { ExportEvidenceBody } from './schemas.ts';

export const PACKAGE_FORMAT = 'athar-evidence-package/1';

export interface EvidencePackage {
  exportId: string;
  /** The archive's suggested file name (made of the export id alone). */
  fileName: string;
  sha256: string;
  size: number;
  items: number;
  /** The archive, read from a file already unlinked: nothing is left behind however it ends. */
  stream: ReadStream;
}

const EXTENSIONS: Record<string, string> = {
  jpeg: 'jpg',
  png: 'png',
  gif: 'gif',
  webp: 'webp',
  mp4: 'mp4',
  webm: 'webm',
};

/** `originals/<sha256>.<ext>`: the extension from the first bytes, never from a name anyone gave. */
async function originalPath(ctx: Context, sha256: string, kind: string): Promise<string> {
  const format = await sniffFormat(ctx.blobs.pathOf(sha256));
  // An ftyp box starts MP4 and QuickTime films and HEIF/AVIF pictures alike: only a video is .mp4.
  const ext = format && !(format === 'mp4' && kind !== 'video') ? EXTENSIONS[format] : undefined;
  return `originals/${sha256}.${ext ?? 'bin'}`;
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
const utcDay = (iso: string) => iso.slice(0, 10);

function stampFolder(s: CoveringStamp): string {
  return `timestamps/${s.record.day}_${s.record.id}`;
}

/** Streams a stored original (or WARC) into the archive, checking it is still the bytes recorded. */
async function addBlob(
  ctx: Context,
  tar: TarWriter,
  rel: string,
  sha256: string,
  size: number,
  what: string,
): Promise<string> {
  if (!(await ctx.blobs.has(sha256)))
    throw notFound(
      'media.original_missing',
      `the ${what} is missing from the blob store; run athar blobs verify`,
      { details: { sha256 } },
    );
  const got = await tar.addStream(rel, size, ctx.blobs.read(sha256));
  if (got !== sha256)
    throw unavailable(
      'media.original_changed',
      `the ${what} no longer has the SHA-256 recorded for it; nothing was exported; run athar blobs verify`,
      { details: { sha256, found: got } },
    );
  return got;
}

/**
 * Makes the package of `input.items` (every item and URL capture of the case when none are
 * named), records the export, and hands the archive out. An empty case is refused
 * (`media.nothing_to_export`) rather than given an empty package.
 */
export async function exportEvidence(
  ctx: Context,
  scope: CaseScope,
  input: ExportEvidenceBody,
): Promise<EvidencePackage> {
  const itemIds = input.items ? [...new Set(input.items)] : null;
  const selection = await evidenceOf(ctx, scope, itemIds);
  if (selection.items.length === 0 && selection.webCaptures.length === 0)
    throw invalid('media.nothing_to_export', 'this case has no media items or URL captures to export');

  const exportId = ctx.ids.uuid();
  const at = ctx.clock.now();
  const root = `athar-evidence-${exportId}`;
  const captures = selection.items.flatMap((i) => i.captures);
  const stamps = await stampsCovering(ctx, {
    days: [
      ...captures.map((c) => utcDay(c.capturedAt)),
      ...selection.webCaptures.map((w) => utcDay(w.capturedAt)),
    ],
    captureIds: captures.map((c) => c.id),
    webCaptureIds: selection.webCaptures.map((w) => w.id),
  });
  const custody = await custodyEvents(ctx, scope.case.id, [
    { entityType: 'media_item', ids: selection.items.map((i) => i.item.id) },
    { entityType: 'web_capture', ids: selection.webCaptures.map((w) => w.id) },
  ]);
  const originals = new Map<string, string>();
  for (const { item } of selection.items)
    originals.set(item.id, await originalPath(ctx, item.sha256, item.kind));

  const body = packageFiles(ctx, scope, {
    exportId,
    itemIds,
    at,
    root,
    selection,
    stamps,
    originals,
    custody,
  });
  const { written, stream } = await ctx.blobs.withScratch(async (fileIn) => {
    const file = fileIn('package.tar');
    const tar = await TarWriter.create(file, root, at);
    const sums: string[] = [];
    const add = (rel: string, sha256: string) => sums.push(`${sha256}  ${rel}`);
    try {
      for (const [rel, text] of body.before) add(rel, await tar.addBytes(rel, text));
      for (const { item } of selection.items) {
        const rel = originals.get(item.id)!;
        add(rel, await addBlob(ctx, tar, rel, item.sha256, item.size, `original of item ${item.id}`));
      }
      for (const w of selection.webCaptures) {
        const rel = `warc/${w.id}.warc.gz`;
        add(rel, await addBlob(ctx, tar, rel, w.warcSha256, w.warcSize, `WARC of URL capture ${w.id}`));
      }
      for (const [rel, bytes] of body.after) add(rel, await tar.addBytes(rel, bytes));
      await tar.addBytes('SHA256SUMS', `${sums.join('\n')}\n`);
    } catch (e) {
      await tar.abort(e as Error);
      throw e;
    }
    const done = await tar.finish();
    // Opened before the scratch folder goes: the archive lives on in this handle alone.
    const fh = await open(file, 'r');
    return { written: done, stream: fh.createReadStream() };
  });

  try {
    await ctx.transaction(async (tx) => {
      recordEvidenceExport(tx, scope, exportId, selection);
      tx.audit({
        action: 'media.evidence_exported',
        entityType: 'evidence_export',
        entityId: exportId,
        caseId: scope.case.id,
        after: {
          id: exportId,
          format: PACKAGE_FORMAT,
          sha256: written.sha256,
          size: written.size,
          selection: itemIds === null ? 'all' : 'items',
          items: selection.items.map((i) => i.item.id),
          webCaptures: selection.webCaptures.map((w) => w.id),
          timestamps: stamps.map((s) => s.record.id),
          custodyEvents: custody.length,
        },
      });
    });
  } catch (e) {
    stream.destroy();
    throw e;
  }
  return {
    exportId,
    fileName: `${root}.tar`,
    sha256: written.sha256,
    size: written.size,
    items: selection.items.length,
    stream,
  };
}

interface PackageInput {
  exportId: string;
  itemIds: string[] | null;
  at: Date;
  root: string;
  selection: EvidenceSelection;
  stamps: CoveringStamp[];
  originals: Map<string, string>;
  custody: unknown[];
}

/** The package's own files: those before the originals and WARCs, and those after. */
function packageFiles(
  ctx: Context,
  scope: CaseScope,
  p: PackageInput,
): { before: [string, string][]; after: [string, Buffer | string][] } {
  const { selection, stamps } = p;
  const coveringCapture = new Map<string, string[]>();
  const coveringWeb = new Map<string, string[]>();
  for (const s of stamps) {
    for (const id of s.captureIds)
      coveringCapture.set(id, [...(coveringCapture.get(id) ?? []), stampFolder(s)]);
    for (const id of s.webCaptureIds) coveringWeb.set(id, [...(coveringWeb.get(id) ?? []), stampFolder(s)]);
  }
  const captureCount = selection.items.reduce((n, i) => n + i.captures.length, 0);
  const unstamped =
    selection.items.reduce((n, i) => n + i.captures.filter((c) => !coveringCapture.has(c.id)).length, 0) +
    selection.webCaptures.filter((w) => !coveringWeb.has(w.id)).length;
  const c = scope.case;

  const exportRecord = {
    format: PACKAGE_FORMAT,
    exportId: p.exportId,
    exportedAt: p.at.toISOString(),
    exportedBy: ctx.actor.username,
    organisation: ctx.config.organisationName,
    tool: { name: 'athar', version: TOOL_VERSION },
    case: { id: c.id, slug: c.slug, title: c.title, timeZone: c.time_zone },
    // What was asked for: every item and URL capture of the case, or these items (and the URL
    // captures that brought them).
    selection: p.itemIds === null ? 'all' : { items: p.itemIds },
    counts: {
      items: selection.items.length,
      captures: captureCount,
      webCaptures: selection.webCaptures.length,
      timestamps: stamps.length,
      custodyEvents: p.custody.length,
    },
    recordedAs: {
      action: 'media.evidence_exported',
      entityType: 'evidence_export',
      entityId: p.exportId,
      note: "the archive's SHA-256 is in this event on athar's audit trail",
    },
  };
  const capturesRecord = {
    format: 'athar-evidence-captures/1',
    items: selection.items.map(({ item, captures, webCaptureIds }) => ({
      id: item.id,
      sha256: item.sha256,
      size: item.size,
      kind: item.kind,
      name: item.name,
      status: item.status,
      sensitivity: item.sensitivity,
      placeId: item.placeId,
      createdAt: item.createdAt,
      file: p.originals.get(item.id),
      captures: captures.map((cap) => ({ ...cap, timestamps: coveringCapture.get(cap.id) ?? [] })),
      webCaptures: webCaptureIds,
    })),
    webCaptures: selection.webCaptures.map((w) => ({
      ...w,
      file: `warc/${w.id}.warc.gz`,
      timestamps: coveringWeb.get(w.id) ?? [],
    })),
  };
  const custodyRecord = {
    format: 'athar-evidence-custody/1',
    caseId: c.id,
    note: "events of athar's audit trail about the items and URL captures of this package, oldest first; this export's own events come after them and are not here",
    events: p.custody,
  };
  const readme = packageReadme({
    root: p.root,
    exportId: p.exportId,
    exportedAt: p.at.toISOString(),
    exportedBy: ctx.actor.username,
    organisation: ctx.config.organisationName,
    toolVersion: TOOL_VERSION,
    caseTitle: c.title,
    caseSlug: c.slug,
    caseId: c.id,
    items: selection.items.length,
    webCaptures: selection.webCaptures.length,
    custodyEvents: p.custody.length,
    unstamped,
    stamps: stamps.map((s) => ({
      folder: stampFolder(s),
      day: s.record.day,
      genTime: s.record.genTime,
      signer: s.record.signer,
      fingerprint: s.tsaCertFingerprint,
      certSource: s.tsaCertSource,
      ok: s.check.ok,
    })),
  });
  const after: [string, Buffer | string][] = [];
  for (const s of stamps) {
    const dir = stampFolder(s);
    after.push([`${dir}/manifest.json`, s.manifest]);
    // The lines this package's captures' entries commit to, one per line (format 2 manifests).
    if (s.openings.length > 0) after.push([`${dir}/entries.jsonl`, `${s.openings.join('\n')}\n`]);
    after.push([`${dir}/token.tst`, s.token]);
    if (s.tsaCert) after.push([`${dir}/tsa.pem`, s.tsaCert]);
    after.push([
      `${dir}/stamp.json`,
      json({
        ...s.record,
        tsaCert: { source: s.tsaCertSource, fingerprint: s.tsaCertFingerprint },
        checkedAtExport: s.check,
        covers: { captures: s.captureIds, webCaptures: s.webCaptureIds },
      }),
    ]);
  }
  return {
    before: [
      ['README.txt', readme],
      ['export.json', json(exportRecord)],
      ['captures.json', json(capturesRecord)],
      ['custody.json', json(custodyRecord)],
    ],
    after,
  };
}
