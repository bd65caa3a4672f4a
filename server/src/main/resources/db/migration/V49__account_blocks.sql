-- Blocks of single accounts (issue 13): a community's moderator blocks a remote actor for that community (a Block
-- from the Group is sent, as Lemmy sends for a community ban; its follows, posts and responses there are refused),
-- or a member blocks an account for themselves (nothing from it reaches them: responses, messages, matches; it is not
-- told). blocker_id is the community or the member; blocked_id the account; blocked_by the member who decided (null
-- from the command line or when that member is gone). reason is shown in the community's public moderation log.
-- Same portability rules as V1 (works on H2 and MariaDB; DATETIME(6) in UTC).
CREATE TABLE account_block (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    blocker_id    BIGINT        NOT NULL,
    blocked_id    BIGINT        NOT NULL,
    blocked_by    BIGINT        NULL,
    reason        VARCHAR(1000) NULL,
    activity_uri  VARCHAR(700)  NULL,
    created_at    DATETIME(6)   NOT NULL,
    CONSTRAINT uq_account_block UNIQUE (blocker_id, blocked_id),
    CONSTRAINT fk_account_block_blocker FOREIGN KEY (blocker_id) REFERENCES actor (id) ON DELETE CASCADE,
    CONSTRAINT fk_account_block_blocked FOREIGN KEY (blocked_id) REFERENCES actor (id) ON DELETE CASCADE,
    CONSTRAINT fk_account_block_by FOREIGN KEY (blocked_by) REFERENCES actor (id) ON DELETE SET NULL
);
CREATE INDEX ix_account_block_blocked ON account_block (blocked_id);
