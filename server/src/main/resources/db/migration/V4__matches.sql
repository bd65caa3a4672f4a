-- Cross-instance matching: stored matches between a request and an offer (at least one of them local),
-- and the fediverse account a member may link to be told of new matches by direct message.
-- Same portability rules as V1 (works on H2 and MariaDB; DATETIME(6) in UTC). The table is not called
-- "match": MATCH is a reserved word in MariaDB.

CREATE TABLE proposal_match (
    id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    request_id BIGINT       NOT NULL,
    offer_id   BIGINT       NOT NULL,
    score      INT          NOT NULL,
    reasons    VARCHAR(500) NOT NULL,
    state      VARCHAR(12)  NOT NULL,
    created_at DATETIME(6)  NOT NULL,
    updated_at DATETIME(6)  NOT NULL,
    CONSTRAINT uq_match_pair UNIQUE (request_id, offer_id),
    CONSTRAINT fk_match_request FOREIGN KEY (request_id) REFERENCES proposal (id) ON DELETE CASCADE,
    CONSTRAINT fk_match_offer FOREIGN KEY (offer_id) REFERENCES proposal (id) ON DELETE CASCADE
);
CREATE INDEX ix_match_offer ON proposal_match (offer_id);

CREATE TABLE member_fediverse_account (
    member_id  BIGINT       NOT NULL PRIMARY KEY,
    account    VARCHAR(300) NOT NULL,
    actor_uri  VARCHAR(700) NOT NULL,
    linked_at  DATETIME(6)  NOT NULL,
    CONSTRAINT fk_fediverse_account_member FOREIGN KEY (member_id) REFERENCES actor (id) ON DELETE CASCADE
);
