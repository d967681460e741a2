import type { Generated, Ts } from '#src/platform/database/schema.ts';

export interface TimeStampTable {
  id: string;
  /** The UTC day, YYYY-MM-DD. */
  day: string;
  /** The manifest exactly as stamped (canonical JSON). */
  manifest: string;
  manifest_sha256: string;
  tsa_url: string;
  /** The TimeStampToken (DER), base64. */
  token: string;
  gen_time: Ts;
  serial: string;
  signer: string;
  /** The authority certificate (PEM) the token was checked against when kept; null before migration 0012. */
  tsa_cert: Generated<string | null>;
  created_by: string;
  created_at: Ts;
}

declare module '#src/platform/database/schema.ts' {
  interface DB {
    time_stamp: TimeStampTable;
  }
}
