-- PostgreSQL only: the yes/no columns Derby keeps as SMALLINT become BOOLEAN, the type EclipseLink binds a Java
-- boolean as on PostgreSQL (which, unlike Derby, does not turn a boolean into a number). Versions from 1000 are
-- the PostgreSQL-only ones, so the shared numbering below stays free for both databases.
ALTER TABLE STAFF ALTER COLUMN ACTIVE TYPE BOOLEAN USING ACTIVE <> 0;
ALTER TABLE STAFF_CREDENTIAL ALTER COLUMN MUST_CHANGE TYPE BOOLEAN USING MUST_CHANGE <> 0;
ALTER TABLE MODULE_STATE ALTER COLUMN ENABLED TYPE BOOLEAN USING ENABLED <> 0;
ALTER TABLE EXCHANGE_MESSAGE ALTER COLUMN NOT_FOUND TYPE BOOLEAN USING NOT_FOUND <> 0;
