-- Copies of proposals kept from other servers stay true over time (issue 14 items 4 and 5).
-- detached_at: when this instance stopped holding the copy because the link (a follow of the community it came
--   through) that brought it ended; a detached copy is not shown, searched or matched, and a re-link brings it back.
-- heard_at: when its own server last told us anything of it (Create, Update, or a fetch); a copy not heard from for
--   its whole lifetime plus a margin expires here.
-- updated_at on responses, messages and conversation messages: the `updated` of the last edit applied (null: never
--   edited), so an older edit that arrives late never wins over a newer one.
-- Same portability rules as V1 (works on H2 and MariaDB; DATETIME(6) in UTC).
ALTER TABLE proposal ADD COLUMN detached_at DATETIME(6) NULL;
ALTER TABLE proposal ADD COLUMN heard_at DATETIME(6) NULL;
UPDATE proposal SET heard_at = COALESCE(updated_at, published_at) WHERE is_local = FALSE;
ALTER TABLE response ADD COLUMN updated_at DATETIME(6) NULL;
ALTER TABLE message ADD COLUMN updated_at DATETIME(6) NULL;
ALTER TABLE conversation_message ADD COLUMN updated_at DATETIME(6) NULL;
