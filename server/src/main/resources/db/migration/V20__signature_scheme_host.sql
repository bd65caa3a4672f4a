-- Remote hosts that take only one HTTP signature scheme (issue 15). Weft signs a delivery with RFC 9421 first and
-- a fetch with draft-cavage first, and knocks once more in the other scheme after a 400 or 401; a host whose server
-- took only the other scheme is kept here, so every node knocks with that scheme first for a day after
-- learned_at (then the preferred one is tried again) and a restart forgets nothing. A host missing here takes the
-- preferred scheme. host is the URL's authority in lower case, with the port only when not the default. Each node
-- reads the whole table at most once a minute and deletes rows a week old (StoredSchemeMemory): it stays small.
-- Same portability rules as V1 (works on H2 and MariaDB; DATETIME(6) in UTC).
CREATE TABLE signature_scheme_host (
    host        VARCHAR(300) NOT NULL PRIMARY KEY,
    scheme      VARCHAR(16)  NOT NULL,
    learned_at  DATETIME(6)  NOT NULL
);
