-- Inbound bodies are kept only as long as they are needed (docs/operating.md, "Storage and retention").
-- A processed row first loses its body (body = '', pruned_at set) but keeps its id, actor, type and state:
-- the unique activity_uri still turns a redelivery of the same activity into a no-op. The row itself goes
-- later. Failed rows keep their body for the operator, within a count and an age.

ALTER TABLE inbound_activity ADD COLUMN pruned_at DATETIME(6) NULL;

-- Failed rows used to leave processed_at empty; their age is now counted from when they failed.
UPDATE inbound_activity SET processed_at = next_attempt_at WHERE state = 'FAILED' AND processed_at IS NULL;

-- One index serves every retention query: bodies still kept (pruned_at IS NULL) by state and age, and rows
-- whose body is gone by the time it went (pruned_at < ?).
CREATE INDEX ix_inbound_retention ON inbound_activity (pruned_at, state, processed_at);

-- The last run of each retention task (a rule, or the compaction of the embedded file): when, and how much it removed
-- (rows, or bytes of file). For the operator; on H2 these small writes also let the database apply the removals it
-- defers to later commits (see EmbeddedFileCompaction).
CREATE TABLE retention_run (
    task    VARCHAR(64) NOT NULL PRIMARY KEY,
    ran_at  DATETIME(6) NOT NULL,
    removed BIGINT      NOT NULL
);
