-- A conversation's messages are shown in the order they were written, no longer in the order they arrived: after an
-- outage of one side's server its messages come in any order (R2, R1, R3), and the newest to arrive is not the newest.
-- written_at: when the message was written. For one written here, that time; for one from another server, its sender's
-- `published`, kept between the conversation's start (its response kept here, or the message it replies to) and the
-- message's arrival, since a sender's clock can be wrong or hostile (1970 or 2099 moves nothing beyond those). Messages
-- kept before this version take their arrival, the order they were shown in until now. Ties go by id (arrival).
-- created_at stays the arrival: news is still counted by arrival, so one written earlier that came late is news.
-- The index that ordered a conversation by arrival orders it by written_at now (and serves the response's foreign key).
-- notification.first_message_id: for a conversation's notification, the first of the messages it counts to arrive;
-- it and the other side's later ones are its news, read once a page has shown them all (one written earlier that came
-- late may be above those shown). No foreign key: it is a place in the order of arrival, still so once that message
-- is deleted. Null on earlier notifications, which count from the message they name.
-- Same portability rules as V1 (works on H2 and MariaDB; DATETIME(6) in UTC).
ALTER TABLE conversation_message ADD COLUMN written_at DATETIME(6) NULL;
UPDATE conversation_message SET written_at = created_at;
ALTER TABLE conversation_message MODIFY written_at DATETIME(6) NOT NULL;
CREATE INDEX ix_conversation_message_written ON conversation_message (response_id, written_at, id);
DROP INDEX ix_conversation_message_response ON conversation_message;
ALTER TABLE notification ADD COLUMN first_message_id BIGINT NULL;
