-- Resumable uploads (see src/modules/media/uploads.ts): a large file is sent in pieces, each at
-- the offset the server has; the bytes so far wait in the blob store's uploads/ folder. The row
-- says how many bytes are safely on disk (written and flushed before the offset moves), which
-- request holds the upload while it writes a piece, and, once the whole file is stored, the
-- capture it became — so repeating the last piece after a lost answer gives the same capture.
CREATE TABLE media_upload (
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES case_file(id),
  created_by_id uuid NOT NULL,
  size bigint NOT NULL CHECK (size > 0),
  received bigint NOT NULL DEFAULT 0 CHECK (received >= 0 AND received <= size),
  facts jsonb NOT NULL,
  busy_until timestamptz,
  item_id uuid REFERENCES media_item(id),
  capture_id uuid,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX media_upload_updated ON media_upload(updated_at);
