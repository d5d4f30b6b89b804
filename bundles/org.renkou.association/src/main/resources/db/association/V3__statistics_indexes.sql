-- The yearly statistics (协会统计年报) count per association along indexes that start with ASSOCIATION_ID.
-- Contacts: one covering index in (association, household) order, so that COUNT(DISTINCT HOUSEHOLD_ID) per
-- association reads the index alone, in order, without a sort; it serves the contact list by association too, so
-- the index on ASSOCIATION_ID alone goes. Activities: the person-times beside the date. Same SQL on Derby and
-- PostgreSQL.
CREATE INDEX IX_AS_CONTACT_STATS ON AS_CONTACT (ASSOCIATION_ID, HOUSEHOLD_ID, ASSIGNED_ON, ENDED_ON);
DROP INDEX IX_AS_CONTACT_ASSOCIATION;
CREATE INDEX IX_AS_ACTIVITY_STATS ON AS_ACTIVITY (ASSOCIATION_ID, HELD_ON, PERSON_TIMES);
CREATE INDEX IX_AS_CASE_STATS ON AS_CASE (ASSOCIATION_ID, HOUSEHOLD_ID, OPENED_ON, CLOSED_ON);
