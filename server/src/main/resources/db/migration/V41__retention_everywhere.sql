-- Retention for every table (issue 16; docs/operating.md, "Capacity and retention"). Each rule of the pruner finds
-- what it removes by age through an index, in batches, so a run never scans a whole table nor holds a lock for long.
-- Same portability rules as V1 (works on H2 and MariaDB; DATETIME(6) in UTC).
CREATE INDEX ix_delivery_finished ON delivery (state, finished_at);
CREATE INDEX ix_outbound_created ON outbound_activity (is_public, created_at);
CREATE INDEX ix_notification_read ON notification (read_at);
CREATE INDEX ix_proposal_deleted ON proposal (deleted_at);
CREATE INDEX ix_match_withdrawn ON proposal_match (state, updated_at);
CREATE INDEX ix_web_session_expires ON web_session (expires_at);

-- Table sizes sampled by the pruner about once a day, so the operator sees how fast the database grows
-- (`weft storage`, /admin/storage). One row per table and sample, and one for the whole database
-- (table_name '*': the embedded file, or the sum over the tables on MariaDB). Kept for about a year.
CREATE TABLE storage_sample (
    sampled_at  DATETIME(6)  NOT NULL,
    table_name  VARCHAR(64)  NOT NULL,
    row_count   BIGINT       NOT NULL,
    bytes       BIGINT       NOT NULL,
    CONSTRAINT pk_storage_sample PRIMARY KEY (sampled_at, table_name)
);
