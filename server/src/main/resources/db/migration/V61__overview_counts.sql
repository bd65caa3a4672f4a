-- The needs overview (issue 18): figures counted in the database, by GROUP BY on an index, never by loading rows.
-- When a proposal was first promised and when it was fulfilled, so the overview can give the median time from a
-- request to each (NeedsOverview). Rows older than this migration have neither: they are left out of the medians,
-- not guessed.
ALTER TABLE proposal ADD COLUMN promised_at DATETIME(6) NULL;
ALTER TABLE proposal ADD COLUMN fulfilled_at DATETIME(6) NULL;
-- The open proposals of a community by purpose, area and audience, read from the index alone (the other columns are
-- the board's visibility rules: visible, not deleted, still held); OverviewPlanTest reads MariaDB's EXPLAIN of it.
CREATE INDEX ix_proposal_overview ON proposal (group_id, status, purpose, audience, moderation, area_code, deleted_at,
    detached_at);
-- The requests of a community promised, and fulfilled, in the last four weeks (the medians, the weekly series of
-- requests met): a range on the time within the community. Most rows hold null here, and null sorts first.
CREATE INDEX ix_proposal_promised ON proposal (group_id, promised_at);
CREATE INDEX ix_proposal_fulfilled ON proposal (group_id, fulfilled_at);
