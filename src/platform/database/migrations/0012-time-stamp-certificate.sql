-- The authority certificate (PEM) each token was checked against when it was kept, so a stamp
-- stays verifiable — and is shipped in evidence packages — after ATHAR_TSA_CERT names another
-- authority. Stamps made before this column have none (NULL).
ALTER TABLE time_stamp ADD COLUMN tsa_cert text;
