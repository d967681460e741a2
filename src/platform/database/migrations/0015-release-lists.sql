-- Release lists: names as an association published them (pasted text, one person per line, or a
-- CSV), each line matched against the registry when the list arrives; a caseworker confirms a
-- candidate (which adds a "released" or "seen" event with the list as its source) or rejects it
-- (remembered).

CREATE TABLE release_list (
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES case_file(id),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  -- What a confirmed line adds to the person: released (a list of the released) or seen.
  event_kind text NOT NULL CHECK (event_kind IN ('released', 'seen')),
  -- The date the list gives its people (partial), or none.
  date text CHECK (date IS NULL OR date ~ '^\d{4}(-\d{2}(-\d{2})?)?$'),
  source text NOT NULL DEFAULT '',
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  lines integer NOT NULL,
  created_by text NOT NULL,
  is_demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX release_list_case ON release_list (case_id, created_at, id);

CREATE TABLE release_line (
  list_id uuid NOT NULL REFERENCES release_list(id),
  n integer NOT NULL,
  -- The line as the list wrote it.
  text text NOT NULL,
  -- Why the line could not be matched (no name the engine can read), or null.
  problem text,
  -- [{"personId", "score", "explanation"}], best first, as matched when the list arrived.
  candidates jsonb NOT NULL DEFAULT '[]',
  PRIMARY KEY (list_id, n)
);

-- A caseworker's decision on one candidate of a line: confirmed (the event it added) or rejected.
CREATE TABLE release_decision (
  list_id uuid NOT NULL,
  n integer NOT NULL,
  person_id uuid NOT NULL REFERENCES person(id),
  decision text NOT NULL CHECK (decision IN ('confirmed', 'rejected')),
  event_id uuid REFERENCES person_event(id),
  decided_by text NOT NULL,
  decided_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (list_id, n, person_id),
  FOREIGN KEY (list_id, n) REFERENCES release_line(list_id, n)
);
