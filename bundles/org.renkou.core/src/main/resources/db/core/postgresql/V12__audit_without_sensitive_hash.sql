-- On PostgreSQL there are no audit entries from before issue 19 (it was not supported then), so nothing to blank;
-- the version is kept so that both databases share one history.
SELECT 1;
