-- The inbound worker's ordering check (issue 17 item 5): before an Undo, Update or Delete is processed, it looks for
-- older unfinished activities of the same actor, which must be finished first (an Undo never overtakes its Follow).
-- This index makes that look-up read only those few rows instead of every pending one of a backlog.
CREATE INDEX ix_inbound_actor ON inbound_activity (actor_uri, state);
