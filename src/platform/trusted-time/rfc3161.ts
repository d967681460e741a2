/**
 * Trusted time from an RFC 3161 time-stamping authority (TSA): a request for the SHA-256 of some
 * bytes (with a fresh nonce, asking for the TSA's certificate), sent by HTTP POST as
 * `application/timestamp-query`, and the token that comes back checked before it is kept: the
 * status is granted, the token is a CMS SignedData over a TSTInfo whose message imprint is our
 * digest and whose nonce is ours, and the signature verifies with a certificate chain ending in
 * the authority certificate the administrator configured (ATHAR_TSA_CERT). Parsing and signature
 * checks are PKI.js's (a maintained implementation of these RFCs over WebCrypto).
 *
 * The TSA's URL is configuration, set by an administrator; nothing in a stored file or a request
 * chooses where athar sends a time-stamp request.
 */
import { createHash, randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { unavailable, type AppError } from '#src/platform/errors.ts';

const SHA256_OID = '2.16.840.1.101.3.4.2.1';
const EKU_OID = '2.5.29.37';
const TIME_STAMPING_OID = '1.3.6.1.5.5.7.3.8';
const TST_INFO_OID = '1.2.840.113549.1.9.16.1.4';

/** What a verified token says. */
export interface TimeStamp {
  /** When the authority says it saw the digest. */
  genTime: Date;
  serialNumber: string;
  policy: string;
  /** The signing certificate's subject, as text. */
  signer: string;
  /** The token (the TimeStampToken: a CMS ContentInfo, DER), to keep and to ship. */
  token: Buffer;
}

/** A token that does not hold up: the authority's (or the network's) fault, never the request's. */
function bad(reason: string, code = 'timestamp.invalid'): AppError {
  return unavailable(code, `the time-stamp token was not accepted: ${reason}`, { details: { reason } });
}

const toArrayBuffer = (b: Buffer): ArrayBuffer =>
  b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

/** A DER TimeStampReq for the SHA-256 `digest`, and the nonce it carries. */
export function timeStampRequest(digest: Buffer): { der: Buffer; nonce: Buffer } {
  if (digest.length !== 32) throw new Error('a SHA-256 digest is 32 bytes');
  const nonce = randomBytes(8);
  // A positive INTEGER in minimal DER: top bit clear (positive) and the next one set (so the first
  // byte is never 0x00, which DER would forbid).
  nonce[0] = 0x40 | (nonce[0]! & 0x3f);
  const req = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: SHA256_OID }),
      hashedMessage: new asn1js.OctetString({ valueHex: toArrayBuffer(digest) }),
    }),
    nonce: new asn1js.Integer({ valueHex: toArrayBuffer(nonce) }),
    certReq: true,
  });
  return { der: Buffer.from(req.toSchema().toBER()), nonce };
}

/** Sends a request to the authority and gives its answer (a DER TimeStampResp). */
export async function askAuthority(url: string, der: Buffer, timeoutS: number): Promise<Buffer> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/timestamp-query' },
      body: new Uint8Array(der),
      redirect: 'error',
      signal: AbortSignal.timeout(timeoutS * 1000),
    });
  } catch (e) {
    throw unavailable(
      'timestamp.unreachable',
      `the time-stamping authority did not answer (${(e as Error).message})`,
      {
        details: { url },
      },
    );
  }
  if (!res.ok)
    throw unavailable('timestamp.refused', `the time-stamping authority answered HTTP ${res.status}`, {
      details: { url, status: res.status },
    });
  try {
    const body = Buffer.from(await res.arrayBuffer());
    if (body.length > 1024 * 1024) throw new Error('an answer over 1 MiB');
    return body;
  } catch (e) {
    throw unavailable(
      'timestamp.unreachable',
      `the time-stamping authority's answer was cut off (${(e as Error).message})`,
      {
        details: { url },
      },
    );
  }
}

function certificatesFromPem(pem: string): pkijs.Certificate[] {
  const blocks = [...pem.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]+?)-----END CERTIFICATE-----/g)];
  if (blocks.length === 0) throw unavailable('config.tsa_cert', 'ATHAR_TSA_CERT holds no PEM certificate');
  return blocks.map((m) =>
    pkijs.Certificate.fromBER(toArrayBuffer(Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64'))),
  );
}

function subjectOf(cert: pkijs.Certificate | undefined): string {
  if (!cert) return 'unknown';
  return cert.subject.typesAndValues
    .map(
      (tv) =>
        `${tv.type === '2.5.4.3' ? 'CN' : tv.type === '2.5.4.10' ? 'O' : tv.type}=${String(tv.value.valueBlock.value)}`,
    )
    .join(', ');
}

/** The certificate the token's (first) signer names, among those the token carries. */
function signerOf(signed: pkijs.SignedData): pkijs.Certificate | undefined {
  const sid: unknown = signed.signerInfos[0]?.sid;
  const certs = (signed.certificates ?? []).filter(
    (c): c is pkijs.Certificate => c instanceof pkijs.Certificate,
  );
  if (sid instanceof pkijs.IssuerAndSerialNumber)
    return certs.find((c) => c.issuer.isEqual(sid.issuer) && c.serialNumber.isEqual(sid.serialNumber));
  return undefined;
}

/**
 * Checks a TimeStampResp for `data` (the bytes whose SHA-256 was sent) and the request's nonce,
 * against the trusted certificates (PEM). Throws `timestamp.invalid` naming what failed.
 */
export async function verifyResponse(
  response: Buffer,
  data: Buffer,
  nonce: Buffer | null,
  trustedPem: string,
): Promise<TimeStamp> {
  let resp: pkijs.TimeStampResp;
  try {
    resp = pkijs.TimeStampResp.fromBER(toArrayBuffer(response));
  } catch (e) {
    throw bad(`not a time-stamp response (${(e as Error).message})`);
  }
  const status = resp.status.status;
  if (status !== pkijs.PKIStatus.granted && status !== pkijs.PKIStatus.grantedWithMods)
    throw bad(`the authority did not grant it (status ${status})`, 'timestamp.refused');
  if (!resp.timeStampToken) throw bad('the answer holds no token');
  return verifyToken(Buffer.from(resp.timeStampToken.toSchema().toBER()), data, nonce, trustedPem);
}

/** Checks a stored TimeStampToken (ContentInfo, DER) for `data`; see verifyResponse. */
export async function verifyToken(
  token: Buffer,
  data: Buffer,
  nonce: Buffer | null,
  trustedPem: string,
): Promise<TimeStamp> {
  let signed: pkijs.SignedData;
  let info: pkijs.TSTInfo;
  try {
    const content = pkijs.ContentInfo.fromBER(toArrayBuffer(token));
    if (content.contentType !== pkijs.ContentInfo.SIGNED_DATA) throw new Error('not CMS SignedData');
    signed = new pkijs.SignedData({ schema: content.content });
    if (signed.encapContentInfo.eContentType !== TST_INFO_OID)
      throw new Error('the signed content is not a TSTInfo');
    const eContent = signed.encapContentInfo.eContent;
    if (!eContent) throw new Error('the TSTInfo is missing');
    info = pkijs.TSTInfo.fromBER(eContent.getValue());
  } catch (e) {
    throw bad(`unreadable token (${(e as Error).message})`);
  }
  if (info.messageImprint.hashAlgorithm.algorithmId !== SHA256_OID) throw bad('not a SHA-256 imprint');
  const digest = createHash('sha256').update(data).digest();
  if (!Buffer.from(info.messageImprint.hashedMessage.valueBlock.valueHexView).equals(digest))
    throw bad('it is for other bytes (the message imprint differs)');
  if (nonce) {
    const got = info.nonce ? Buffer.from(info.nonce.valueBlock.valueHexView) : null;
    if (!got || !got.equals(nonce)) throw bad('the nonce is not the one sent');
  }
  const trustedCerts = certificatesFromPem(trustedPem);
  let ok = false;
  try {
    ok = await signed.verify({ signer: 0, trustedCerts, data: toArrayBuffer(data), checkChain: true });
  } catch (e) {
    const message = e instanceof Error ? e.message : String((e as { message?: unknown }).message ?? e);
    throw bad(`the signature does not verify with the configured authority certificate (${message})`);
  }
  if (!ok) throw bad('the signature does not verify with the configured authority certificate');
  // RFC 3161 §2.3: the signer's certificate must be for time-stamping (extended key usage
  // id-kp-timeStamping, and only that, marked critical), so no other certificate under the same CA
  // (a TLS server's, say) can sign a token athar keeps.
  const signerCert = signerOf(signed);
  if (!signerCert) throw bad('the token does not carry the certificate that signed it');
  const eku = signerCert.extensions?.find((x) => x.extnID === EKU_OID);
  const purposes = (eku?.parsedValue as pkijs.ExtKeyUsage | undefined)?.keyPurposes ?? [];
  if (!eku?.critical || purposes.length !== 1 || purposes[0] !== TIME_STAMPING_OID)
    throw bad(
      'the signing certificate is not a time-stamping certificate (critical extendedKeyUsage timeStamping)',
    );
  return {
    genTime: info.genTime,
    serialNumber: Buffer.from(info.serialNumber.valueBlock.valueHexView).toString('hex'),
    policy: info.policy,
    signer: subjectOf(signerCert),
    token,
  };
}
