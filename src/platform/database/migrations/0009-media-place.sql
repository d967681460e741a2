-- A media item may be tied to a place of its case (where it was filmed or photographed).
ALTER TABLE media_item ADD COLUMN place_id uuid REFERENCES place(id);
