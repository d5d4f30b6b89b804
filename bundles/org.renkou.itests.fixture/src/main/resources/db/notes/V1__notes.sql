-- The fixture module's own table, created by its own migration (see ModuleDatabases).
CREATE TABLE FIXTURE_NOTE (
    ID   INT GENERATED ALWAYS AS IDENTITY NOT NULL,
    TEXT VARCHAR(200) NOT NULL,
    CONSTRAINT PK_FIXTURE_NOTE PRIMARY KEY (ID)
);
