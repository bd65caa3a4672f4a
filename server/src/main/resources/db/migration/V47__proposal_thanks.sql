-- Likes and emoji reactions on a local proposal, shown as a count of thanks (issue 14 item 5). One row per activity
-- (so an Undo removes exactly what it undoes); the page counts distinct actors, so someone who both likes and reacts
-- counts once. Who thanked is kept only to count once and to undo, and is never shown.
-- Same portability rules as V1 (works on H2 and MariaDB; DATETIME(6) in UTC).
CREATE TABLE proposal_thanks (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    proposal_id  BIGINT       NOT NULL,
    actor_id     BIGINT       NOT NULL,
    activity_uri VARCHAR(700) NOT NULL,
    created_at   DATETIME(6)  NOT NULL,
    CONSTRAINT uq_thanks_activity UNIQUE (activity_uri),
    CONSTRAINT fk_thanks_proposal FOREIGN KEY (proposal_id) REFERENCES proposal (id) ON DELETE CASCADE,
    CONSTRAINT fk_thanks_actor FOREIGN KEY (actor_id) REFERENCES actor (id) ON DELETE CASCADE
);
CREATE INDEX ix_thanks_proposal ON proposal_thanks (proposal_id, actor_id);
CREATE INDEX ix_thanks_actor ON proposal_thanks (actor_id);
