-- The accounts of one server among every account seen: a community that refuses a server keeps its accounts' posts off
-- its board, and MariaDB finds them from the refused domains (a handful) through this index, instead of reading every
-- remote account for each page of the board (BoardPlanTest, "with blocks").
CREATE INDEX ix_actor_domain ON actor (domain);
