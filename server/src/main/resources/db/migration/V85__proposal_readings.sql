-- A post from another server that the classifier was unsure of waits for a moderator with the classifier's two best
-- readings of it (purpose, up to three concepts and the kind, each), so the moderation queue offers them without
-- classifying again: JSON written by domain/proposal/HeldReadings, null for every other proposal and once a moderator
-- has decided.
ALTER TABLE proposal ADD COLUMN readings VARCHAR(1000) NULL;
