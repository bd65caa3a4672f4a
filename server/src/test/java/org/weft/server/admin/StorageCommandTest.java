package org.weft.server.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weft.server.persistence.Database;

/**
 * {@code weft storage prune} and {@code weft storage show}, run in-process against a database of their own: prune
 * removes what the rules no longer keep and keeps the rest, and show then reports the tables and that prune.
 */
class StorageCommandTest {
    private static OperatorInstance cli;

    @BeforeAll
    static void createDatabase() {
        cli = OperatorInstance.fresh("https://camp.weft.test");
    }

    @AfterAll
    static void dropDatabase() {
        cli.close();
    }

    @Test
    void pruneRemovesWhatIsNoLongerKeptAndShowReportsIt() throws SQLException {
        // The command runs on the real clock: one notification read 100 days ago, one read yesterday, one unread.
        Instant now = Instant.now();
        sql("INSERT INTO actor (id, uri, kind, is_local, username, domain, display_name, inbox, key_id, public_key_pem,"
                + " manually_approves, discoverable, created_at) VALUES (1, 'https://camp.weft.test/users/amina', 'PERSON',"
                + " TRUE, 'amina', 'camp.weft.test', 'Amina', 'https://camp.weft.test/users/amina/inbox', 'k1', 'pem', FALSE,"
                + " TRUE, " + at(now) + ")");
        notification(now.minus(Duration.ofDays(100)));
        notification(now.minus(Duration.ofDays(1)));
        notification(null);

        OperatorInstance.Run prune = cli.weft("storage", "prune");
        assertEquals(0, prune.exit(), prune.err());
        assertTrue(prune.out().lines().anyMatch(l -> l.matches("read notifications\\s+1")), prune.out());
        assertTrue(prune.out().contains("removed 1 rows"), prune.out());
        assertEquals(2, count("notification"), "the one read yesterday and the unread one stay");
        assertEquals(1, count("notification WHERE read_at IS NULL"));

        OperatorInstance.Run show = cli.weft("storage", "show");
        assertEquals(0, show.exit(), show.err());
        assertTrue(show.out().startsWith("database: "), show.out());
        assertTrue(show.out().contains("inbound activities waiting: 0; deliveries pending: 0"), show.out());
        assertTrue(show.out().lines().anyMatch(l -> l.startsWith("last prune: ") && l.endsWith(", 1 rows removed")),
                show.out());
        assertTrue(show.out().lines().anyMatch(l -> l.matches("notification\\s+\\d+\\s+.*")), show.out());

        OperatorInstance.Run alone = cli.weft("storage");
        assertEquals(0, alone.exit(), alone.err());
        assertTrue(alone.out().startsWith("database: "), "'storage' alone shows: " + alone.out());
    }

    private static void notification(Instant readAt) throws SQLException {
        sql("INSERT INTO notification (member_id, kind, created_at, read_at) VALUES (1, 'RESPONSE', "
                + at(Instant.now().minus(Duration.ofDays(200))) + ", " + at(readAt) + ")");
    }

    private static long count(String tableAndWhere) throws SQLException {
        try (Database db = cli.openDatabase(); Connection c = db.dataSource().getConnection();
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + tableAndWhere)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void sql(String statement) throws SQLException {
        try (Database db = cli.openDatabase(); Connection c = db.dataSource().getConnection();
             Statement st = c.createStatement()) {
            st.executeUpdate(statement);
        }
    }

    private static String at(Instant instant) {
        return instant == null ? "NULL"
                : "'" + LocalDateTime.ofInstant(instant, ZoneOffset.UTC).toString().replace('T', ' ') + "'";
    }
}
