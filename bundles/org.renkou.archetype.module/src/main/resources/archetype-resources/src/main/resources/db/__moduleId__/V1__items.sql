#set( $TABLES = $moduleId.toUpperCase().replace("-", "_") )
-- The module's own table. Scripts run once each, in order (V1, V2, ...); never edit one that shipped, add the next.
CREATE TABLE ${TABLES}_ITEM (
    ID                INT GENERATED ALWAYS AS IDENTITY NOT NULL,
    TEXT              VARCHAR(200) NOT NULL,
    JURISDICTION_CODE VARCHAR(12)  NOT NULL,
    CREATED_BY        VARCHAR(64)  NOT NULL,
    CREATED_AT        TIMESTAMP    NOT NULL,
    CONSTRAINT PK_${TABLES}_ITEM PRIMARY KEY (ID)
);
CREATE INDEX IX_${TABLES}_ITEM_JUR ON ${TABLES}_ITEM (JURISDICTION_CODE);
