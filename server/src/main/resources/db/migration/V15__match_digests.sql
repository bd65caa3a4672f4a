-- A match notification is a digest: one row per proposal and hour, counting the matches it stands for
-- (docs/operating.md, "Limits").
ALTER TABLE notification ADD COLUMN item_count INT NOT NULL DEFAULT 1;
