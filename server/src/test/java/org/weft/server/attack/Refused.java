package org.weft.server.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;

/**
 * Runs an attack and checks Weft's answer: the status, the reason named in the error, and that not one table
 * gained or lost a row. Checking right after the answer is enough for what the inbox refuses: an accepted
 * request is stored before its answer is sent (the 202 waits for the commit), and a refused one leaves no
 * work behind for a worker to do later.
 */
public final class Refused {
    private Refused() {
    }

    /**
     * @param weft the instance attacked
     * @param attack sends the attack and returns the answer
     * @param status the status expected
     * @param reason a part of the {@code error} text expected (e.g. the signature reason), or null for none
     * @return the answer, for further checks
     */
    public static RawHttp.Response assertRefused(TestServers.Instance weft, Supplier<RawHttp.Response> attack, int status,
                                                 String reason) {
        Map<String, Long> before = rowCounts(weft);
        RawHttp.Response response = attack.get();
        assertEquals(status, response.status(), response.body());
        if (reason != null) {
            String error = TestHttp.json(response.body()).path("error").asText();
            assertTrue(error.contains(reason), "the error names the reason (" + reason + "): " + error);
        }
        assertEquals(before, rowCounts(weft), "nothing was stored or removed");
        return response;
    }

    /**
     * What the nodes keep about themselves, not about anything received: the change feed (a refused request may make
     * Weft fetch the claimed actor again, which updates its row and so adds a feed row), the job leases and the
     * running nodes (written on their own schedules).
     */
    private static final java.util.Set<String> NODE_BOOKKEEPING = java.util.Set.of("change_feed", "job_lease", "node_seen");

    /** @return every table of the instance's database (but Flyway's history and the nodes' bookkeeping) with its rows */
    public static Map<String, Long> rowCounts(TestServers.Instance weft) {
        try (Connection c = weft.server().db().dataSource().getConnection()) {
            List<String> tables = new ArrayList<>();
            DatabaseMetaData meta = c.getMetaData();
            try (ResultSet rs = meta.getTables(c.getCatalog(), c.getSchema(), "%", null)) {
                while (rs.next()) {
                    String type = rs.getString("TABLE_TYPE").toUpperCase(Locale.ROOT);
                    String name = rs.getString("TABLE_NAME");
                    boolean userTable = type.contains("TABLE") && !type.contains("SYSTEM");
                    if (userTable && !name.toLowerCase(Locale.ROOT).startsWith("flyway") && !NODE_BOOKKEEPING.contains(
                            name.toLowerCase(Locale.ROOT))) {
                        tables.add(name);
                    }
                }
            }
            if (tables.isEmpty()) {
                throw new IllegalStateException("no tables found in " + c.getCatalog() + "/" + c.getSchema());
            }
            Map<String, Long> counts = new TreeMap<>();
            try (Statement s = c.createStatement()) {
                for (String table : tables) {
                    try (ResultSet rs = s.executeQuery("select count(*) from " + table)) {
                        rs.next();
                        counts.put(table.toLowerCase(Locale.ROOT), rs.getLong(1));
                    }
                }
            }
            return counts;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count rows", e);
        }
    }
}
