-- The newest audit entry when a snapshot's counting began. Every change to what the statistics count writes an
-- audit entry, so a routine refresh finding the same mark on the same day skips the rebuild (StatisticsSnapshots).
ALTER TABLE STATS_SNAPSHOT ADD COLUMN AUDIT_MARK BIGINT;
