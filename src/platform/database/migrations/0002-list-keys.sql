-- Every list pages by keyset (a cursor holds the sort key of the last row given out). Cursors carry
-- instants as JavaScript has them, to the millisecond, so a column that orders a list keeps no
-- more than that (claim.created_at already did); and each list's order has an index.

ALTER TABLE case_file ALTER COLUMN created_at TYPE timestamptz(3);
ALTER TABLE place ALTER COLUMN created_at TYPE timestamptz(3);
ALTER TABLE figure ALTER COLUMN created_at TYPE timestamptz(3);
ALTER TABLE api_token ALTER COLUMN created_at TYPE timestamptz(3);
ALTER TABLE membership ALTER COLUMN created_at TYPE timestamptz(3);
ALTER TABLE statement ALTER COLUMN stated_at TYPE timestamptz(3);
ALTER TABLE sweep ALTER COLUMN started_at TYPE timestamptz(3);

DROP INDEX source_case;
CREATE INDEX source_case ON source(case_id, name, id);
DROP INDEX statement_case;
CREATE INDEX statement_case ON statement(case_id, stated_at, id);
DROP INDEX place_case;
CREATE INDEX place_case ON place(case_id, created_at, id);
DROP INDEX sweep_case;
CREATE INDEX sweep_case ON sweep(case_id, started_at, id);
DROP INDEX figure_case;
CREATE INDEX figure_case ON figure(case_id, created_at, id);
CREATE INDEX api_token_created ON api_token(created_at, id);
CREATE INDEX membership_case ON membership(case_id, created_at, user_id);
