-- The completion certificate (结业证书): a verification code given at graduation, printed on the PDF; an office
-- checks a paper by its code. Random, 60 bits: not unique by constraint, looked up by index.
ALTER TABLE SC_ENROLMENT ADD COLUMN CERTIFICATE_CODE VARCHAR(16);
CREATE INDEX IX_SC_ENROLMENT_CERTIFICATE ON SC_ENROLMENT (CERTIFICATE_CODE);
