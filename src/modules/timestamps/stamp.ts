/**
 * Trusted time for the evidence: each UTC day's manifest — every capture recorded that day with
 * the SHA-256 of its bytes, every URL capture with its WARC's SHA-256, and the audit chain's head
 * (sequence number and hash) when the manifest was made — is stamped by the RFC 3161 authority an
 * administrator configured (ATHAR_TSA_URL; none by default: the machine may be offline). The token
 * is checked (imprint, nonce, signature up to ATHAR_TSA_CERT) before it is kept with the manifest
 * exactly as stamped, so anyone can later show that these bytes and this chain existed by then:
 * someone who rewrote the audit chain and its head together could not also move the head recorded
 * in a stamped manifest.
 */
import { createHash, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { capturesBetween } from '#src/modules/media/index.ts';
import type { Context } from '#src/platform/context.ts';
import { invalid, unavailable } from '#src/platform/errors.ts';
import {
  askAuthority,
  timeStampRequest,
  verifyResponse,
  verifyToken,
} from '#src/platform/trusted-time/rfc3161.ts';
import { TimeStampRepository, type TimeStampRow } from './timestamps.repository.ts';
import type { StampVerifyResult, TimeStampRecord } from './schemas.ts';

/**
 * Format 2 lists each capture as a commitment — the SHA-256 of one line of canonical JSON that
 * says what it is (see `entryLine`) — not the line itself. An evidence package ships the manifest
 * whole (the token signs the whole file) together with the lines of its own captures, which
 * anyone can hash and find in it; the other lines, of other cases, stay unreadable: a line holds
 * the capture's random id, its case's and item's ids and its time to the millisecond, so it
 * cannot be guessed from a file or a URL one holds. Format 1 (the lines themselves) is still read.
 */
export const MANIFEST_FORMAT = 'athar-daily-manifest/2';

/** The line a capture of a day's manifest commits to (keys in this order, no spaces). */
export function entryLine(
  e:
    | {
        kind: 'capture';
        id: string;
        itemId: string;
        caseId: string;
        method: string;
        sha256: string;
        capturedAt: string;
      }
    | {
        kind: 'web_capture';
        id: string;
        caseId: string;
        url: string;
        warcSha256: string;
        capturedAt: string;
      },
): string {
  return e.kind === 'capture'
    ? JSON.stringify({
        kind: e.kind,
        id: e.id,
        itemId: e.itemId,
        caseId: e.caseId,
        method: e.method,
        sha256: e.sha256,
        capturedAt: e.capturedAt,
      })
    : JSON.stringify({
        kind: e.kind,
        id: e.id,
        caseId: e.caseId,
        url: e.url,
        warcSha256: e.warcSha256,
        capturedAt: e.capturedAt,
      });
}

export const commitmentOf = (line: string): string => createHash('sha256').update(line, 'utf8').digest('hex');

interface Manifest {
  format: string;
  organisation: string;
  day: string;
  generatedAt: string;
  /** How many of the entries are captures of files and how many URL captures. */
  counts: { captures: number; webCaptures: number };
  /** The SHA-256 of each entry's line, sorted (the order says nothing of the captures). */
  entries: string[];
  auditHead: { seq: number; hash: string } | null;
}

/** Format 1's manifest, read for stamps made before format 2. */
interface ManifestV1 {
  format: string;
  captures: { id: string }[];
  webCaptures: { id: string }[];
  auditHead: { seq: number; hash: string } | null;
}

/** The lines of a day's captures, by capture id (what their manifest entries commit to). */
export async function dayEntryLines(
  ctx: Context,
  day: string,
): Promise<{ captures: Map<string, string>; webCaptures: Map<string, string> }> {
  const [from, to] = dayBounds(day);
  const recorded = await capturesBetween(ctx, from, to);
  return {
    captures: new Map(
      recorded.captures.map((c) => [
        c.id,
        entryLine({
          kind: 'capture',
          id: c.id,
          itemId: c.item_id,
          caseId: c.case_id,
          method: c.method,
          sha256: c.sha256,
          capturedAt: c.captured_at.toISOString(),
        }),
      ]),
    ),
    webCaptures: new Map(
      recorded.webCaptures.map((w) => [
        w.id,
        entryLine({
          kind: 'web_capture',
          id: w.id,
          caseId: w.case_id,
          url: w.final_url,
          warcSha256: w.warc_sha256,
          capturedAt: w.captured_at.toISOString(),
        }),
      ]),
    ),
  };
}

/** Yesterday, UTC, as YYYY-MM-DD. */
export function yesterday(now: Date): string {
  return new Date(now.getTime() - 86_400_000).toISOString().slice(0, 10);
}

function dayBounds(day: string): [Date, Date] {
  const from = new Date(`${day}T00:00:00.000Z`);
  if (Number.isNaN(from.getTime()) || from.toISOString().slice(0, 10) !== day)
    throw invalid('timestamp.day', `day: not a calendar day: ${day}`, {
      issues: [{ field: 'day', message: 'not a calendar day (YYYY-MM-DD)' }],
    });
  return [from, new Date(from.getTime() + 86_400_000)];
}

/** The day's manifest as canonical JSON (fixed key order, one line per entry for reading). */
export async function buildManifest(
  ctx: Context,
  day: string,
): Promise<{ text: string; manifest: Manifest }> {
  const repo = ctx.repo(TimeStampRepository);
  const lines = await dayEntryLines(ctx, day);
  const manifest: Manifest = {
    format: MANIFEST_FORMAT,
    organisation: ctx.config.organisationName,
    day,
    generatedAt: ctx.clock.now().toISOString(),
    counts: { captures: lines.captures.size, webCaptures: lines.webCaptures.size },
    entries: [...lines.captures.values(), ...lines.webCaptures.values()].map(commitmentOf).sort(),
    auditHead: await repo.auditHead(),
  };
  return { text: `${JSON.stringify(manifest, null, 1)}\n`, manifest };
}

/**
 * The SHA-256 fingerprint of the first certificate in a PEM, as `openssl x509 -fingerprint
 * -sha256` prints it (what an authority publishes for its certificate); null if unreadable.
 */
export function certificateFingerprint(pem: string): string | null {
  try {
    return new X509Certificate(pem).fingerprint256;
  } catch {
    return null;
  }
}

/** The authority certificate (PEM) configured now (ATHAR_TSA_CERT); refuses when there is none. */
export function trustedPem(ctx: Context): string {
  const file = ctx.config.tsaCertFile;
  if (!file)
    throw unavailable(
      'timestamp.not_configured',
      'no time-stamping authority is configured (ATHAR_TSA_CERT: the certificate its tokens verify against)',
    );
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw unavailable('config.tsa_cert', `ATHAR_TSA_CERT: cannot read ${file} (${(e as Error).message})`);
  }
}

export function presentStamp(r: TimeStampRow): TimeStampRecord {
  const m = JSON.parse(r.manifest) as Manifest | ManifestV1;
  const counts =
    'counts' in m ? m.counts : { captures: m.captures.length, webCaptures: m.webCaptures.length };
  return {
    id: r.id,
    day: r.day,
    manifestSha256: r.manifest_sha256,
    captures: counts.captures,
    webCaptures: counts.webCaptures,
    auditHead: m.auditHead,
    tsaUrl: r.tsa_url,
    genTime: r.gen_time.toISOString(),
    serial: r.serial,
    signer: r.signer,
    tsaCertFingerprint: r.tsa_cert ? certificateFingerprint(r.tsa_cert) : null,
    createdBy: r.created_by,
    createdAt: r.created_at.toISOString(),
  };
}

/** Stamps a day's manifest now (runs outside a transaction: the authority is asked in between). */
export async function stampDay(ctx: Context, day: string): Promise<TimeStampRecord> {
  dayBounds(day); // a wrong day is the request's fault, whatever the configuration
  const url = ctx.config.tsaUrl;
  if (!url)
    throw unavailable(
      'timestamp.not_configured',
      'no time-stamping authority is configured (ATHAR_TSA_URL and ATHAR_TSA_CERT)',
    );
  const pem = trustedPem(ctx);
  const { text } = await buildManifest(ctx, day);
  const bytes = Buffer.from(text, 'utf8');
  const digest = createHash('sha256').update(bytes).digest();
  const { der, nonce } = timeStampRequest(digest);
  const reply = await askAuthority(url, der, ctx.config.captureTimeoutS);
  const stamp = await verifyResponse(reply, bytes, nonce, pem);
  return ctx.transaction(async (tx) => {
    const row = await tx.repo(TimeStampRepository).create({
      id: tx.ids.uuid(),
      day,
      manifest: text,
      manifest_sha256: digest.toString('hex'),
      tsa_url: url,
      token: stamp.token.toString('base64'),
      gen_time: stamp.genTime,
      serial: stamp.serialNumber,
      signer: stamp.signer,
      // What the token was checked against, kept with it: ATHAR_TSA_CERT may name another
      // authority later, and evidence packages ship this one.
      tsa_cert: pem,
      created_by: tx.actor.username,
      created_at: tx.clock.now(),
    });
    const out = presentStamp(row);
    tx.audit({ action: 'timestamp.created', entityType: 'time_stamp', entityId: row.id, after: out });
    return out;
  });
}

/**
 * Checks every stored token again against its manifest and the configured authority certificate.
 * A token that fails there but verifies with the certificate kept with it (the authority
 * configured when it was stamped) still fails, saying so: what this installation trusts now is
 * what the check answers for.
 */
export async function verifyStamps(ctx: Context): Promise<StampVerifyResult> {
  const pem = trustedPem(ctx);
  const rows = await ctx.repo(TimeStampRepository).all(100_000);
  const failed: StampVerifyResult['failed'] = [];
  for (const r of rows) {
    const bytes = Buffer.from(r.manifest, 'utf8');
    if (createHash('sha256').update(bytes).digest('hex') !== r.manifest_sha256) {
      failed.push({
        id: r.id,
        day: r.day,
        reason: 'the stored manifest no longer has the hash that was stamped',
      });
      continue;
    }
    const token = Buffer.from(r.token, 'base64');
    try {
      await verifyToken(token, bytes, null, pem);
    } catch (e) {
      let reason = (e as Error).message;
      if (r.tsa_cert && r.tsa_cert !== pem) {
        const withKept = await verifyToken(token, bytes, null, r.tsa_cert).then(
          () => true,
          () => false,
        );
        if (withKept)
          reason += `; it verifies with the certificate kept with it (SHA-256 fingerprint ${certificateFingerprint(r.tsa_cert) ?? 'unreadable'}), the authority configured when it was stamped`;
      }
      failed.push({ id: r.id, day: r.day, reason });
    }
  }
  return { checked: rows.length, failed };
}

/** The stamps, newest day first. */
export async function listStamps(ctx: Context): Promise<TimeStampRecord[]> {
  return (await ctx.repo(TimeStampRepository).all(1000)).map(presentStamp);
}
