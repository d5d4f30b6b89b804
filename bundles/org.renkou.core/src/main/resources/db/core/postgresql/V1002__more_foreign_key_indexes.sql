-- PostgreSQL only: the other foreign keys Derby indexes by itself and PostgreSQL does not (ForeignKeyIndexesTest
-- keeps the list empty). Replies of a migrant's notes, the messages about a migrant, and a statistics snapshot's
-- cells — the last ones read by snapshot on every figure and deleted by snapshot when old snapshots go.
CREATE INDEX IX_MIGRANT_NOTE_REPLY_TO ON MIGRANT_NOTE (REPLY_TO);
CREATE INDEX IX_EXCHANGE_MESSAGE_MIGRANT ON EXCHANGE_MESSAGE (MIGRANT_ID);
CREATE INDEX IX_STATS_RESIDENT_CELL_SNAPSHOT ON STATS_RESIDENT_CELL (SNAPSHOT_ID);
CREATE INDEX IX_STATS_EVENT_CELL_SNAPSHOT ON STATS_EVENT_CELL (SNAPSHOT_ID);
