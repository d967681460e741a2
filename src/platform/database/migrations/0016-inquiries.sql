-- Protected values and family inquiries.
--
-- record_key: one data key per record whose protected values are sealed (AES-256-GCM), itself
-- sealed under the installation's master key, which is never in the database (a file named by
-- the configuration). Erasing a record's protected data deletes its key row: the sealed values
-- left anywhere (rows, backups, the audit trail never held them) can no longer be opened.
CREATE TABLE record_key (
  id uuid PRIMARY KEY,
  -- What the key seals (inquiry_contact, ...): for counting and for erasure reports.
  purpose text NOT NULL CHECK (purpose ~ '^[a-z_]{1,40}$'),
  -- The data key sealed under the master key (version byte, nonce, tag, ciphertext).
  sealed_key bytea NOT NULL,
  -- Which master key sealed it (the first 16 hex digits of the SHA-256 of the master key).
  master_id text NOT NULL CHECK (master_id ~ '^[0-9a-f]{16}$'),
  created_at timestamptz NOT NULL DEFAULT now()
);

-- A family's request about a missing person: who is sought (names by part, as persons have
-- them), the requester's relation, their contact details sealed with the inquiry's own key,
-- and their consent. Matched against the registry when it arrives and whenever persons,
-- events or lists arrive; nothing is ever disclosed to the requester by athar itself.
CREATE TABLE inquiry (
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES case_file(id),
  -- desk: recorded by a caseworker; public: filed through the public form.
  channel text NOT NULL CHECK (channel IN ('desk', 'public')),
  -- The sought person: {"ar": {...}, "lat": {...}} as person.names.
  names jsonb NOT NULL,
  sex text NOT NULL DEFAULT 'unknown' CHECK (sex IN ('female', 'male', 'unknown')),
  birth_year_from integer CHECK (birth_year_from IS NULL OR birth_year_from BETWEEN 1850 AND 2200),
  birth_year_to integer CHECK (birth_year_to IS NULL OR birth_year_to BETWEEN 1850 AND 2200),
  birthplace text NOT NULL DEFAULT '',
  -- When and where the family last had news of them, as they tell it.
  last_seen text NOT NULL DEFAULT '',
  details text NOT NULL DEFAULT '',
  -- The requester's relation to the sought person (mother, brother, friend, ...).
  relation text NOT NULL DEFAULT '',
  -- {"name", "phone", "email", "address", "notes"} sealed with record_key key_id; null once
  -- erased or purged.
  contact_sealed bytea,
  contact_key_id uuid,
  contact_state text NOT NULL DEFAULT 'sealed' CHECK (contact_state IN ('sealed', 'none', 'erased', 'purged')),
  contact_removed_at timestamptz,
  -- What the requester agreed to: {"processing": true, "share": bool, "at": "..."}.
  consent jsonb NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  closed_at timestamptz,
  closed_reason text,
  created_by text NOT NULL,
  is_demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (birth_year_from IS NULL OR birth_year_to IS NULL OR birth_year_from <= birth_year_to),
  CHECK ((contact_sealed IS NULL) = (contact_state <> 'sealed')),
  CHECK ((status = 'closed') = (closed_at IS NOT NULL))
);
CREATE INDEX inquiry_case_created ON inquiry (case_id, created_at, id);
CREATE INDEX inquiry_open ON inquiry (case_id, id) WHERE status = 'open';
-- The retention sweep: closed inquiries whose contact details are still sealed.
CREATE INDEX inquiry_retention ON inquiry (closed_at) WHERE contact_state = 'sealed' AND status = 'closed';

-- The sought person's retrieval keys and trigram texts (as person_key and person_spelling), so
-- that a person or a list line arriving finds the open inquiries that name them.
CREATE TABLE inquiry_key (
  case_id uuid NOT NULL REFERENCES case_file(id),
  key text NOT NULL,
  inquiry_id uuid NOT NULL REFERENCES inquiry(id) ON DELETE CASCADE,
  PRIMARY KEY (case_id, key, inquiry_id)
);
CREATE INDEX inquiry_key_inquiry ON inquiry_key (inquiry_id);

CREATE TABLE inquiry_spelling (
  inquiry_id uuid NOT NULL REFERENCES inquiry(id) ON DELETE CASCADE,
  n integer NOT NULL,
  case_id uuid NOT NULL REFERENCES case_file(id),
  text text NOT NULL,
  PRIMARY KEY (inquiry_id, n)
);
CREATE INDEX inquiry_spelling_trgm ON inquiry_spelling USING gin (text gin_trgm_ops);

-- A suggested match of an inquiry to a person, waiting for a caseworker; a decision is kept
-- (a rejected pair is never suggested again).
CREATE TABLE inquiry_match (
  inquiry_id uuid NOT NULL REFERENCES inquiry(id),
  person_id uuid NOT NULL REFERENCES person(id),
  case_id uuid NOT NULL REFERENCES case_file(id),
  score real NOT NULL,
  -- The name engine's explanation, as when suggested.
  explanation jsonb NOT NULL DEFAULT '[]',
  -- What made it: the inquiry arriving, a person recorded or changed, an event, a list.
  found_by text NOT NULL,
  state text NOT NULL DEFAULT 'suggested' CHECK (state IN ('suggested', 'confirmed', 'rejected')),
  decided_by text,
  decided_at timestamptz,
  event_id uuid REFERENCES person_event(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (inquiry_id, person_id)
);
CREATE INDEX inquiry_match_queue ON inquiry_match (case_id, created_at) WHERE state = 'suggested';
CREATE INDEX inquiry_match_person ON inquiry_match (person_id);

-- Work for a caseworker: contacting a family after a confirmed match, or when a matched person
-- has news.
CREATE TABLE registry_task (
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES case_file(id),
  kind text NOT NULL CHECK (kind IN ('contact_family')),
  inquiry_id uuid NOT NULL REFERENCES inquiry(id),
  person_id uuid REFERENCES person(id),
  -- Why: match_confirmed, person_event.
  reason text NOT NULL,
  event_id uuid REFERENCES person_event(id),
  state text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'done')),
  done_by text,
  done_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX registry_task_open ON registry_task (case_id, created_at) WHERE state = 'open';

-- The open inquiries each line of a release list may answer ([{"inquiryId", "score",
-- "explanation"}]), found when the list arrived: a name no record has can still be a family's.
ALTER TABLE release_line ADD COLUMN inquiries jsonb NOT NULL DEFAULT '[]';

-- Cases whose inquiry desk takes inquiries from the public form (a case admin opens it).
CREATE TABLE public_inquiry_desk (
  case_id uuid PRIMARY KEY REFERENCES case_file(id),
  opened_by text NOT NULL,
  opened_at timestamptz NOT NULL DEFAULT now()
);
