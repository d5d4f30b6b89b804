-- PostgreSQL only: indexes Derby makes for every foreign key by itself and PostgreSQL does not (the module's
-- MigrationsTest keeps the list empty): a term's seats, an association's surveys and commendations, a group's
-- meetings, a member's attendance.
CREATE INDEX IX_AS_SEAT_TERM ON AS_SEAT (TERM_ID);
CREATE INDEX IX_AS_SURVEY_ASSOCIATION ON AS_SURVEY (ASSOCIATION_ID);
CREATE INDEX IX_AS_COMMENDATION_ASSOCIATION ON AS_COMMENDATION (ASSOCIATION_ID);
CREATE INDEX IX_AS_MEETING_GROUP ON AS_MEETING (GROUP_ID);
CREATE INDEX IX_AS_ATTENDANCE_MEMBER ON AS_ATTENDANCE (MEMBER_ID);
