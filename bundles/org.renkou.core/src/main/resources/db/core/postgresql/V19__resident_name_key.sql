-- PostgreSQL's V19 (see ../V19__resident_name_key.sql): the hex sort key compares byte-wise only in the "C"
-- collation; the database's own (e.g. en_US.UTF-8) might not order it as Derby does.
ALTER TABLE RESIDENT ADD COLUMN NAME_KEY VARCHAR(256) COLLATE "C";
DROP INDEX IX_RESIDENT_LIST;
CREATE INDEX IX_RESIDENT_ORDER ON RESIDENT (NAME_KEY, ID, RESIDENCE_CODE, REGISTRATION_CODE, STATUS);
CREATE INDEX IX_RESIDENT_NAME ON RESIDENT (NAME);
