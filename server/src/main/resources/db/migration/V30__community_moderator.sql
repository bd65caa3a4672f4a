-- Who moderates each community (issue 13): members chosen by an operator or by the community's other moderators.
-- Operators moderate every community without a row here. added_by is who chose the member (empty when an operator
-- did it from the command line, or when that member's account is gone). The moderators are published as the
-- Group's attributedTo collection (FEP-1b12) and shown on the community's page.
-- Same portability rules as V1 (works on H2 and MariaDB; DATETIME(6) in UTC).
CREATE TABLE community_moderator (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    community_id  BIGINT       NOT NULL,
    member_id     BIGINT       NOT NULL,
    added_by      BIGINT       NULL,
    added_at      DATETIME(6)  NOT NULL,
    CONSTRAINT uq_community_moderator UNIQUE (community_id, member_id),
    CONSTRAINT fk_moderator_community FOREIGN KEY (community_id) REFERENCES actor (id) ON DELETE CASCADE,
    CONSTRAINT fk_moderator_member FOREIGN KEY (member_id) REFERENCES actor (id) ON DELETE CASCADE,
    CONSTRAINT fk_moderator_added_by FOREIGN KEY (added_by) REFERENCES actor (id) ON DELETE SET NULL
);
CREATE INDEX ix_community_moderator_member ON community_moderator (member_id);
