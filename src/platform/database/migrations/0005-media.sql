-- Media evidence: items (one per distinct file in a case, by SHA-256), their captures (who
-- collected them, when, how, from where, and what the source claimed), fingerprints (the
-- installation-wide index is built from media_hash), and matches between items.

CREATE TABLE media_item (
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES case_file(id),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size bigint NOT NULL CHECK (size > 0),
  name text NOT NULL,
  kind text NOT NULL DEFAULT 'unknown' CHECK (kind IN ('image', 'video', 'unknown')),
  status text NOT NULL DEFAULT 'received'
    CHECK (status IN ('received', 'processing', 'processed', 'unreadable', 'failed')),
  status_reason text,
  stage text,
  progress integer NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  metadata jsonb,
  duration_s double precision,
  width integer,
  height integer,
  has_thumbnail boolean NOT NULL DEFAULT false,
  sensitivity text[] NOT NULL DEFAULT '{}',
  is_demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (case_id, sha256)
);
CREATE INDEX media_item_case_created ON media_item(case_id, created_at, id);
CREATE INDEX media_item_sha ON media_item(sha256);

CREATE TABLE media_capture (
  id uuid PRIMARY KEY,
  item_id uuid NOT NULL REFERENCES media_item(id),
  case_id uuid NOT NULL REFERENCES case_file(id),
  method text NOT NULL CHECK (method IN ('upload', 'file', 'url')),
  captured_by_id uuid REFERENCES app_user(id),
  captured_by text NOT NULL,
  captured_at timestamptz NOT NULL,
  captured_from text,
  tool text NOT NULL,
  tool_version text NOT NULL,
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  file_name text,
  notes text NOT NULL DEFAULT '',
  source_url text,
  platform text,
  account text,
  title text,
  posted_at timestamptz,
  is_demo boolean NOT NULL DEFAULT false
);
CREATE INDEX media_capture_item ON media_capture(item_id, captured_at);
CREATE INDEX media_capture_url ON media_capture(case_id, source_url) WHERE source_url IS NOT NULL;

-- One row per stored hash: a picture's PDQ (and its trimmed and window variants), a video's
-- frame hashes at 1 fps. seq orders the rows so every process can load what is new since it last
-- looked (the in-memory index follows the table).
CREATE TABLE media_hash (
  seq bigserial PRIMARY KEY,
  item_id uuid NOT NULL REFERENCES media_item(id),
  variant text NOT NULL,
  t double precision,
  hash text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
  quality integer NOT NULL
);
CREATE INDEX media_hash_item ON media_hash(item_id);

-- A match between two items, stored once (item_a < item_b). status: suggested (a reviewer
-- decides), confirmed (the same bytes, ≤ 12 bits, or a reviewer), rejected (remembered).
CREATE TABLE media_match (
  item_a uuid NOT NULL REFERENCES media_item(id),
  item_b uuid NOT NULL REFERENCES media_item(id),
  how text NOT NULL CHECK (how IN ('sha256', 'image', 'video')),
  distance integer,
  detail jsonb,
  status text NOT NULL CHECK (status IN ('suggested', 'confirmed', 'rejected')),
  decided_by text,
  decided_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (item_a, item_b),
  CHECK (item_a < item_b)
);
CREATE INDEX media_match_b ON media_match(item_b);

-- What the scheduled and manual checks of the blob store found.
CREATE TABLE blob_check (
  id uuid PRIMARY KEY,
  started_at timestamptz NOT NULL,
  finished_at timestamptz NOT NULL,
  checked integer NOT NULL,
  changed jsonb NOT NULL,
  missing jsonb NOT NULL
);
