-- The resident list in name order within a caller's reach, read from indexes alone (ResidentPages): the list walks
-- IX_RESIDENT_LIST in name order and filters on its entries; the counts are range scans of the two code indexes,
-- which now also hold what the count's conditions look at.
DROP INDEX IX_RESIDENT_NAME;
CREATE INDEX IX_RESIDENT_LIST ON RESIDENT (NAME, ID, RESIDENCE_CODE, REGISTRATION_CODE, STATUS);
-- (V2's IX_RESIDENT_RESIDENCE was never made: Derby skips an index that duplicates a constraint's, here the
-- foreign key's on RESIDENCE_CODE; this one has a second column, so it is made.)
CREATE INDEX IX_RESIDENT_RESIDENCE ON RESIDENT (RESIDENCE_CODE, STATUS);
DROP INDEX IX_RESIDENT_REGISTRATION;
CREATE INDEX IX_RESIDENT_REGISTRATION ON RESIDENT (REGISTRATION_CODE, RESIDENCE_CODE, STATUS);
