-- A URL fetched by athar (method 'url' captures): the exchange kept as a WARC file in the blob
-- store (request, response headers and body of every hop), the address connected to, and the
-- item made from the body when it was a picture or a video. A page's linked media are captures of
-- their own, pointing at the page's (parent_id). Re-checks of a captured URL record whether it is
-- still online, so an item can say when its source first went missing.
CREATE TABLE web_capture (
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES case_file(id),
  parent_id uuid REFERENCES web_capture(id),
  url text NOT NULL,
  final_url text NOT NULL,
  http_status integer NOT NULL,
  content_type text,
  remote_address text NOT NULL,
  warc_sha256 text NOT NULL CHECK (warc_sha256 ~ '^[0-9a-f]{64}$'),
  warc_size bigint NOT NULL,
  body_sha256 text CHECK (body_sha256 ~ '^[0-9a-f]{64}$'),
  body_size bigint NOT NULL,
  item_id uuid REFERENCES media_item(id),
  captured_by_id uuid REFERENCES app_user(id),
  captured_by text NOT NULL,
  captured_at timestamptz NOT NULL,
  notes text NOT NULL DEFAULT ''
);
CREATE INDEX web_capture_case ON web_capture(case_id, captured_at);
CREATE INDEX web_capture_url ON web_capture(final_url);
CREATE INDEX web_capture_item ON web_capture(item_id) WHERE item_id IS NOT NULL;
CREATE INDEX web_capture_warc ON web_capture(warc_sha256);

CREATE TABLE url_check (
  id uuid PRIMARY KEY,
  url text NOT NULL,
  checked_at timestamptz NOT NULL,
  online boolean NOT NULL,
  http_status integer,
  reason text
);
CREATE INDEX url_check_url ON url_check(url, checked_at);
