-- Several nodes on one database (issue 17 item 1): each node writes here every few seconds, so each knows how many
-- are running and shares per-host delivery limits with them (a host gets WEFT_DELIVERY_PER_HOST in all, not that
-- many per node). A node that stops removes its row; a dead one's row is no longer counted after 15 seconds.
CREATE TABLE node_seen (
    node     VARCHAR(64)  NOT NULL PRIMARY KEY,
    seen_at  DATETIME(6)  NOT NULL
);
