-- A responder takes their answer back (on the page, through the API, or by an Undo of their Offer from another Weft
-- instance): the row stays, so that its conversation still opens for both sides and says why it is closed, and so
-- that a redelivered Offer is known and not kept again. Lists leave it out from then on. Works on H2 and MariaDB.
ALTER TABLE response ADD COLUMN taken_back_at DATETIME(6) NULL;
