-- Which followers a moderator (or, for a member's own account, the member) approved (issue 13). An accepted follower
-- of a community receives its public posts; only approved ones also receive its community-only posts, and only
-- their servers may fetch those. A follow from a community that this community itself follows (a link the operator
-- made) counts as approved without a date here. Existing follows are not approved: before this, communities
-- accepted every follow and nobody chose who read their community-only posts, so a moderator now decides.
-- Same portability rules as V1 (works on H2 and MariaDB; DATETIME(6) in UTC).
ALTER TABLE follow ADD COLUMN approved_at DATETIME(6) NULL;
