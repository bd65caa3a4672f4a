-- This server's own actors (its members and communities) among the actor table's rows, which are mostly other servers'
-- accounts (every follower and author seen): the matcher asks which communities are held now at each proposal it hears
-- of, the proposal form and NodeInfo count the members, several pages list the communities. Without this index each of
-- those questions read the whole table (ActorIndexPlanTest, on MariaDB's EXPLAIN).
CREATE INDEX ix_actor_local ON actor (is_local, kind);
