-- Decisions (issue 19 item 2): a poll tied to a change of a community's rules. The poll is an ordinary poll (V65) whose
-- options are fixed: position 0 "for", 1 "against", and 2 "I object" under consent. poll.details carries the proposed
-- rules text, shown in full on the poll's page and in the federated Question's content.
-- decision.majority is the community's majority when the poll opened (changing the setting does not touch open polls);
-- rules_at_open is the rules text then: if the rules changed by another way before the end, the decision is void.
-- outcome is null while the poll is open, then ADOPTED, REJECTED or VOID, written once, in the transaction that closes
-- the poll, with the final counts (votes_for, votes_against, objections, voters): counts only, never who voted.
-- community_setting.decision_majority: SIMPLE, TWO_THIRDS or CONSENT, changed by the community's moderators (logged).
-- Same portability rules as V1 (works on H2 and MariaDB; DATETIME(6) in UTC).
ALTER TABLE poll ADD COLUMN details VARCHAR(4000) NULL;

ALTER TABLE community_setting ADD COLUMN decision_majority VARCHAR(16) NOT NULL DEFAULT 'SIMPLE';

CREATE TABLE decision (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    poll_id        BIGINT        NOT NULL,
    community_id   BIGINT        NOT NULL,
    proposed_rules VARCHAR(4000) NOT NULL,
    rules_at_open  VARCHAR(4000) NULL,
    majority       VARCHAR(16)   NOT NULL,
    outcome        VARCHAR(16)   NULL,
    votes_for      BIGINT        NOT NULL DEFAULT 0,
    votes_against  BIGINT        NOT NULL DEFAULT 0,
    objections     BIGINT        NOT NULL DEFAULT 0,
    voters         BIGINT        NOT NULL DEFAULT 0,
    created_at     DATETIME(6)   NOT NULL,
    decided_at     DATETIME(6)   NULL,
    CONSTRAINT uq_decision_poll UNIQUE (poll_id),
    CONSTRAINT fk_decision_poll FOREIGN KEY (poll_id) REFERENCES poll (id) ON DELETE CASCADE,
    CONSTRAINT fk_decision_community FOREIGN KEY (community_id) REFERENCES actor (id) ON DELETE CASCADE
);
CREATE INDEX ix_decision_community ON decision (community_id, created_at);
