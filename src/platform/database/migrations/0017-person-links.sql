-- Links between person records, never a merge: "same person" (two records of one human being,
-- shown together as one combined view), "possible duplicate" (to be looked into), or "distinct"
-- (a caseworker found they are different people: no longer suggested as duplicates). Each with
-- the certainty of whoever linked them. Unlinking keeps the row, marked removed (the history).
CREATE TABLE person_link (
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES case_file(id),
  -- The pair in id order, so that a pair has one live link.
  person_a uuid NOT NULL REFERENCES person(id),
  person_b uuid NOT NULL REFERENCES person(id),
  kind text NOT NULL CHECK (kind IN ('same_person', 'possible_duplicate', 'distinct')),
  certainty text NOT NULL CHECK (certainty IN ('reported', 'believed', 'confirmed')),
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  removed_by text,
  removed_at timestamptz,
  CHECK (person_a < person_b),
  CHECK ((removed_by IS NULL) = (removed_at IS NULL))
);
CREATE UNIQUE INDEX person_link_live ON person_link (person_a, person_b) WHERE removed_at IS NULL;
CREATE INDEX person_link_b ON person_link (person_b) WHERE removed_at IS NULL;
