-- PostgreSQL only: Derby backs every foreign key with an index of its own, PostgreSQL does not. Without this one a
-- household's members (its head check on every import batch, the household page) are a scan of all residents.
CREATE INDEX IX_RESIDENT_HOUSEHOLD ON RESIDENT (HOUSEHOLD_ID);
