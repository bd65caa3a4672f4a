package org.weft.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.weft.server.persistence.InboundActivityEntity;
import org.weft.server.testing.CapturedLog;
import org.weft.server.testing.HeldPosts;
import org.weft.server.testing.MastodonPeer;
import org.weft.server.testing.TestServers;

/**
 * Stopping the server, at once after it started and while its inbound worker is busy, stops every background task
 * (the schedules, the workers, the change-feed tailer, the matcher) before the database closes: what the operator
 * reads in the log during the stop says nothing about a closed database or connection pool. Before, a task still
 * running (or interrupted inside the embedded database, which then closes its file) logged "Database is already
 * closed" or "has been closed".
 */
class QuietShutdownTest {
    /** What a task that outlived the database (or interrupted it) says, in H2's, Hikari's and Hibernate's words. */
    private static final Pattern CLOSED = Pattern.compile(
            "already closed|has been closed|is closed|pool.*clos|closedbyinterrupt|interrupted", Pattern.CASE_INSENSITIVE);

    @Test
    void stoppingRightAfterStartLogsNothingAboutAClosedDatabase() {
        // Several times: what runs at the first instants (the change feed, the poll timer, the search-terms
        // catch-up, the heartbeat) differs from one start to the next.
        List<String> noise = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            TestServers.Instance weft = TestServers.start();
            try (CapturedLog log = CapturedLog.start()) {
                weft.close();
                noise.addAll(closedDatabase(log));
            }
        }
        assertEquals(List.of(), noise, "logged while stopping");
    }

    @Test
    void stoppingWhileTheInboundWorkerIsBusyLogsNothingAboutAClosedDatabase() {
        TestServers.Instance weft = TestServers.start();
        List<String> noise;
        try (MastodonPeer mastodon = new MastodonPeer(weft.base())) {
            weft.server().localActors().createGroup("block3", "Block 3", null);
            HeldPosts rosa = HeldPosts.following(weft, mastodon, "block3");
            for (int i = 0; i < 60; i++) {
                rosa.send(HeldPosts.UNSURE + " #" + i);
            }
            assertTrue(pendingInbound(weft) > 0, "the worker still has work when the server stops");
            try (CapturedLog log = CapturedLog.start()) {
                weft.close();
                noise = closedDatabase(log);
            }
        }
        assertEquals(List.of(), noise, "logged while stopping");
    }

    /**
     * The warnings and errors about a closed database, logged during the stop and in the moment after it: a task that
     * outlived the stop says so a little later, from its own thread.
     */
    private static List<String> closedDatabase(CapturedLog log) {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return log.warningsAndErrors().stream().filter(line -> CLOSED.matcher(line.toLowerCase(Locale.ROOT)).find()).toList();
    }

    private static long pendingInbound(TestServers.Instance weft) {
        return weft.server().db().inTransaction(s -> s.createSelectionQuery(
                        "select count(*) from InboundActivityEntity where state = :pending", Long.class)
                .setParameter("pending", InboundActivityEntity.State.PENDING).getSingleResult());
    }
}
