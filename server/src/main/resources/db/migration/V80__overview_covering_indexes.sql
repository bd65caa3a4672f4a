-- The needs overview's count itself within G11 (issue 18): each of its statements reads one index that holds every
-- column it needs, so no row of the proposal table is fetched and no category joined (OverviewPlanTest fails on a
-- fetch or a scan). Before, a community of 100,000 proposals cost 300-700 ms a count: V61's (group_id, promised_at)
-- and (group_id, fulfilled_at) found the rows of the last four weeks but fetched each one, and the open counts by
-- category joined some 30,000 rows of proposal_category.
--
-- The top-level categories of each proposal, as the overview counts them (NeedsOverview fills it): their ids in
-- order, each between spaces (" food shelter "), "" for none, "-" for a category this taxonomy does not know. Null
-- until counted: whatever sets a proposal's categories sets it back to null, and the next count fills it in.
ALTER TABLE proposal ADD COLUMN top_categories VARCHAR(255) NULL;
CREATE INDEX ix_proposal_top_categories ON proposal (top_categories);
-- The open proposals by purpose, area and top-level categories, in one statement (it replaces V61's index of the same
-- name, which had no categories).
DROP INDEX ix_proposal_overview ON proposal;
CREATE INDEX ix_proposal_overview ON proposal (group_id, status, purpose, audience, moderation, area_code, top_categories,
    deleted_at, detached_at);
-- Requests published in the window, by status and week (the outcomes and the weekly series of requests opened).
CREATE INDEX ix_proposal_overview_published ON proposal (group_id, purpose, published_at, status, audience,
    moderation, deleted_at, detached_at);
-- Requests promised, and fulfilled, in the window, by week and by the time they took (the medians and the weekly
-- series of requests met).
CREATE INDEX ix_proposal_overview_promised ON proposal (group_id, purpose, promised_at, published_at, audience,
    moderation, deleted_at, detached_at);
CREATE INDEX ix_proposal_overview_fulfilled ON proposal (group_id, purpose, fulfilled_at, published_at, audience,
    moderation, deleted_at, detached_at);
DROP INDEX ix_proposal_promised ON proposal;
DROP INDEX ix_proposal_fulfilled ON proposal;
