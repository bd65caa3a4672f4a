-- A community refuses one other server (issue floodhost): a spam server floods a community's queue from hundreds of
-- accounts, and its moderators, having turned the flood down, block the server for the community alone: follows,
-- posts and responses there from any account of it are refused as a blocked account's are, and its accounts' follows
-- of the community are removed. Kept apart from domain_block, which is the operator's instance-wide block (it
-- silences or suspends a server for every community and stops deliveries); this one changes nothing outside the
-- community. domain is the server's name as actors' domain holds it (host, or host:port), matched exactly;
-- blocked_by the member who decided (null when that member is gone); reason is shown in the public moderation log.
-- The unique key serves the check made for every post, follow and response (community, the sender's domain).
-- Same portability rules as V1 (works on H2 and MariaDB; DATETIME(6) in UTC).
CREATE TABLE community_server_block (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    community_id  BIGINT        NOT NULL,
    domain        VARCHAR(255)  NOT NULL,
    blocked_by    BIGINT        NULL,
    reason        VARCHAR(1000) NULL,
    created_at    DATETIME(6)   NOT NULL,
    CONSTRAINT uq_community_server_block UNIQUE (community_id, domain),
    CONSTRAINT fk_community_server_block_community FOREIGN KEY (community_id) REFERENCES actor (id) ON DELETE CASCADE,
    CONSTRAINT fk_community_server_block_by FOREIGN KEY (blocked_by) REFERENCES actor (id) ON DELETE SET NULL
);
