-- What the proposal table's indexes cost (issue 16, G15): each secondary index holds a copy of its columns and the id
-- for every proposal: 760 bytes a proposal for the sixteen there were, beside a 610-byte row (10-minute soak). An EXPLAIN audit
-- on MariaDB of every query that reads the table (ProposalIndexPlanTest, BoardPlanTest, OverviewPlanTest;
-- BENCHMARKS.md, "G15: what the proposal's indexes and the match rows cost") found one that no plan reads: (status,
-- purpose, ends_at), from V2, for lists of open proposals by purpose and end date. The matcher's load of open
-- proposals pages by id (the primary key), and the end dates that come due are found through ix_proposal_copy_ends
-- (is_local, ends_at). The fifteen others each serve a query, a foreign key or the uniqueness of a proposal's
-- ActivityPub id, and stay.
-- Same portability rules as V1 (works on H2 and MariaDB).
DROP INDEX ix_proposal_open ON proposal;
