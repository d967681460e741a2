-- The registry of detained and missing persons: persons with their names by part in Arabic script
-- and in Latin, their events (the status is derived from them and kept on the person for
-- filtering), and the name engine's keys and trigram texts for candidate search.

CREATE TABLE person (
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES case_file(id),
  -- An association's own id for the person (imports update by it).
  external_id text CHECK (external_id IS NULL OR length(external_id) BETWEEN 1 AND 200),
  -- {"ar": {"given", "father", "grandfather", "family", "motherGiven", "motherFamily"}, "lat": {...}}
  names jsonb NOT NULL,
  -- [{"name", "kind": "alias" | "nickname"}]
  aliases jsonb NOT NULL DEFAULT '[]',
  sex text NOT NULL DEFAULT 'unknown' CHECK (sex IN ('female', 'male', 'unknown')),
  -- As precise as known: a partial date, or an age range at a date.
  birth_date text CHECK (birth_date IS NULL OR birth_date ~ '^\d{4}(-\d{2}(-\d{2})?)?$'),
  age_from integer CHECK (age_from IS NULL OR age_from BETWEEN 0 AND 130),
  age_to integer CHECK (age_to IS NULL OR age_to BETWEEN 0 AND 130),
  age_as_of text CHECK (age_as_of IS NULL OR age_as_of ~ '^\d{4}(-\d{2}(-\d{2})?)?$'),
  -- The birth years the above allow (for filters and for the name engine's comparison).
  birth_year_from integer,
  birth_year_to integer,
  birthplace text NOT NULL DEFAULT '',
  description text NOT NULL DEFAULT '',
  photo_media_id uuid REFERENCES media_item(id),
  status text NOT NULL DEFAULT 'unknown'
    CHECK (status IN ('missing', 'detained', 'released', 'reported_dead', 'confirmed_dead', 'unknown')),
  status_event_id uuid,
  status_since text,
  -- Events that contradict the status (a person reported alive after a confirmed death).
  status_conflicts jsonb NOT NULL DEFAULT '[]',
  is_demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (age_from IS NULL OR age_to IS NULL OR age_from <= age_to)
);
CREATE UNIQUE INDEX person_external_id ON person (case_id, external_id) WHERE external_id IS NOT NULL;
CREATE INDEX person_case_created ON person (case_id, created_at, id);
CREATE INDEX person_case_status ON person (case_id, status);

CREATE TABLE person_event (
  id uuid PRIMARY KEY,
  person_id uuid NOT NULL REFERENCES person(id),
  case_id uuid NOT NULL REFERENCES case_file(id),
  kind text NOT NULL CHECK (kind IN ('reported_missing', 'arrested', 'seen_in_detention', 'transferred',
    'seen', 'released', 'reported_dead', 'remains_identified')),
  date text CHECK (date IS NULL OR date ~ '^\d{4}(-\d{2}(-\d{2})?)?$'),
  place_id uuid REFERENCES place(id),
  -- Who says so, as written (an association, a list, a witness), and the source of the case file.
  source text NOT NULL DEFAULT '',
  source_id uuid REFERENCES source(id),
  certainty text NOT NULL CHECK (certainty IN ('reported', 'believed', 'confirmed')),
  -- [{"kind": "statement", "id"} | {"kind": "media", "id", "fromS", "toS"} | {"kind": "document", "description"}]
  evidence jsonb NOT NULL DEFAULT '[]',
  notes text NOT NULL DEFAULT '',
  recorded_by text NOT NULL,
  is_demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX person_event_person ON person_event (person_id, created_at);
CREATE INDEX person_event_place ON person_event (case_id, place_id) WHERE place_id IS NOT NULL;

-- The name engine's retrieval keys of every spelling of a person (pairs and singles of token
-- skeletons): a query's keys find the candidates, the engine scores them.
CREATE TABLE person_key (
  case_id uuid NOT NULL REFERENCES case_file(id),
  key text NOT NULL,
  person_id uuid NOT NULL REFERENCES person(id) ON DELETE CASCADE,
  PRIMARY KEY (case_id, key, person_id)
);
CREATE INDEX person_key_person ON person_key (person_id);

-- One script-free text per spelling (the engine's trigramText), searched with pg_trgm when too
-- few keys agree.
CREATE TABLE person_spelling (
  person_id uuid NOT NULL REFERENCES person(id) ON DELETE CASCADE,
  n integer NOT NULL,
  case_id uuid NOT NULL REFERENCES case_file(id),
  text text NOT NULL,
  PRIMARY KEY (person_id, n)
);
CREATE INDEX person_spelling_trgm ON person_spelling USING gin (text gin_trgm_ops);
CREATE INDEX person_spelling_case ON person_spelling (case_id);
