-- A community's moderators may choose that every post from another server's follower waits for them before it goes on
-- the board, however sure the classifier is of it (on blind-written sets the classifier places about one post in five
-- under a wrong need: docs/classifier-evaluation.md). Off by default: sure posts go on the board at once, as before.
ALTER TABLE actor ADD COLUMN reviews_free_text BOOLEAN DEFAULT FALSE NOT NULL;
