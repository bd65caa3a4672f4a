-- Scheduled jobs run once across the nodes sharing this database (issue 17 item 1): before a run a node takes the
-- job's lease with one conditional UPDATE (free, run out, or already its own); the holder renews it at every run,
-- and a node that died loses it when held_until passes. Rows are added by the first node that asks for a job.
CREATE TABLE job_lease (
    name        VARCHAR(64)   NOT NULL PRIMARY KEY,
    holder      VARCHAR(64)   NULL,
    held_until  DATETIME(6)   NULL
);
