-- A notification names what it is about, so the page can link to it (issue 12): the conversation message that a
-- "conversation" notification announces (its words are shown to the recipient, and the link goes to its thread),
-- and the match that a "match" notification announces (the link goes to that match on /me/matches). A notification
-- goes with its subject: a message its sender deleted, or a match removed, takes its notification with it.
-- Same portability rules as V1 (works on H2 and MariaDB).
ALTER TABLE notification ADD COLUMN conversation_message_id BIGINT NULL;
ALTER TABLE notification ADD CONSTRAINT fk_notification_conversation_message FOREIGN KEY (conversation_message_id)
    REFERENCES conversation_message (id) ON DELETE CASCADE;
ALTER TABLE notification ADD COLUMN match_id BIGINT NULL;
ALTER TABLE notification ADD CONSTRAINT fk_notification_match FOREIGN KEY (match_id) REFERENCES proposal_match (id)
    ON DELETE CASCADE;
