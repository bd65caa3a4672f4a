-- A flood from one account (issue floodq): a remote account that sends 2,000 posts made the moderators' page of
-- waiting posts 2,000 sections long, read whole. The page now shows one page of waiting posts at a time, oldest first
-- by keyset on (published_at, id), with their total, and the accounts with several waiting posts each once, by their
-- count (ModerationQueue). This index holds a community's waiting posts in that order, so each of those statements
-- reads only the community's waiting rows and never the board's: the page seeks to its cursor, the total and the
-- count by account read the index alone (author_id is in it for those, and for leaving the grouped accounts out of
-- the page without fetching rows). ProposalIndexPlanTest reads their plans on MariaDB.
-- Same portability rules as V1 (works on H2 and MariaDB).
CREATE INDEX ix_proposal_waiting ON proposal (group_id, moderation, deleted_at, published_at, id, author_id);
-- A moderator who turns down every waiting post of one account writes one line to the public log, "N posts from X
-- turned down", rather than N lines: post_count is that N (null for every other kind of action).
ALTER TABLE moderation_action ADD COLUMN post_count INT NULL;
