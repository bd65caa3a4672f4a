package org.weft.server.federation.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.weft.activitypub.vocab.Activity;
import org.weft.server.testing.CapturedLog;

/**
 * Activities of a type nothing handles are dropped with a reason; the log hears of each type once, not each activity.
 * Activities a handler ignores keep their reason too, and are logged only at FINE.
 */
class ActivityRouterTest {
    private static final Logger LOG = Logger.getLogger(ActivityRouter.class.getName());
    private final Level level = LOG.getLevel();

    @AfterEach
    void restoreLevel() {
        LOG.setLevel(level);
    }

    @Test
    void anUnknownTypeIsLoggedOncePerTypeAndEachActivitySaysWhy() throws Exception {
        LOG.setLevel(Level.INFO);
        try (CapturedLog log = CapturedLog.everything(LOG)) {
            List<String> handled = new ArrayList<>();
            ActivityRouter router = new ActivityRouter(Map.of("Follow", follow -> handled.add(follow.id())));
            for (int i = 0; i < 50; i++) {
                assertEquals(Optional.of("No handler for activity type Bite"), router.handle(activity("Bite", i)));
                assertEquals(Optional.of("No handler for activity type Dislike"), router.handle(activity("Dislike", i)));
            }
            assertEquals(Optional.empty(), router.handle(activity("Follow", 1)));
            assertEquals(List.of("https://peer.example/activities/Follow/1"), handled);
            List<String> logged = log.messages();
            assertEquals(1, logged.stream().filter(line -> line.contains("activity type Bite")).count(), logged.toString());
            assertEquals(1, logged.stream().filter(line -> line.contains("activity type Dislike")).count(), logged.toString());
        }
    }

    @Test
    void anIgnoredActivityKeepsItsReasonAndWritesNoLineUnlessAskedFor() throws Exception {
        ActivityRouter router = new ActivityRouter(Map.of("Delete", delete -> {
            throw new IgnoredActivity("Delete of an actor never seen here");
        }));
        try (CapturedLog log = CapturedLog.everything(LOG)) {
            LOG.setLevel(Level.INFO);
            for (int i = 0; i < 50; i++) {
                assertEquals(Optional.of("Delete of an actor never seen here"), router.handle(activity("Delete", i)));
            }
            assertEquals(List.of(), log.messages(), "nothing at INFO");

            LOG.setLevel(Level.FINE);
            router.handle(activity("Delete", 50));
            List<LogRecord> records = log.records();
            assertEquals(1, records.size());
            assertEquals(Level.FINE, records.get(0).getLevel());
            assertTrue(records.get(0).getMessage().contains("https://peer.example/activities/Delete/50"));
            assertTrue(records.get(0).getMessage().contains("never seen here"));
        }
    }

    private static Activity activity(String type, int n) {
        return new Activity("https://peer.example/activities/" + type + "/" + n, type, "https://peer.example/users/kim",
                null, null, null, null, null, null);
    }
}
