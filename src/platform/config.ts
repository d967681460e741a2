import path from 'node:path';
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { invalid } from '#src/platform/errors.ts';

/**
 * The one place that reads the environment. It is validated once at start; everything else
 * receives the typed `Config`.
 */
export const ConfigSchema = Type.Object({
  port: Type.Integer({ minimum: 0, maximum: 65535 }),
  host: Type.String({ minLength: 1 }),
  dataDir: Type.String({ minLength: 1 }),
  /** PostgreSQL server; when absent, the embedded PGlite database in dataDir is used. */
  databaseUrl: Type.Optional(Type.String({ minLength: 1 })),
  /** Initial administrator password; when absent a one-time password is generated and printed. */
  adminPassword: Type.Optional(Type.String({ minLength: 12 })),
  /** Base of the public URLs of published verdicts. */
  publicBaseUrl: Type.String({ pattern: '^https?://\\S+$' }),
  /** The organisation that signs published verdicts (ClaimReview author). */
  organisationName: Type.String({ minLength: 1 }),
  organisationUrl: Type.Optional(Type.String()),
  /** Fastify trustProxy: false, true, a hop count, or a comma-separated list of addresses/CIDRs. */
  trustProxy: Type.Union([Type.Boolean(), Type.Integer({ minimum: 1 }), Type.String()]),
  logLevel: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
  ),
  sessionTtlHours: Type.Integer({ minimum: 1, maximum: 24 * 90 }),
  /** Sign-in and password-change attempts per minute per client address. */
  loginRateLimitPerMinute: Type.Integer({ minimum: 1 }),
  /** Failed sign-ins (or password changes) of one account in 15 minutes before it is refused for 15 minutes. */
  loginFailuresPerAccount: Type.Integer({ minimum: 1 }),
  bodyLimitBytes: Type.Integer({ minimum: 1024 }),
  /** Whether to run background job workers inside `athar serve`. */
  runWorkers: Type.Boolean(),
  /** Images above this many pixels are refused before decoding (decompression bombs). */
  maxImagePixels: Type.Integer({ minimum: 1 }),
  /** Every ffmpeg/ffprobe run is killed after this many seconds. */
  ffmpegTimeoutS: Type.Integer({ minimum: 1 }),
  /** ffmpeg and ffprobe to run, when not the ones on PATH or in the npm packages. */
  ffmpegPath: Type.Optional(Type.String({ minLength: 1 })),
  ffprobePath: Type.Optional(Type.String({ minLength: 1 })),
  /** Cron expression for the scheduled audit-chain check (UTC). */
  auditCheckCron: Type.String({ minLength: 9 }),
  /** Largest media file one upload or ingest may store, in bytes. */
  mediaLimitBytes: Type.Integer({ minimum: 1024 }),
  /** A resumable upload untouched this many hours is removed (its bytes so far, then its row). */
  uploadExpiryH: Type.Integer({ minimum: 1 }),
  /** Cron expression for the scheduled re-hash of every stored original (UTC). */
  blobsCheckCron: Type.String({ minLength: 9 }),
  /**
   * Let URL capture reach private, loopback and link-local addresses (an administrator's choice,
   * e.g. for an intranet archive); off by default, so a URL cannot aim athar at its own network.
   */
  captureAllowPrivate: Type.Boolean(),
  /** A URL capture (every redirect and the body) must finish within this many seconds. */
  captureTimeoutS: Type.Integer({ minimum: 1 }),
  /**
   * Cron expression for asking every captured URL whether it is still online (UTC), or `off`: the
   * check tells each source that someone is watching it, which some cases must not.
   */
  urlCheckCron: Type.Union([Type.Literal('off'), Type.String({ minLength: 9 })]),
  /** The RFC 3161 time-stamping authority that stamps each day's manifest (none by default). */
  tsaUrl: Type.Optional(Type.String({ pattern: '^https?://' })),
  /** A PEM file with the authority's certificate (or its CA): tokens must verify against it. */
  tsaCertFile: Type.Optional(Type.String({ minLength: 1 })),
  /** Cron expression for stamping the previous UTC day's manifest. */
  timestampCron: Type.String({ minLength: 9 }),
  /** Mark the session cookie Secure (set when served over HTTPS). */
  secureCookies: Type.Boolean(),
  /** Load the demo case on the first start of an installation. */
  loadDemo: Type.Boolean(),
  /** Make the demo case's synthetic stand-in videos with ffmpeg when it is loaded. */
  demoMedia: Type.Boolean(),
  /** API token the CLI presents (remote servers, server databases). */
  token: Type.Optional(Type.String({ minLength: 1 })),
  /**
   * The master key file (32 random bytes, base64): it seals every record's own key. When absent,
   * one is made in the data directory (see src/platform/crypto/master-key.ts).
   */
  masterKeyFile: Type.Optional(Type.String({ minLength: 1 })),
  /** An inquiry's contact details are purged this many days after it is closed. */
  inquiryRetentionDays: Type.Integer({ minimum: 0, maximum: 36500 }),
  /** Cron expression for the retention sweep (UTC). */
  retentionCron: Type.String({ minLength: 9 }),
  /** Inquiries the public form takes per hour from one client address. */
  publicInquiryRateLimit: Type.Integer({ minimum: 1 }),
});
export type Config = Static<typeof ConfigSchema>;

function bool(v: string | undefined, name: string, dflt: boolean): boolean {
  if (v === undefined || v === '') return dflt;
  if (/^(1|true|yes|on)$/i.test(v)) return true;
  if (/^(0|false|no|off)$/i.test(v)) return false;
  throw invalid('config.invalid', `${name} must be true or false, got "${v}"`, {
    issues: [{ field: name, message: 'not a boolean' }],
  });
}

function int(v: string | undefined, name: string, dflt: number): number {
  if (v === undefined || v === '') return dflt;
  if (!/^-?\d+$/.test(v)) {
    throw invalid('config.invalid', `${name} must be an integer, got "${v}"`, {
      issues: [{ field: name, message: 'not an integer' }],
    });
  }
  return Number(v);
}

function trustProxy(v: string | undefined): boolean | number | string {
  if (v === undefined || v === '') return false;
  if (/^(true|false)$/i.test(v)) return /^true$/i.test(v);
  if (/^\d+$/.test(v)) return Number(v);
  return v;
}

/** Reads and validates the configuration from an environment (process.env by default). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const port = int(env.ATHAR_PORT, 'ATHAR_PORT', 4000);
  const host = env.ATHAR_HOST || '127.0.0.1';
  const raw: Config = {
    port,
    host,
    dataDir: path.resolve(env.ATHAR_DATA_DIR || 'data'),
    databaseUrl: env.DATABASE_URL || undefined,
    adminPassword: env.ATHAR_ADMIN_PASSWORD || undefined,
    publicBaseUrl: (env.ATHAR_PUBLIC_BASE_URL || `http://${host}:${port}`).replace(/\/+$/, ''),
    organisationName: env.ATHAR_ORGANISATION || 'athar demo desk',
    organisationUrl: env.ATHAR_ORGANISATION_URL || undefined,
    trustProxy: trustProxy(env.ATHAR_TRUST_PROXY),
    logLevel: env.ATHAR_LOG_LEVEL || 'info',
    sessionTtlHours: int(env.ATHAR_SESSION_TTL_HOURS, 'ATHAR_SESSION_TTL_HOURS', 12),
    loginRateLimitPerMinute: int(env.ATHAR_LOGIN_RATE_LIMIT, 'ATHAR_LOGIN_RATE_LIMIT', 10),
    loginFailuresPerAccount: int(env.ATHAR_LOGIN_FAILURES, 'ATHAR_LOGIN_FAILURES', 5),
    bodyLimitBytes: int(env.ATHAR_BODY_LIMIT_BYTES, 'ATHAR_BODY_LIMIT_BYTES', 1024 * 1024),
    runWorkers: bool(env.ATHAR_RUN_WORKERS, 'ATHAR_RUN_WORKERS', true),
    maxImagePixels: int(env.ATHAR_MAX_IMAGE_PIXELS, 'ATHAR_MAX_IMAGE_PIXELS', 100_000_000),
    ffmpegTimeoutS: int(env.ATHAR_FFMPEG_TIMEOUT_S, 'ATHAR_FFMPEG_TIMEOUT_S', 600),
    ffmpegPath: env.FFMPEG_PATH || undefined,
    ffprobePath: env.FFPROBE_PATH || undefined,
    auditCheckCron: env.ATHAR_AUDIT_CHECK_CRON || '17 * * * *',
    mediaLimitBytes: int(env.ATHAR_MEDIA_LIMIT_BYTES, 'ATHAR_MEDIA_LIMIT_BYTES', 4 * 1024 ** 3),
    uploadExpiryH: int(env.ATHAR_UPLOAD_EXPIRY_H, 'ATHAR_UPLOAD_EXPIRY_H', 24),
    blobsCheckCron: env.ATHAR_BLOBS_CHECK_CRON || '41 3 * * *',
    captureAllowPrivate: bool(env.ATHAR_CAPTURE_ALLOW_PRIVATE, 'ATHAR_CAPTURE_ALLOW_PRIVATE', false),
    captureTimeoutS: int(env.ATHAR_CAPTURE_TIMEOUT_S, 'ATHAR_CAPTURE_TIMEOUT_S', 60),
    urlCheckCron: env.ATHAR_URL_CHECK_CRON || '53 4 * * *',
    tsaUrl: env.ATHAR_TSA_URL || undefined,
    tsaCertFile: env.ATHAR_TSA_CERT || undefined,
    timestampCron: env.ATHAR_TIMESTAMP_CRON || '23 0 * * *',
    secureCookies: bool(env.ATHAR_SECURE_COOKIES, 'ATHAR_SECURE_COOKIES', false),
    loadDemo: bool(env.ATHAR_DEMO, 'ATHAR_DEMO', true),
    demoMedia: bool(env.ATHAR_DEMO_MEDIA, 'ATHAR_DEMO_MEDIA', true),
    token: env.ATHAR_TOKEN || undefined,
    masterKeyFile: env.ATHAR_MASTER_KEY_FILE ? path.resolve(env.ATHAR_MASTER_KEY_FILE) : undefined,
    inquiryRetentionDays: int(env.ATHAR_INQUIRY_RETENTION_DAYS, 'ATHAR_INQUIRY_RETENTION_DAYS', 365),
    retentionCron: env.ATHAR_RETENTION_CRON || '29 2 * * *',
    publicInquiryRateLimit: int(env.ATHAR_PUBLIC_INQUIRY_LIMIT, 'ATHAR_PUBLIC_INQUIRY_LIMIT', 5),
    ...overrides,
  };
  if (raw.databaseUrl === undefined) delete raw.databaseUrl;
  if (raw.adminPassword === undefined) delete raw.adminPassword;
  if (raw.organisationUrl === undefined) delete raw.organisationUrl;
  if (raw.token === undefined) delete raw.token;
  if (raw.ffmpegPath === undefined) delete raw.ffmpegPath;
  if (raw.ffprobePath === undefined) delete raw.ffprobePath;
  if (raw.tsaUrl === undefined) delete raw.tsaUrl;
  if (raw.tsaCertFile === undefined) delete raw.tsaCertFile;
  if (raw.masterKeyFile === undefined) delete raw.masterKeyFile;
  const errors = [...Value.Errors(ConfigSchema, raw)];
  if (errors.length > 0) {
    const issues = errors.map((e) => ({ field: envName(e.path), message: e.message }));
    throw invalid(
      'config.invalid',
      `invalid configuration: ${issues.map((i) => `${i.field}: ${i.message}`).join('; ')}`,
      { issues },
    );
  }
  if (raw.tsaUrl && !raw.tsaCertFile)
    throw invalid(
      'config.invalid',
      'invalid configuration: ATHAR_TSA_CERT: required with ATHAR_TSA_URL (the certificate its tokens must verify against)',
      { issues: [{ field: 'ATHAR_TSA_CERT', message: 'required with ATHAR_TSA_URL' }] },
    );
  return raw;
}

const ENV_NAMES: Record<string, string> = {
  port: 'ATHAR_PORT',
  host: 'ATHAR_HOST',
  dataDir: 'ATHAR_DATA_DIR',
  databaseUrl: 'DATABASE_URL',
  adminPassword: 'ATHAR_ADMIN_PASSWORD',
  publicBaseUrl: 'ATHAR_PUBLIC_BASE_URL',
  organisationName: 'ATHAR_ORGANISATION',
  organisationUrl: 'ATHAR_ORGANISATION_URL',
  trustProxy: 'ATHAR_TRUST_PROXY',
  logLevel: 'ATHAR_LOG_LEVEL',
  sessionTtlHours: 'ATHAR_SESSION_TTL_HOURS',
  loginRateLimitPerMinute: 'ATHAR_LOGIN_RATE_LIMIT',
  loginFailuresPerAccount: 'ATHAR_LOGIN_FAILURES',
  bodyLimitBytes: 'ATHAR_BODY_LIMIT_BYTES',
  runWorkers: 'ATHAR_RUN_WORKERS',
  maxImagePixels: 'ATHAR_MAX_IMAGE_PIXELS',
  ffmpegTimeoutS: 'ATHAR_FFMPEG_TIMEOUT_S',
  ffmpegPath: 'FFMPEG_PATH',
  ffprobePath: 'FFPROBE_PATH',
  auditCheckCron: 'ATHAR_AUDIT_CHECK_CRON',
  mediaLimitBytes: 'ATHAR_MEDIA_LIMIT_BYTES',
  uploadExpiryH: 'ATHAR_UPLOAD_EXPIRY_H',
  blobsCheckCron: 'ATHAR_BLOBS_CHECK_CRON',
  captureAllowPrivate: 'ATHAR_CAPTURE_ALLOW_PRIVATE',
  captureTimeoutS: 'ATHAR_CAPTURE_TIMEOUT_S',
  urlCheckCron: 'ATHAR_URL_CHECK_CRON',
  tsaUrl: 'ATHAR_TSA_URL',
  tsaCertFile: 'ATHAR_TSA_CERT',
  timestampCron: 'ATHAR_TIMESTAMP_CRON',
  secureCookies: 'ATHAR_SECURE_COOKIES',
  loadDemo: 'ATHAR_DEMO',
  demoMedia: 'ATHAR_DEMO_MEDIA',
  token: 'ATHAR_TOKEN',
  masterKeyFile: 'ATHAR_MASTER_KEY_FILE',
  inquiryRetentionDays: 'ATHAR_INQUIRY_RETENTION_DAYS',
  retentionCron: 'ATHAR_RETENTION_CRON',
  publicInquiryRateLimit: 'ATHAR_PUBLIC_INQUIRY_LIMIT',
};

function envName(p: string): string {
  const key = p.replace(/^\//, '').split('/')[0] ?? p;
  return ENV_NAMES[key] ?? key;
}
