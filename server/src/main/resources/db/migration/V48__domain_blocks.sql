-- Instance-level blocks of other servers (issue 13), with Mastodon's severities: SILENCE (their posts wait for a
-- moderator and never match) or SUSPEND (nothing accepted from them, nothing sent to them, follows with them removed,
-- their stored posts and responses hidden). domain is a host name in lower case (punycode), or host:port when the
-- block names a port; a block covers subdomains. reject_reports, public_comment and obfuscate are kept as Mastodon's
-- blocklist CSV has them, so an exported list reads back the same; public_comment is the reason shown in the public
-- moderation log. Same portability rules as V1 (works on H2 and MariaDB; DATETIME(6) in UTC).
CREATE TABLE domain_block (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    domain          VARCHAR(255)  NOT NULL,
    severity        VARCHAR(16)   NOT NULL,
    reject_reports  BOOLEAN       NOT NULL,
    public_comment  VARCHAR(1000) NULL,
    obfuscate       BOOLEAN       NOT NULL,
    created_at      DATETIME(6)   NOT NULL,
    updated_at      DATETIME(6)   NOT NULL,
    CONSTRAINT uq_domain_block UNIQUE (domain)
);
-- A response hidden by a moderator or because its server was suspended: kept (a conversation may refer to it) but shown
-- to nobody and counted nowhere.
ALTER TABLE response ADD COLUMN hidden_at DATETIME(6) NULL;
