-- A direct message from another server keeps the conversation it names (its `context`): between Weft instances a
-- conversation's first message may arrive before the response it follows (the FEP-0837 Offer), and is kept as a
-- direct message until then. When that response arrives, the messages its sender left in its context join its
-- conversation (OvertakenMessages), found by this index. 700 characters stay within InnoDB's 3,072-byte key on
-- utf8mb4. Works on H2 and MariaDB.
ALTER TABLE message ADD COLUMN context_uri VARCHAR(700) NULL;
CREATE INDEX ix_message_context ON message (context_uri);
