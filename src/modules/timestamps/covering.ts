/**
 * The stamps that vouch for some captures: what an evidence package ships so that anyone can show,
 * with OpenSSL alone, that those bytes existed by the authority's time.
 */
import { createHash } from 'node:crypto';
import type { Context } from '#src/platform/context.ts';
import { verifyToken } from '#src/platform/trusted-time/rfc3161.ts';
import { certificateFingerprint, commitmentOf, dayEntryLines, presentStamp, trustedPem } from './stamp.ts';
import { TimeStampRepository } from './timestamps.repository.ts';
import type { TimeStampRecord } from './schemas.ts';

/** One stamp whose manifest lists at least one of the captures asked about. */
export interface CoveringStamp {
  record: TimeStampRecord;
  /** The manifest exactly as stamped (the bytes the token's imprint is of). */
  manifest: string;
  /** The TimeStampToken, DER. */
  token: Buffer;
  /**
   * The authority certificate to verify it with: the one it was checked against when kept, or —
   * for a stamp made before athar kept it — the one configured now; null when neither is there.
   */
  tsaCert: string | null;
  tsaCertSource: 'kept with the stamp' | 'configured now' | null;
  tsaCertFingerprint: string | null;
  /** What athar's own check says of it now, against `tsaCert`. */
  check: { ok: true } | { ok: false; reason: string };
  /** Which of the captures and URL captures asked about its manifest lists. */
  captureIds: string[];
  webCaptureIds: string[];
  /**
   * The lines these captures' entries commit to (format 2): hash one and find it in the
   * manifest's entries. Empty for a format 1 manifest, which lists the captures themselves.
   */
  openings: string[];
}

interface ManifestEntries {
  /** Format 2: commitments. */
  entries?: string[];
  /** Format 1: the captures themselves. */
  captures?: { id: string }[];
  webCaptures?: { id: string }[];
}

/**
 * Every stamp of these UTC days whose manifest lists one of these captures or URL captures (a
 * capture recorded after its day's manifest was made is in none), oldest first.
 */
export async function stampsCovering(
  ctx: Context,
  q: { days: readonly string[]; captureIds: readonly string[]; webCaptureIds: readonly string[] },
): Promise<CoveringStamp[]> {
  const captures = new Set(q.captureIds);
  const webCaptures = new Set(q.webCaptureIds);
  let configured: string | null | undefined;
  const configuredPem = () => {
    if (configured === undefined) {
      try {
        configured = trustedPem(ctx);
      } catch {
        configured = null;
      }
    }
    return configured;
  };
  const out: CoveringStamp[] = [];
  const lines = new Map<string, Awaited<ReturnType<typeof dayEntryLines>>>();
  for (const row of await ctx.repo(TimeStampRepository).ofDays([...new Set(q.days)].sort())) {
    const m = JSON.parse(row.manifest) as ManifestEntries;
    let captureIds: string[];
    let webCaptureIds: string[];
    const openings: string[] = [];
    if (m.entries) {
      // The entries this manifest has of the captures asked about: their lines, hashed, found.
      const committed = new Set(m.entries);
      lines.set(row.day, lines.get(row.day) ?? (await dayEntryLines(ctx, row.day)));
      const day = lines.get(row.day)!;
      const found = (ids: Set<string>, byId: Map<string, string>) =>
        [...ids].filter((id) => {
          const line = byId.get(id);
          if (line === undefined || !committed.has(commitmentOf(line))) return false;
          openings.push(line);
          return true;
        });
      captureIds = found(captures, day.captures);
      webCaptureIds = found(webCaptures, day.webCaptures);
    } else {
      captureIds = (m.captures ?? []).map((c) => c.id).filter((id) => captures.has(id));
      webCaptureIds = (m.webCaptures ?? []).map((w) => w.id).filter((id) => webCaptures.has(id));
    }
    if (captureIds.length === 0 && webCaptureIds.length === 0) continue;
    const tsaCert = row.tsa_cert ?? configuredPem();
    const token = Buffer.from(row.token, 'base64');
    const bytes = Buffer.from(row.manifest, 'utf8');
    let check: CoveringStamp['check'] = { ok: true };
    if (createHash('sha256').update(bytes).digest('hex') !== row.manifest_sha256)
      check = { ok: false, reason: 'the stored manifest no longer has the hash that was stamped' };
    else if (!tsaCert) check = { ok: false, reason: 'no authority certificate is kept or configured' };
    else
      check = await verifyToken(token, bytes, null, tsaCert).then(
        () => ({ ok: true }) as const,
        (e: Error) => ({ ok: false, reason: e.message }) as const,
      );
    out.push({
      record: presentStamp(row),
      manifest: row.manifest,
      token,
      tsaCert,
      tsaCertSource: row.tsa_cert ? 'kept with the stamp' : tsaCert ? 'configured now' : null,
      tsaCertFingerprint: tsaCert ? certificateFingerprint(tsaCert) : null,
      check,
      captureIds,
      webCaptureIds,
      openings,
    });
  }
  return out;
}
