package org.weft.server.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.ServerSocket;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.weft.server.config.DatabaseSettings;
import org.weft.server.testing.TestDatabases;

/**
 * {@code WEFT_DB_URL} in Connector/J's sequential form, as a Galera cluster is given (docs/operating.md, "On a Galera
 * cluster"): the pool, Flyway and Hibernate open it, and with the first database node not answering every connection
 * goes to the next one in the list. MariaDB only (WEFT_TEST_DB_URL); deploy/cluster/check runs it on a real cluster.
 */
class SequentialUrlTest {
    private final Path dir = TestDatabases.tempDir();
    private DatabaseSettings plain;

    @BeforeEach
    void database() {
        Assumptions.assumeTrue(TestDatabases.usingMariaDb(), "the sequential form is MariaDB's: set WEFT_TEST_DB_URL");
        plain = TestDatabases.fresh(dir);
    }

    @AfterEach
    void drop() {
        if (plain != null) {
            TestDatabases.drop(plain);
        }
    }

    @Test
    void aSequentialUrlWhoseFirstNodeIsDownOpensOnTheNextAndMigrates() throws Exception {
        int down;
        try (ServerSocket socket = new ServerSocket(0)) {
            down = socket.getLocalPort(); // free once closed: nothing listens there
        }
        // jdbc:mariadb://host:port/db becomes jdbc:mariadb:sequential://127.0.0.1:DOWN,host:port/db
        String rest = plain.url().substring("jdbc:mariadb://".length());
        DatabaseSettings sequential = new DatabaseSettings("jdbc:mariadb:sequential://127.0.0.1:" + down + "," + rest,
                plain.user(), plain.password(), 2);
        assertFalse(sequential.isEmbedded());
        assertEquals(sequential.url(), sequential.jdbcUrl(dir), "the setting reaches the driver as written");

        try (Database db = Database.open(sequential, dir, true)) {
            db.run(s -> s.createNativeMutationQuery("INSERT INTO job_lease (name, holder, held_until)"
                    + " VALUES ('sequential-probe', 'test', '2030-01-01 00:00:00')").executeUpdate());
        }
        // The migrated schema and the row are in the database the plain URL names: the one node that answered.
        try (Database db = Database.open(plain, dir)) {
            assertEquals("test", db.inTransaction(s -> s.createNativeQuery(
                    "SELECT holder FROM job_lease WHERE name = 'sequential-probe'", String.class).getSingleResult()));
        }
    }
}
