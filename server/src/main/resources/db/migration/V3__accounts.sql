-- Accounts for the web pages: login sessions, invite codes, and each member's own settings.

-- A login session. The id column holds the SHA-256 of the cookie's secret, never the secret itself,
-- so a copy of the database does not let anyone log in as a member.
CREATE TABLE web_session (
    id           VARCHAR(64)  NOT NULL PRIMARY KEY,
    member_id    BIGINT       NOT NULL,
    csrf_token   VARCHAR(64)  NOT NULL,
    created_at   DATETIME(6)  NOT NULL,
    expires_at   DATETIME(6)  NOT NULL,
    CONSTRAINT fk_web_session_member FOREIGN KEY (member_id) REFERENCES actor (id) ON DELETE CASCADE
);
CREATE INDEX ix_web_session_member ON web_session (member_id);

-- Invite codes the operator hands out when sign-up is by invitation. One use each.
CREATE TABLE invite (
    code        VARCHAR(64)  NOT NULL PRIMARY KEY,
    note        VARCHAR(200) NULL,
    created_at  DATETIME(6)  NOT NULL,
    expires_at  DATETIME(6)  NOT NULL,
    used_at     DATETIME(6)  NULL,
    used_by     BIGINT       NULL
);

-- What a member chose for themselves (language) and whether the operator made them an admin.
CREATE TABLE member_setting (
    actor_id  BIGINT      NOT NULL PRIMARY KEY,
    language  VARCHAR(8)  NULL,
    is_admin  BOOLEAN     NOT NULL,
    CONSTRAINT fk_member_setting_actor FOREIGN KEY (actor_id) REFERENCES actor (id) ON DELETE CASCADE
);
