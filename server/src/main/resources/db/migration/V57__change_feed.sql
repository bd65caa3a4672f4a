-- Several nodes on one database (issue 17 item 1): every change that a node keeps a copy of in memory (an actor's
-- documents, NodeInfo, a remote actor and its key, a proposal in the matcher's index, the server blocklist) adds a
-- row here in the same transaction as the change. Every node reads the rows after the last id it has seen, a few
-- times a second, and drops or reloads its copies. kind says what changed, subject which one (an actor's uri, a
-- proposal's id, a blocked domain), node which process wrote it. The pruner removes rows after a few minutes.
-- Same portability rules as V1 (works on H2 and MariaDB; DATETIME(6) in UTC).
CREATE TABLE change_feed (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    kind        VARCHAR(16)   NOT NULL,
    subject     VARCHAR(700)  NOT NULL,
    node        VARCHAR(64)   NOT NULL,
    changed_at  DATETIME(6)   NOT NULL
);
CREATE INDEX ix_change_feed_changed ON change_feed (changed_at);
