package org.weft.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.weft.server.persistence.InboundActivityEntity;
import org.weft.server.testing.CapturedLog;
import org.weft.server.testing.HeldPosts;
import org.weft.server.testing.MastodonPeer;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;

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
            Set<Thread> others = weftThreads();
            TestServers.Instance weft = TestServers.start();
            try (CapturedLog log = CapturedLog.start()) {
                weft.close();
                noise.addAll(closedDatabase(log, others));
            }
        }
        assertEquals(List.of(), noise, "logged while stopping");
    }

    @Test
    void stoppingWhileTheInboundWorkerIsBusyLogsNothingAboutAClosedDatabase() {
        Set<Thread> others = weftThreads();
        TestServers.Instance weft = TestServers.start();
        List<String> noise;
        try (MastodonPeer mastodon = new MastodonPeer(weft.base())) {
            weft.server().localActors().createGroup("block3", "Block 3", null);
            HeldPosts rosa = HeldPosts.following(weft, mastodon, "block3");
            // Until some posts wait: on a quiet machine the worker keeps up with one sender, so a fixed number of
            // posts may all be handled before the stop, and then the stop would test an idle worker.
            int sent = 0;
            while (sent < 60 || (pendingInbound(weft) == 0 && sent < 600)) {
                rosa.send(HeldPosts.UNSURE + " #" + sent++);
            }
            assertTrue(pendingInbound(weft) > 0, "the worker still has work when the server stops (after " + sent + " posts)");
            try (CapturedLog log = CapturedLog.start()) {
                weft.close();
                noise = closedDatabase(log, others);
            }
        }
        assertEquals(List.of(), noise, "logged while stopping");
    }

    /**
     * The warnings and errors about a closed database, logged during the stop and until the server's own threads
     * have ended: a task that outlived the stop says so a little later, from its own thread. {@code others} are the
     * threads of servers other tests left behind in this JVM, alive before this one started.
     */
    private static List<String> closedDatabase(CapturedLog log, Set<Thread> others) {
        WaitFor.condition(() -> "the stopped server's threads to end: " + threadNames(weftThreads(), others),
                Duration.ofSeconds(10), () -> others.containsAll(weftThreads()));
        return log.warningsAndErrors().stream().filter(line -> CLOSED.matcher(line.toLowerCase(Locale.ROOT)).find()).toList();
    }

    /** The live platform threads Weft names (weft-inbound, weft-matcher, weft-retention, weft-db housekeeper, ...). */
    private static Set<Thread> weftThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("weft-"))
                .collect(Collectors.toSet());
    }

    private static List<String> threadNames(Set<Thread> alive, Set<Thread> others) {
        return alive.stream().filter(t -> !others.contains(t)).map(Thread::getName).sorted().toList();
    }

    private static long pendingInbound(TestServers.Instance weft) {
        return weft.server().db().inTransaction(s -> s.createSelectionQuery(
                        "select count(*) from InboundActivityEntity where state = :pending", Long.class)
                .setParameter("pending", InboundActivityEntity.State.PENDING).getSingleResult());
    }
}
