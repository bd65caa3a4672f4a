-- Direct messages that reached a local member from elsewhere (for example the hand-off details after an
-- agreement), kept so the member can read them here. Only the addressed member ever sees one.
CREATE TABLE message (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    uri         VARCHAR(700) NOT NULL,
    member_id   BIGINT       NOT NULL,
    sender_id   BIGINT       NOT NULL,
    proposal_id BIGINT       NULL,
    content     MEDIUMTEXT   NOT NULL,
    received_at DATETIME(6)  NOT NULL,
    read_at     DATETIME(6)  NULL,
    CONSTRAINT uq_message UNIQUE (uri, member_id),
    CONSTRAINT fk_message_member FOREIGN KEY (member_id) REFERENCES actor (id) ON DELETE CASCADE,
    CONSTRAINT fk_message_sender FOREIGN KEY (sender_id) REFERENCES actor (id) ON DELETE CASCADE,
    CONSTRAINT fk_message_proposal FOREIGN KEY (proposal_id) REFERENCES proposal (id) ON DELETE SET NULL
);
CREATE INDEX ix_message_member ON message (member_id, received_at);
