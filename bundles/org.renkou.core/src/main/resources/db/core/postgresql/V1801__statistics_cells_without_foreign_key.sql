-- PostgreSQL only (issue 18): a statistics snapshot's resident cells without their foreign key to STATS_SNAPSHOT.
-- A province's snapshot writes ~1.9 million cells in one statement, and the key checked each of them against the
-- one snapshot row (a trigger per row). The cells are written in the transaction that inserts their snapshot, and
-- deleted before it (SnapshotStore.prune), so no cell is left without its snapshot. The index by snapshot stays
-- (reading and pruning by snapshot). Derby keeps the key: its inserts are batches of a few thousand cells.
ALTER TABLE STATS_RESIDENT_CELL DROP CONSTRAINT FK_STATS_RESIDENT_CELL;
