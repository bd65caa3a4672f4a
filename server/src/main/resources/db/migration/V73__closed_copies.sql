-- Retention of closed copies of other servers' proposals (issue 16): the pruner looks for remote rows by end date.
-- Same portability rules as V1 (works on H2 and MariaDB).
CREATE INDEX ix_proposal_copy_ends ON proposal (is_local, ends_at);
