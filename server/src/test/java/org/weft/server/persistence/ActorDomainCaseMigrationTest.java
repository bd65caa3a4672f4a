package org.weft.server.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * V94 writes the servers of accounts stored before in lower case, as blocks hold them, on both databases; an account
 * already in lower case is unchanged. Runs on H2 and on MariaDB (WEFT_TEST_DB_URL).
 */
class ActorDomainCaseMigrationTest {
    @RegisterExtension
    final OlderSchema older = new OlderSchema();

    @Test
    void anAccountStoredUnderAServerInCapitalsIsUnderItInLowerCase() throws SQLException {
        older.migrateTo("93");
        older.insertWithoutForeignKeys("INSERT INTO actor (id, uri, kind, is_local, username, domain, display_name, inbox,"
                + " key_id, public_key_pem, manually_approves, discoverable, created_at) VALUES"
                + " (1, 'https://Mastodon.Example/users/rosa', 'PERSON', FALSE, 'rosa', 'Mastodon.Example:8443', 'Rosa',"
                + " 'https://Mastodon.Example/inbox', 'https://Mastodon.Example/users/rosa#main-key', 'pem', FALSE, TRUE,"
                + " '2026-12-01 10:00:00'),"
                + " (2, 'https://town.example/users/sam', 'PERSON', FALSE, 'sam', 'town.example', 'Sam',"
                + " 'https://town.example/inbox', 'https://town.example/users/sam#main-key', 'pem', FALSE, TRUE,"
                + " '2026-12-01 10:00:00')");

        try (Database db = older.upgrade()) {
            assertEquals("mastodon.example:8443", db.inTransaction(s -> s.find(ActorEntity.class, 1L)).getDomain());
            assertEquals("town.example", db.inTransaction(s -> s.find(ActorEntity.class, 2L)).getDomain());
        }
    }
}
