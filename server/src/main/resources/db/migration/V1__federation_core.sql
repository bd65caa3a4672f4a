-- Federation core: actors (local and remote), follows, the inbound and outbound work tables.
-- Written for MariaDB 10.6+ and for H2 in MODE=MariaDB: text over 65 KB is MEDIUMTEXT, instants are
-- DATETIME(6) in UTC, and indexed URIs stay at 700 characters so a utf8mb4 index fits in 3072 bytes.

CREATE TABLE actor (
    id                BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    uri               VARCHAR(700) NOT NULL,
    kind              VARCHAR(16)  NOT NULL,
    is_local          BOOLEAN      NOT NULL,
    username          VARCHAR(190) NOT NULL,
    domain            VARCHAR(255) NOT NULL,
    display_name      VARCHAR(500) NOT NULL,
    summary           MEDIUMTEXT   NULL,
    inbox             VARCHAR(700) NOT NULL,
    shared_inbox      VARCHAR(700) NULL,
    profile_url       VARCHAR(700) NULL,
    key_id            VARCHAR(700) NOT NULL,
    public_key_pem    VARCHAR(4000) NOT NULL,
    manually_approves BOOLEAN      NOT NULL,
    discoverable      BOOLEAN      NOT NULL,
    created_at        DATETIME(6)  NOT NULL,
    fetched_at        DATETIME(6)  NULL,
    deleted_at        DATETIME(6)  NULL,
    CONSTRAINT uq_actor_uri UNIQUE (uri)
);
CREATE INDEX ix_actor_key_id ON actor (key_id);
CREATE INDEX ix_actor_handle ON actor (username, domain);

-- Secrets of local actors, kept apart from the public profile so nothing that renders an actor can
-- reach them by accident.
CREATE TABLE local_account (
    actor_id        BIGINT        NOT NULL PRIMARY KEY,
    private_key_pem VARCHAR(4000) NOT NULL,
    password_hash   VARCHAR(255)  NULL,
    CONSTRAINT fk_local_account_actor FOREIGN KEY (actor_id) REFERENCES actor (id) ON DELETE CASCADE
);

-- Local usernames share one namespace (users and groups alike) so acct:name@host is unambiguous.
CREATE TABLE local_username (
    username VARCHAR(190) NOT NULL PRIMARY KEY,
    actor_id BIGINT       NOT NULL,
    CONSTRAINT fk_local_username_actor FOREIGN KEY (actor_id) REFERENCES actor (id) ON DELETE CASCADE
);

CREATE TABLE follow (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    follower_id  BIGINT       NOT NULL,
    followee_id  BIGINT       NOT NULL,
    activity_uri VARCHAR(700) NOT NULL,
    state        VARCHAR(16)  NOT NULL,
    created_at   DATETIME(6)  NOT NULL,
    accepted_at  DATETIME(6)  NULL,
    CONSTRAINT uq_follow_pair UNIQUE (follower_id, followee_id),
    CONSTRAINT fk_follow_follower FOREIGN KEY (follower_id) REFERENCES actor (id) ON DELETE CASCADE,
    CONSTRAINT fk_follow_followee FOREIGN KEY (followee_id) REFERENCES actor (id) ON DELETE CASCADE
);
CREATE INDEX ix_follow_followee ON follow (followee_id, state, id);
CREATE INDEX ix_follow_activity ON follow (activity_uri);

-- Every activity that reached an inbox, stored before it is answered with 202. The unique activity
-- id makes redelivery a no-op; workers process rows in the background.
CREATE TABLE inbound_activity (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    activity_uri    VARCHAR(700) NOT NULL,
    actor_uri       VARCHAR(700) NOT NULL,
    activity_type   VARCHAR(64)  NOT NULL,
    body            MEDIUMTEXT   NOT NULL,
    state           VARCHAR(16)  NOT NULL,
    attempts        INT          NOT NULL,
    received_at     DATETIME(6)  NOT NULL,
    next_attempt_at DATETIME(6)  NOT NULL,
    processed_at    DATETIME(6)  NULL,
    last_error      VARCHAR(1000) NULL,
    CONSTRAINT uq_inbound_activity UNIQUE (activity_uri)
);
CREATE INDEX ix_inbound_due ON inbound_activity (state, next_attempt_at);

-- Activities this instance sent; the public ones make up the actor's outbox.
CREATE TABLE outbound_activity (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    activity_uri  VARCHAR(700) NOT NULL,
    actor_id      BIGINT       NOT NULL,
    activity_type VARCHAR(64)  NOT NULL,
    body          MEDIUMTEXT   NOT NULL,
    is_public     BOOLEAN      NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    CONSTRAINT uq_outbound_activity UNIQUE (activity_uri),
    CONSTRAINT fk_outbound_actor FOREIGN KEY (actor_id) REFERENCES actor (id) ON DELETE CASCADE
);
CREATE INDEX ix_outbound_outbox ON outbound_activity (actor_id, is_public, id);

-- One row per (activity, target inbox): the durable delivery queue. Workers claim due rows with
-- SELECT ... FOR UPDATE SKIP LOCKED and push next_attempt_at forward as a lease while they work.
CREATE TABLE delivery (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    activity_id     BIGINT       NOT NULL,
    inbox           VARCHAR(700) NOT NULL,
    host            VARCHAR(255) NOT NULL,
    state           VARCHAR(16)  NOT NULL,
    attempts        INT          NOT NULL,
    next_attempt_at DATETIME(6)  NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    finished_at     DATETIME(6)  NULL,
    last_status     INT          NULL,
    last_error      VARCHAR(1000) NULL,
    CONSTRAINT uq_delivery UNIQUE (activity_id, inbox),
    CONSTRAINT fk_delivery_activity FOREIGN KEY (activity_id) REFERENCES outbound_activity (id) ON DELETE CASCADE
);
CREATE INDEX ix_delivery_due ON delivery (state, next_attempt_at);
CREATE INDEX ix_delivery_host ON delivery (host, state);

CREATE TABLE api_token (
    id           BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    actor_id     BIGINT      NOT NULL,
    token_hash   CHAR(64)    NOT NULL,
    label        VARCHAR(200) NOT NULL,
    created_at   DATETIME(6) NOT NULL,
    last_used_at DATETIME(6) NULL,
    CONSTRAINT uq_api_token UNIQUE (token_hash),
    CONSTRAINT fk_api_token_actor FOREIGN KEY (actor_id) REFERENCES actor (id) ON DELETE CASCADE
);

-- Objects that existed here and were deleted: their URLs answer 410 Gone.
CREATE TABLE tombstone (
    id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    uri        VARCHAR(700) NOT NULL,
    former_type VARCHAR(64) NOT NULL,
    deleted_at DATETIME(6)  NOT NULL,
    CONSTRAINT uq_tombstone UNIQUE (uri)
);
