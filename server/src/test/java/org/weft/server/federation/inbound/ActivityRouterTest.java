package org.weft.server.federation.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;
import org.weft.activitypub.vocab.Activity;

/**
 * Activities of a type nothing handles are dropped with a reason; the log hears of each type once, not each activity.
 * Activities a handler ignores keep their reason too, and are logged only at FINE.
 */
class ActivityRouterTest {

    @Test
    void anUnknownTypeIsLoggedOncePerTypeAndEachActivitySaysWhy() throws Exception {
        List<String> logged = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger log = Logger.getLogger(ActivityRouter.class.getName());
        Level level = log.getLevel();
        log.setLevel(Level.INFO);
        log.addHandler(capture);
        try {
            List<String> handled = new ArrayList<>();
            ActivityRouter router = new ActivityRouter(Map.of("Follow", follow -> handled.add(follow.id())));
            for (int i = 0; i < 50; i++) {
                assertEquals(Optional.of("No handler for activity type Bite"), router.handle(activity("Bite", i)));
                assertEquals(Optional.of("No handler for activity type Dislike"), router.handle(activity("Dislike", i)));
            }
            assertEquals(Optional.empty(), router.handle(activity("Follow", 1)));
            assertEquals(List.of("https://peer.example/activities/Follow/1"), handled);
            assertEquals(1, logged.stream().filter(line -> line.contains("activity type Bite")).count(), logged.toString());
            assertEquals(1, logged.stream().filter(line -> line.contains("activity type Dislike")).count(), logged.toString());
        } finally {
            log.removeHandler(capture);
            log.setLevel(level);
        }
    }

    @Test
    void anIgnoredActivityKeepsItsReasonAndWritesNoLineUnlessAskedFor() throws Exception {
        List<LogRecord> logged = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger log = Logger.getLogger(ActivityRouter.class.getName());
        Level level = log.getLevel();
        log.addHandler(capture);
        try {
            ActivityRouter router = new ActivityRouter(Map.of("Delete", delete -> {
                throw new IgnoredActivity("Delete of an actor never seen here");
            }));
            log.setLevel(Level.INFO);
            for (int i = 0; i < 50; i++) {
                assertEquals(Optional.of("Delete of an actor never seen here"), router.handle(activity("Delete", i)));
            }
            assertEquals(List.of(), logged.stream().map(LogRecord::getMessage).toList(), "nothing at INFO");

            log.setLevel(Level.FINE);
            router.handle(activity("Delete", 50));
            assertEquals(1, logged.size());
            assertEquals(Level.FINE, logged.get(0).getLevel());
            assertTrue(logged.get(0).getMessage().contains("https://peer.example/activities/Delete/50"));
            assertTrue(logged.get(0).getMessage().contains("never seen here"));
        } finally {
            log.removeHandler(capture);
            log.setLevel(level);
        }
    }

    private static Activity activity(String type, int n) {
        return new Activity("https://peer.example/activities/" + type + "/" + n, type, "https://peer.example/users/kim",
                null, null, null, null, null, null);
    }
}
