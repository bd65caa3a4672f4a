package org.weft.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weft.server.domain.account.Operators;
import org.weft.server.testing.TestClock;
import org.weft.server.testing.TestServers;

/**
 * {@code /admin/storage} as the operator sees it, in their language: the database's size, growth not known yet,
 * the backlogs, and the last prune once the pruner has run (with the rows it removed). A member who is not an
 * operator is refused and sees none of it; the page stays far under the page weight budget.
 */
class StoragePageTest {
    private static final TestClock CLOCK = new TestClock();
    private static TestServers.Instance weft;

    @BeforeAll
    static void start() {
        weft = TestServers.start(Map.of(), CLOCK);
        weft.server().localActors().createMember("amina", "Amina", "amina-password", false);
        weft.server().localActors().createMember("boris", "Boris", "boris-password", false);
        new Operators(weft.server().db()).setAdmin("amina", true);
    }

    @AfterAll
    static void stop() {
        weft.close();
    }

    @Test
    void theOperatorSeesSizeBacklogsAndTheLastPruneInTheirLanguage() throws SQLException {
        PageClient operator = new PageClient(weft.base());
        operator.login("amina", "amina-password");
        assertTrue(operator.get("/admin").body().contains("href=\"/admin/storage\""), "the operator's page links to it");

        String before = operator.get("/admin/storage").body();
        assertTrue(before.contains("Database size") && before.contains(" MB</dd>"), before);
        assertTrue(before.contains("Not known yet: the server measures its tables once a day."), before);
        assertTrue(before.contains("<dt>Last pruning</dt><dd>Not yet.</dd>"), before);

        readNotificationFromLongAgo();
        weft.server().pruner().runOnce();

        HttpResponse<String> after = operator.get("/admin/storage");
        assertEquals(200, after.statusCode());
        assertTrue(after.body().contains("Rows removed: 1</dd>"), after.body());
        assertTrue(after.body().getBytes(StandardCharsets.UTF_8).length < 50 * 1024, "under the page weight budget");

        String arabic = operator.language("ar").get("/admin/storage").body();
        assertTrue(arabic.contains("آخر تنظيف"), arabic);
        assertTrue(arabic.contains("الصفوف المحذوفة: ١"), "the count in Arabic digits: " + arabic);
        assertFalse(arabic.contains("storage."), "no raw message key reaches the page");
    }

    @Test
    void aMemberWhoIsNotAnOperatorIsRefused() {
        PageClient member = new PageClient(weft.base());
        member.login("boris", "boris-password");
        HttpResponse<String> page = member.get("/admin/storage");
        assertEquals(403, page.statusCode());
        assertFalse(page.body().contains("Database size"), page.body());
        assertEquals(303, new PageClient(weft.base()).get("/admin/storage").statusCode(), "a visitor is sent to log in");
    }

    /** A notification amina read 100 days ago: the pruner's read-notification rule removes it. */
    private static void readNotificationFromLongAgo() throws SQLException {
        String readAt = LocalDateTime.ofInstant(CLOCK.instant().minus(Duration.ofDays(100)), ZoneOffset.UTC).toString()
                .replace('T', ' ');
        try (Connection c = weft.server().db().dataSource().getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO notification (member_id, kind, created_at, read_at) SELECT id, 'RESPONSE', '"
                    + readAt + "', '" + readAt + "' FROM actor WHERE username = 'amina' AND is_local = TRUE");
        }
    }
}
