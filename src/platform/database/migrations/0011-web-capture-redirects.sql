-- How many redirects a URL capture followed (its WARC holds each of them).
ALTER TABLE web_capture ADD COLUMN redirects integer NOT NULL DEFAULT 0;
