-- Polls from other servers (issue 19, the remote part): a Question whose sender a community here follows (a linked
-- community, a followed Mastodon account) is kept as a remote poll, shown on the following community's polls page with
-- the counts its author last sent, and members here vote in it from their own actor (Mastodon's vote shape).
-- remote_poll: the Question as its sender last sent it. question is plain text (the HTML is reduced to text on arrival).
-- ends_at may be absent (Misskey polls without an end); closed_at is set once the sender says it is closed.
-- version_at is the Question's `updated` (null when it never carried one): an older one never replaces a newer.
-- remote_poll_option.votes is the count the sender reported, never counted here.
-- remote_poll_vote: which option a member here chose (so a member votes once, from any device); kept on this server only.
-- Same portability rules as V1 (works on H2 and MariaDB; DATETIME(6) in UTC).
CREATE TABLE remote_poll (
    id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    uri          VARCHAR(700)  NOT NULL,
    sender_id    BIGINT        NOT NULL,
    question     VARCHAR(2000) NOT NULL,
    multiple     BOOLEAN       NOT NULL,
    ends_at      DATETIME(6)   NULL,
    closed_at    DATETIME(6)   NULL,
    voters_count BIGINT        NOT NULL,
    version_at   DATETIME(6)   NULL,
    received_at  DATETIME(6)   NOT NULL,
    CONSTRAINT uq_remote_poll_uri UNIQUE (uri),
    CONSTRAINT fk_remote_poll_sender FOREIGN KEY (sender_id) REFERENCES actor (id) ON DELETE CASCADE
);
CREATE INDEX ix_remote_poll_sender ON remote_poll (sender_id, received_at);

CREATE TABLE remote_poll_option (
    id        BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    poll_id   BIGINT       NOT NULL,
    position  INT          NOT NULL,
    name      VARCHAR(200) NOT NULL,
    votes     BIGINT       NOT NULL,
    CONSTRAINT uq_remote_poll_option UNIQUE (poll_id, position),
    CONSTRAINT fk_remote_poll_option_poll FOREIGN KEY (poll_id) REFERENCES remote_poll (id) ON DELETE CASCADE
);

CREATE TABLE remote_poll_vote (
    id         BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    poll_id    BIGINT      NOT NULL,
    option_id  BIGINT      NOT NULL,
    member_id  BIGINT      NOT NULL,
    created_at DATETIME(6) NOT NULL,
    CONSTRAINT uq_remote_poll_vote UNIQUE (poll_id, member_id, option_id),
    CONSTRAINT fk_remote_poll_vote_poll FOREIGN KEY (poll_id) REFERENCES remote_poll (id) ON DELETE CASCADE,
    CONSTRAINT fk_remote_poll_vote_option FOREIGN KEY (option_id) REFERENCES remote_poll_option (id) ON DELETE CASCADE,
    CONSTRAINT fk_remote_poll_vote_member FOREIGN KEY (member_id) REFERENCES actor (id) ON DELETE CASCADE
);
CREATE INDEX ix_remote_poll_vote_member ON remote_poll_vote (member_id);
