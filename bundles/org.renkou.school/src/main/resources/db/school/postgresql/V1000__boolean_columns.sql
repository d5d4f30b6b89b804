-- PostgreSQL only (as the core's db/core/postgresql/V1000): the yes/no column Derby keeps as SMALLINT becomes
-- BOOLEAN, the type EclipseLink binds a Java boolean as on PostgreSQL. Without it every saved exam score failed
-- there ("column passed is of type smallint but expression is of type boolean").
ALTER TABLE SC_RESULT ALTER COLUMN PASSED TYPE BOOLEAN USING PASSED <> 0;
