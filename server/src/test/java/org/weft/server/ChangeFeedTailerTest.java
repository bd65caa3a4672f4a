package org.weft.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.hibernate.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.weft.server.config.DatabaseSettings;
import org.weft.server.persistence.ChangeKind;
import org.weft.server.persistence.Database;
import org.weft.server.testing.TestDatabases;
import org.weft.server.testing.WaitFor;

/**
 * The tailer hands on every change, also one whose transaction took its id first but committed after a later one
 * was read (two nodes committing at once). Runs on H2 and MariaDB.
 */
class ChangeFeedTailerTest {
    private Path dir;
    private DatabaseSettings settings;
    private Database db;
    private ChangeFeedTailer tailer;
    private final List<String> seen = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open() {
        dir = TestDatabases.tempDir();
        settings = TestDatabases.fresh(dir);
        db = Database.open(settings, dir);
        insert("before the tailer started"); // a new node starts from the newest change: it never sees this one
        tailer = new ChangeFeedTailer(db).on(ChangeKind.ACTOR, seen::add);
        tailer.start(Duration.ofMillis(20));
    }

    @AfterEach
    void close() {
        tailer.close();
        db.close();
        TestDatabases.drop(settings);
    }

    @Test
    void aChangeThatCommitsAfterALaterOneIsStillHandedOn() throws Exception {
        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        try (ExecutorService thread = Executors.newSingleThreadExecutor()) {
            Future<?> slow = thread.submit(() -> db.run(s -> {
                insert(s, "slow");
                inserted.countDown();
                await(commit);
            }));
            assertTrue(inserted.await(30, TimeUnit.SECONDS));
            insert("quick"); // a higher id, committed first
            WaitFor.condition("the quick change is handed on", () -> seen.contains("quick"));
            commit.countDown();
            slow.get(30, TimeUnit.SECONDS);
        }
        WaitFor.condition("the slow change is handed on too", () -> seen.contains("slow"));
        insert("last");
        WaitFor.condition("the last change", () -> seen.contains("last"));
        assertEquals(List.of("quick", "slow", "last"), seen, "each once, none from before the start");
    }

    private void insert(String subject) {
        db.run(s -> insert(s, subject));
    }

    private static void insert(Session s, String subject) {
        s.createNativeMutationQuery("INSERT INTO change_feed (kind, subject, node, changed_at) VALUES ('ACTOR', ?1, 'x', ?2)")
                .setParameter(1, subject).setParameter(2, LocalDateTime.now()).executeUpdate();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
