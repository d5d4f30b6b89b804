-- What the benefit schemes decide on (issue 17): the resident's 户口性质 (RURAL/URBAN, NULL = not recorded) and,
-- for a child of a family, whether they live, are disabled (grade 1-4 of the disability certificate, where recorded)
-- or have died (with the date). NULL vital status reads as LIVING. Numbered 17 after the issue, leaving 12-16 to
-- the migrations of parallel branches; the order of independent ADD COLUMNs does not matter.
ALTER TABLE RESIDENT ADD COLUMN HUKOU_NATURE VARCHAR(10);
ALTER TABLE RESIDENT ADD COLUMN VITAL_STATUS VARCHAR(10);
ALTER TABLE RESIDENT ADD COLUMN DISABILITY_GRADE SMALLINT;
ALTER TABLE RESIDENT ADD COLUMN DIED_ON DATE;
ALTER TABLE RESIDENT ADD CONSTRAINT CK_RESIDENT_DISABILITY_GRADE CHECK (DISABILITY_GRADE BETWEEN 1 AND 4);
-- Imports (issue 17): 15-digit ID numbers converted to 18 digits, counted per job and listed for its report.
ALTER TABLE IMPORT_JOB ADD COLUMN CONVERTED_IDS BIGINT NOT NULL DEFAULT 0;
CREATE TABLE IMPORT_CONVERSION (
    JOB_ID  VARCHAR(40) NOT NULL,
    LINE_NO BIGINT      NOT NULL,
    FROM_ID VARCHAR(15) NOT NULL,
    TO_ID   VARCHAR(18) NOT NULL,
    CONSTRAINT PK_IMPORT_CONVERSION PRIMARY KEY (JOB_ID, LINE_NO),
    CONSTRAINT FK_IMPORT_CONVERSION_JOB FOREIGN KEY (JOB_ID) REFERENCES IMPORT_JOB (ID)
)
