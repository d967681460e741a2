-- "Also known in a restricted case": when an item is matched by an item of another case, the
-- administrators of the item's case are told — which of their items, how close, when — and
-- nothing of the other case (its name, its item, who stored it).
CREATE TABLE media_notice (
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES case_file(id),
  item_id uuid NOT NULL REFERENCES media_item(id),
  match_key text NOT NULL,
  how text NOT NULL,
  distance integer,
  status text NOT NULL,
  created_at timestamptz NOT NULL,
  UNIQUE (case_id, match_key)
);
CREATE INDEX media_notice_case ON media_notice(case_id, created_at);
