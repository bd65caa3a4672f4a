-- Polls in a community (issue 19 items 1 and 3). A poll is opened by a moderator, or by any member when the community
-- allows it (community_setting.members_open_polls); it federates from the community actor as a Question at uri.
-- voters: MEMBERS (this server's members only) or FOLLOWERS (members and the community's approved followers).
-- closed_at is set once the poll is final: at its end time by the scheduled job, or earlier by a moderator
-- (closed_early, written to the moderation log). results_due_at: the counts changed after the last Update(Question)
-- went out; the next one is sent then (at most one per poll every few seconds, however many votes arrive).
-- poll_vote keeps who voted only to count each voter once (per option for multiple choice); it is never shown or sent:
-- pages, the API and the Question carry counts only.
-- Same portability rules as V1 (works on H2 and MariaDB; DATETIME(6) in UTC).
CREATE TABLE poll (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    uri             VARCHAR(700)  NOT NULL,
    community_id    BIGINT        NOT NULL,
    author_id       BIGINT        NULL,
    question        VARCHAR(1000) NOT NULL,
    multiple        BOOLEAN       NOT NULL,
    voters          VARCHAR(16)   NOT NULL,
    ends_at         DATETIME(6)   NOT NULL,
    created_at      DATETIME(6)   NOT NULL,
    closed_at       DATETIME(6)   NULL,
    closed_early    BOOLEAN       NOT NULL DEFAULT FALSE,
    results_due_at  DATETIME(6)   NULL,
    results_sent_at DATETIME(6)   NULL,
    CONSTRAINT uq_poll_uri UNIQUE (uri),
    CONSTRAINT fk_poll_community FOREIGN KEY (community_id) REFERENCES actor (id) ON DELETE CASCADE,
    CONSTRAINT fk_poll_author FOREIGN KEY (author_id) REFERENCES actor (id) ON DELETE SET NULL
);
CREATE INDEX ix_poll_community ON poll (community_id, created_at);
CREATE INDEX ix_poll_open ON poll (closed_at, ends_at);
CREATE INDEX ix_poll_due ON poll (results_due_at);

CREATE TABLE poll_option (
    id        BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    poll_id   BIGINT       NOT NULL,
    position  INT          NOT NULL,
    name      VARCHAR(200) NOT NULL,
    CONSTRAINT uq_poll_option UNIQUE (poll_id, position),
    CONSTRAINT fk_poll_option_poll FOREIGN KEY (poll_id) REFERENCES poll (id) ON DELETE CASCADE
);

CREATE TABLE poll_vote (
    id         BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    poll_id    BIGINT      NOT NULL,
    option_id  BIGINT      NOT NULL,
    voter_id   BIGINT      NOT NULL,
    created_at DATETIME(6) NOT NULL,
    CONSTRAINT uq_poll_vote UNIQUE (poll_id, voter_id, option_id),
    CONSTRAINT fk_poll_vote_poll FOREIGN KEY (poll_id) REFERENCES poll (id) ON DELETE CASCADE,
    CONSTRAINT fk_poll_vote_option FOREIGN KEY (option_id) REFERENCES poll_option (id) ON DELETE CASCADE,
    CONSTRAINT fk_poll_vote_voter FOREIGN KEY (voter_id) REFERENCES actor (id) ON DELETE CASCADE
);
CREATE INDEX ix_poll_vote_option ON poll_vote (option_id);

ALTER TABLE community_setting ADD COLUMN members_open_polls BOOLEAN NOT NULL DEFAULT FALSE;
