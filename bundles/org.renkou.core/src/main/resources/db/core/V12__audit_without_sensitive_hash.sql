-- Audit entries written before issue 19 held the health note's hashCode ("(已填写 / set, 1262832220)"), from which
-- a short note could be guessed. Replace that field's old and new value by a plain "changed" marker; the rest of
-- each entry stays. The values never contain ']', so the field ends at the first ']' after its start.
UPDATE AUDIT_ENTRY SET CHANGES =
    SUBSTR(CHANGES, 1, LOCATE('"healthNote":[', CHANGES) - 1)
    || '"healthNote":["(已更改 / changed)","(已更改 / changed)"]'
    || SUBSTR(CHANGES, LOCATE(']', CHANGES, LOCATE('"healthNote":[', CHANGES)) + 1)
WHERE CHANGES LIKE '%"healthNote":[%(已填写 / set, %';
