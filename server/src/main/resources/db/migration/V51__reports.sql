-- Reports (issue 13): a member reports a proposal, a response, a message or an account from its page, or another
-- server sends a Flag. community_id is the community whose moderators handle it (null: the operators'). reporter_id is
-- the local member who reported (never shown outside the moderators' queue, never in the public log, never
-- forwarded); reporter_uri the remote actor that sent a Flag (Mastodon: its instance actor). account_id is the
-- reported account; content_uris the reported posts, one id per line. flag_uri is an incoming Flag's id (a
-- redelivery changes nothing). state OPEN, DISMISSED or RESOLVED; forwarded_at when a Flag went to the account's server.
-- Same portability rules as V1 (works on H2 and MariaDB; DATETIME(6) in UTC).
CREATE TABLE report (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    community_id  BIGINT        NULL,
    reporter_id   BIGINT        NULL,
    reporter_uri  VARCHAR(700)  NULL,
    account_id    BIGINT        NOT NULL,
    content_uris  VARCHAR(7000) NULL,
    comment       VARCHAR(2000) NULL,
    flag_uri      VARCHAR(700)  NULL,
    state         VARCHAR(12)   NOT NULL,
    created_at    DATETIME(6)   NOT NULL,
    decided_at    DATETIME(6)   NULL,
    forwarded_at  DATETIME(6)   NULL,
    CONSTRAINT uq_report_flag UNIQUE (flag_uri),
    CONSTRAINT fk_report_community FOREIGN KEY (community_id) REFERENCES actor (id) ON DELETE CASCADE,
    CONSTRAINT fk_report_reporter FOREIGN KEY (reporter_id) REFERENCES actor (id) ON DELETE SET NULL,
    CONSTRAINT fk_report_account FOREIGN KEY (account_id) REFERENCES actor (id) ON DELETE CASCADE
);
CREATE INDEX ix_report_state ON report (state, community_id, created_at);
CREATE INDEX ix_report_account ON report (account_id);
