-- A primary key for the one table without one (V54's proposal_term), for MariaDB Galera (docs/operating.md, "On a
-- Galera cluster"): Galera replicates a row change by its key, so it wants one in every table (without it a delete or
-- update is certified against the whole table, and a cluster run with wsrep_mode=REQUIRED_PRIMARY_KEY refuses the
-- table). A surrogate id, because the terms themselves may repeat (see V54); rows that exist get theirs here, and
-- Hibernate's inserts, which name only proposal_id and term, leave it to the database.
ALTER TABLE proposal_term ADD COLUMN id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY;
