-- The board reads one page by keyset: newest first by (published_at, id), starting just past the last card of the
-- page before (ProposalQuery). These indexes hold rows in that order, so the database seeks to the cursor and reads
-- a page's worth of rows, however large the board: a community's board (group_id first) and the pages across
-- communities (tag pages, the API's search without a community). BoardPlanTest reads EXPLAIN on MariaDB to check
-- that the board's queries use them.
CREATE INDEX ix_proposal_board_newest ON proposal (group_id, published_at, id);
CREATE INDEX ix_proposal_newest ON proposal (published_at, id);
-- The old board index (group_id, status, published_at) can give rows in published_at order only within one status,
-- and the board shows two (open and promised), so with it MariaDB sorted every active row of the community. The new
-- one starts with group_id too, and so also serves the foreign key to the group.
DROP INDEX ix_proposal_board ON proposal;
