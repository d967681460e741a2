-- Content credentials (C2PA) as the reader found them, per item (null until processed).
ALTER TABLE media_item ADD COLUMN credentials jsonb;
