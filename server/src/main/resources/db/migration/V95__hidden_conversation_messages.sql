-- A moderator hides a reported conversation message, as V48 let them hide a response: the message stays (its thread
-- and a later report still find it), and both sides are shown that a moderator removed it instead of its words.
ALTER TABLE conversation_message ADD COLUMN hidden_at DATETIME(6) NULL;
