-- The public moderation log (issue 13): every moderation action with its time, kind, target and public reason.
-- community_id is the community it was taken for, or null for an action on the whole instance (a domain block), which
-- every community's log shows. target is what was acted on: a server name, an account's or a post's id (never an
-- anonymous author's, and never a reporter: reports are not in this table). moderator_id is who acted (null from the
-- command line or once that member is gone); whether it is shown is the operator's setting (WEFT_MODERATION_LOG_NAMES).
-- Same portability rules as V1 (works on H2 and MariaDB; DATETIME(6) in UTC).
CREATE TABLE moderation_action (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    community_id  BIGINT        NULL,
    kind          VARCHAR(32)   NOT NULL,
    target        VARCHAR(700)  NOT NULL,
    reason        VARCHAR(1000) NULL,
    moderator_id  BIGINT        NULL,
    created_at    DATETIME(6)   NOT NULL,
    CONSTRAINT fk_moderation_action_community FOREIGN KEY (community_id) REFERENCES actor (id) ON DELETE CASCADE,
    CONSTRAINT fk_moderation_action_moderator FOREIGN KEY (moderator_id) REFERENCES actor (id) ON DELETE SET NULL
);
CREATE INDEX ix_moderation_action_community ON moderation_action (community_id, created_at);
