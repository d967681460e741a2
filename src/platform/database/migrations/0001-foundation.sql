-- athar foundation: accounts, cases, the case file, and the hash-chained audit trail.
-- Runs on PostgreSQL 15 and on PGlite (PostgreSQL 18).

CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;

CREATE TABLE app_user (
  id uuid PRIMARY KEY,
  username text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,62}$'),
  display_name text NOT NULL,
  password_hash text NOT NULL,
  must_change_password boolean NOT NULL DEFAULT false,
  is_admin boolean NOT NULL DEFAULT false,
  disabled_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE user_session (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES app_user(id),
  token_hash text NOT NULL UNIQUE,
  csrf_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  last_seen_at timestamptz
);
CREATE INDEX user_session_user ON user_session(user_id);

CREATE TABLE api_token (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES app_user(id),
  name text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  prefix text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz,
  revoked_at timestamptz,
  last_used_at timestamptz
);
CREATE INDEX api_token_user ON api_token(user_id);

CREATE TABLE case_file (
  id uuid PRIMARY KEY,
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  title text NOT NULL,
  description text NOT NULL DEFAULT '',
  time_zone text NOT NULL,
  event_start timestamptz,
  event_start_precision text CHECK (event_start_precision IN ('year','month','day','hour','minute','second')),
  is_demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE membership (
  case_id uuid NOT NULL REFERENCES case_file(id),
  user_id uuid NOT NULL REFERENCES app_user(id),
  role text NOT NULL CHECK (role IN ('admin','editor','reviewer','caseworker','viewer')),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (case_id, user_id)
);
CREATE INDEX membership_user ON membership(user_id);

-- Append-only, hash-chained. seq orders the chain; hash = sha256(prev_hash || canonical JSON).
CREATE TABLE audit_event (
  seq bigint PRIMARY KEY,
  id uuid NOT NULL UNIQUE,
  at timestamptz NOT NULL,
  actor_id uuid,
  actor text NOT NULL,
  action text NOT NULL,
  entity_type text NOT NULL,
  entity_id text,
  case_id uuid,
  before jsonb,
  after jsonb,
  prev_hash text NOT NULL,
  hash text NOT NULL
);
CREATE INDEX audit_event_entity ON audit_event(entity_type, entity_id);
CREATE INDEX audit_event_case ON audit_event(case_id, seq);

CREATE TABLE source (
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES case_file(id),
  kind text NOT NULL CHECK (kind IN ('organisation','outlet','account','person')),
  name text NOT NULL,
  platform text,
  handle text,
  url text,
  description text NOT NULL DEFAULT '',
  is_demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX source_case ON source(case_id);

CREATE TABLE statement (
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES case_file(id),
  source_id uuid NOT NULL REFERENCES source(id),
  text text NOT NULL,
  language text NOT NULL,
  stated_at timestamptz,
  stated_time_zone text,
  stated_precision text CHECK (stated_precision IN ('year','month','day','hour','minute','second')),
  stated_as_written text,
  url text,
  quote text,
  is_demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX statement_case ON statement(case_id, stated_at);

CREATE TABLE claim (
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES case_file(id),
  text text NOT NULL,
  -- text folded for search (case, diacritics, Arabic letter variants), derived in the engine
  text_folded text NOT NULL,
  language text NOT NULL,
  first_seen_at timestamptz,
  first_seen_precision text CHECK (first_seen_precision IN ('year','month','day','hour','minute','second')),
  first_seen_time_zone text,
  appearance_url text,
  claimant_source_id uuid REFERENCES source(id),
  status text NOT NULL DEFAULT 'unverified' CHECK (status IN ('unverified','in_review','verdict')),
  verdict text CHECK (verdict IN ('false','misleading','unproven','true')),
  rating smallint CHECK (rating BETWEEN 1 AND 5),
  rating_overridden boolean NOT NULL DEFAULT false,
  summary text,
  reviewed_by uuid REFERENCES app_user(id),
  reviewed_at timestamptz,
  verdict_as_of timestamptz,
  verdict_as_of_precision text CHECK (verdict_as_of_precision IN ('year','month','day','hour','minute','second')),
  verdict_as_of_time_zone text,
  published_at timestamptz,
  published_by uuid REFERENCES app_user(id),
  public_url text,
  author_name text,
  is_demo boolean NOT NULL DEFAULT false,
  -- millisecond precision: page cursors carry JavaScript instants, which have no microseconds
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'verdict') = (verdict IS NOT NULL)),
  CHECK (published_at IS NULL OR status = 'verdict')
);
CREATE INDEX claim_case ON claim(case_id, created_at DESC, id DESC);
CREATE INDEX claim_trgm ON claim USING gin (text_folded gin_trgm_ops);
CREATE INDEX claim_fts ON claim USING gin (to_tsvector('simple', text_folded));

CREATE TABLE claim_evidence (
  id uuid PRIMARY KEY,
  claim_id uuid NOT NULL REFERENCES claim(id),
  stance text NOT NULL CHECK (stance IN ('supports','refutes','context')),
  target_type text NOT NULL CHECK (target_type IN ('statement','sweep','figure','media_item','person')),
  target_id uuid NOT NULL,
  note text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (claim_id, target_type, target_id)
);

CREATE TABLE place (
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES case_file(id),
  parent_id uuid REFERENCES place(id),
  kind text NOT NULL CHECK (kind IN ('region','city','town','site','building','floor','zone')),
  -- [{"lang":"en","name":"Sednaya prison"},{"lang":"ar","name":"سجن صيدنايا"}]
  names jsonb NOT NULL,
  latitude double precision CHECK (latitude BETWEEN -90 AND 90),
  longitude double precision CHECK (longitude BETWEEN -180 AND 180),
  -- radius in metres within which the true position lies; null when exact or unknown
  coord_precision_m integer CHECK (coord_precision_m >= 0),
  coord_approximate boolean NOT NULL DEFAULT false,
  description text NOT NULL DEFAULT '',
  is_demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((latitude IS NULL) = (longitude IS NULL))
);
CREATE INDEX place_case ON place(case_id);
CREATE INDEX place_parent ON place(parent_id);

CREATE TABLE sweep (
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES case_file(id),
  place_id uuid NOT NULL REFERENCES place(id),
  source_id uuid REFERENCES source(id),
  team text,
  started_at timestamptz,
  started_precision text CHECK (started_precision IN ('year','month','day','hour','minute','second')),
  ended_at timestamptz,
  ended_precision text CHECK (ended_precision IN ('year','month','day','hour','minute','second')),
  time_zone text,
  result text NOT NULL CHECK (result IN ('ongoing','nothing_found','people_found','remains_found')),
  notes text NOT NULL DEFAULT '',
  statement_id uuid REFERENCES statement(id),
  is_demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ended_at IS NULL OR started_at IS NULL OR ended_at >= started_at)
);
CREATE INDEX sweep_case ON sweep(case_id);

CREATE TABLE figure (
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES case_file(id),
  label text NOT NULL,
  value numeric,
  low numeric,
  high numeric,
  -- "at least 500": value 500 with qualifier at_least
  qualifier text NOT NULL DEFAULT 'exact' CHECK (qualifier IN ('exact','approximately','at_least','at_most')),
  unit text NOT NULL,
  -- partial ISO dates as written: '2011', '2018-03', '2024-12-08'
  period_from text,
  period_to text,
  source_id uuid REFERENCES source(id),
  statement_id uuid REFERENCES statement(id),
  method text NOT NULL DEFAULT '',
  is_demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (value IS NOT NULL OR (low IS NOT NULL AND high IS NOT NULL)),
  CHECK (low IS NULL OR high IS NULL OR low <= high)
);
CREATE INDEX figure_case ON figure(case_id);

CREATE TABLE installation (
  key text PRIMARY KEY,
  value jsonb NOT NULL
);
