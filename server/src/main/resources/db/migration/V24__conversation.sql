-- A conversation per response (issue 12): short plain-text messages between the proposal's author side (the author,
-- or for an anonymous request someone acting for them) and the responder, after the response itself. One row per
-- message, seen by the two sides only. uri is the message's ActivityPub id: this instance's /notes/… for messages
-- written here, the sender's Note id for messages from another server (so a reply's inReplyTo finds its thread, and
-- a redelivery or a second copy changes nothing).
-- author_side: written by the proposal's side (true) or the responder's (false).
-- sender_id: the actor on the wire (the member, or the community for an anonymous or community-only proposal, or the
-- remote actor); writer_id: the member of this instance who typed it (null for messages from elsewhere), which may
-- differ from the sender when a moderator writes for the community.
-- Same portability rules as V1 (works on H2 and MariaDB; DATETIME(6) in UTC).
CREATE TABLE conversation_message (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    response_id BIGINT       NOT NULL,
    uri         VARCHAR(700) NOT NULL,
    author_side BOOLEAN      NOT NULL,
    sender_id   BIGINT       NOT NULL,
    writer_id   BIGINT       NULL,
    content     MEDIUMTEXT   NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    CONSTRAINT uq_conversation_message_uri UNIQUE (uri),
    CONSTRAINT fk_conversation_message_response FOREIGN KEY (response_id) REFERENCES response (id) ON DELETE CASCADE,
    CONSTRAINT fk_conversation_message_sender FOREIGN KEY (sender_id) REFERENCES actor (id) ON DELETE CASCADE,
    CONSTRAINT fk_conversation_message_writer FOREIGN KEY (writer_id) REFERENCES actor (id) ON DELETE SET NULL
);
CREATE INDEX ix_conversation_message_response ON conversation_message (response_id, created_at, id);
