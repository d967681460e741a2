-- Trusted time: each day's manifest (the SHA-256 of every capture that day, the web captures'
-- WARCs, and the audit chain's head), as stamped by an RFC 3161 authority, with its token.
CREATE TABLE time_stamp (
  id uuid PRIMARY KEY,
  day text NOT NULL CHECK (day ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
  manifest text NOT NULL,
  manifest_sha256 text NOT NULL CHECK (manifest_sha256 ~ '^[0-9a-f]{64}$'),
  tsa_url text NOT NULL,
  token text NOT NULL,
  gen_time timestamptz NOT NULL,
  serial text NOT NULL,
  signer text NOT NULL,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX time_stamp_day ON time_stamp(day, created_at);
