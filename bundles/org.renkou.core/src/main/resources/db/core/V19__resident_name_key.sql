-- Names in pinyin order (issue 17): NAME_KEY holds the collation key of the name for Locale.CHINA as hex
-- (org.renkou.core.internal.resident.NameKeys), written with the name; rows of before this script get it from the
-- core at its next start (a SQL script cannot compute it). The list walks IX_RESIDENT_ORDER instead of V9's
-- IX_RESIDENT_LIST; the search by the beginning of a name keeps a plain index on NAME. Numbered 19 after V18.
-- (PostgreSQL: postgresql/V19__resident_name_key.sql, the same with the key in the "C" collation.)
ALTER TABLE RESIDENT ADD COLUMN NAME_KEY VARCHAR(256);
DROP INDEX IX_RESIDENT_LIST;
CREATE INDEX IX_RESIDENT_ORDER ON RESIDENT (NAME_KEY, ID, RESIDENCE_CODE, REGISTRATION_CODE, STATUS);
CREATE INDEX IX_RESIDENT_NAME ON RESIDENT (NAME);
