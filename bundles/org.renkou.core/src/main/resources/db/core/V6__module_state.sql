-- Which modules an administrator switched on or off (模块开关), shared by every node on this database.
CREATE TABLE MODULE_STATE (
    MODULE_ID  VARCHAR(64)  NOT NULL,
    ENABLED    SMALLINT     NOT NULL,
    CHANGED_BY VARCHAR(40)  NOT NULL,
    CHANGED_AT TIMESTAMP    NOT NULL,
    VERSION    BIGINT       NOT NULL,
    CONSTRAINT PK_MODULE_STATE PRIMARY KEY (MODULE_ID)
);
