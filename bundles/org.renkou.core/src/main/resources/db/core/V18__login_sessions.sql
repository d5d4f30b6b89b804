-- Numbered 18 after its issue, to stay clear of the scripts other branches add meanwhile (V12…).
-- Login sessions in the database (issue 18), so several nodes behind a proxy share them: the SHA-256 of the
-- session id (the cookie's value itself is never stored), whose it is, the CSRF token, and the times that end it.
CREATE TABLE LOGIN_SESSION (
    ID_HASH          VARCHAR(64)  NOT NULL,
    USERNAME         VARCHAR(40)  NOT NULL,
    CSRF_TOKEN       VARCHAR(64)  NOT NULL,
    MUST_CHANGE      SMALLINT     NOT NULL,
    CREATED_AT       TIMESTAMP    NOT NULL,
    LAST_SEEN        TIMESTAMP    NOT NULL,
    CONSTRAINT PK_LOGIN_SESSION PRIMARY KEY (ID_HASH)
);
CREATE INDEX IX_LOGIN_SESSION_USER ON LOGIN_SESSION (USERNAME);
