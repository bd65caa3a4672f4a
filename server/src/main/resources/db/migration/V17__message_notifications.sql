-- A notification about a direct message names the message, so the member's notifications can show its words (the
-- meeting place an author gave when accepting, for example). Empty for every other kind of notification.
-- Same portability rules as V1 (works on H2 and MariaDB).
ALTER TABLE notification ADD COLUMN message_id BIGINT NULL;
ALTER TABLE notification ADD CONSTRAINT fk_notification_message FOREIGN KEY (message_id) REFERENCES message (id)
    ON DELETE CASCADE;
