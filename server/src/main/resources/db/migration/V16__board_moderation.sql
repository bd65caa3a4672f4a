-- Floods of posts (docs/operating.md, "Limits").

-- When this server received a remote proposal (published_at is whatever the sender claims): how many posts
-- one account put on a board in the last hour is counted by it.
ALTER TABLE proposal ADD COLUMN received_at DATETIME(6) NULL;
-- When a moderator last let a waiting post onto a board or turned it away, so that a running server also hears
-- of decisions taken from the command line (another process) and matches what was approved.
ALTER TABLE proposal ADD COLUMN moderated_at DATETIME(6) NULL;
CREATE INDEX ix_proposal_received ON proposal (author_id, received_at);
CREATE INDEX ix_proposal_moderated ON proposal (moderated_at);
