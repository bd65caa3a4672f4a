package org.weft.server.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.weft.server.model.ActorKind;
import org.weft.server.testing.FreshDatabase;

/**
 * The change feed is written in the transaction of the change (a rollback leaves no row), and job leases go to one
 * node at a time and move when the holder stops renewing. Runs on H2 and MariaDB.
 */
class ChangeFeedTest {
    @RegisterExtension
    final FreshDatabase fresh = new FreshDatabase();

    private Database db() {
        return fresh.db();
    }

    @Test
    void aCommittedChangeAddsARowAndARolledBackOneNone() {
        long before = db().inTransaction(ChangeFeedEntries::maxId);
        assertThrows(IllegalStateException.class, () -> db().run(s -> {
            s.persist(actor("https://mastodon.example/users/gone"));
            s.flush();
            throw new IllegalStateException("rolled back");
        }));
        assertEquals(List.of(), db().inTransaction(s -> ChangeFeedEntries.after(s, before, 10)), "no row for a rollback");

        db().run(s -> s.persist(actor("https://mastodon.example/users/rosa")));
        List<ChangeFeedEntries.Change> changes = db().inTransaction(s -> ChangeFeedEntries.after(s, before, 10));
        assertEquals(1, changes.size(), changes.toString());
        assertEquals(ChangeKind.ACTOR, changes.get(0).kind());
        assertEquals("https://mastodon.example/users/rosa", changes.get(0).subject());
        assertEquals(db().nodeId(), changes.get(0).node());

        // An edit is a change too; a row nobody keeps a copy of (a session) is not.
        db().run(s -> ActorRepository.byUri(s, "https://mastodon.example/users/rosa").orElseThrow().setDisplayName("Rosa D."));
        assertEquals(2, db().inTransaction(s -> ChangeFeedEntries.after(s, before, 10)).size());

        // Old rows go with the pruner's rule; new ones stay.
        assertEquals(0, pruned(Instant.now().minus(Duration.ofMinutes(10))));
        assertEquals(2, pruned(Instant.now().plusSeconds(1)));
        assertEquals(List.of(), db().inTransaction(s -> ChangeFeedEntries.after(s, before, 10)));
    }

    @Test
    void aLeaseGoesToOneNodeAndMovesOnlyWhenItRunsOut() {
        Instant t0 = Instant.parse("2026-12-04T12:00:00Z");
        Duration hold = Duration.ofMinutes(1);
        db().run(s -> JobLeases.ensure(s, "expiry"));
        db().run(s -> JobLeases.ensure(s, "expiry")); // a second node adding it too changes nothing
        assertNull(db().inTransaction(s -> JobLeases.holder(s, "expiry")));
        assertTrue(take("expiry", "a", t0, hold));
        assertFalse(take("expiry", "b", t0.plusSeconds(30), hold), "a holds it");
        assertTrue(take("expiry", "a", t0.plusSeconds(30), hold), "a renews");
        assertFalse(take("expiry", "b", t0.plusSeconds(80), hold),
                "renewed until 1:30");
        // a stopped renewing (it died): once the lease has run out, b takes it.
        assertTrue(take("expiry", "b", t0.plusSeconds(91), hold));
        assertEquals("b", db().inTransaction(s -> JobLeases.holder(s, "expiry")));
        assertFalse(take("expiry", "a", t0.plusSeconds(100), hold), "a came back late");
        // b stops cleanly: it gives the lease back and a takes it at once.
        db().run(s -> JobLeases.release(s, "expiry", "a")); // not a's to give: nothing happens
        assertEquals("b", db().inTransaction(s -> JobLeases.holder(s, "expiry")));
        db().run(s -> JobLeases.release(s, "expiry", "b"));
        assertTrue(take("expiry", "a", t0.plusSeconds(101), hold));
        // A job nobody has asked for yet has no row: no one gets it until the row is added.
        assertFalse(take("backfill", "a", t0, hold));
    }

    private int pruned(Instant before) {
        Integer removed = db().inTransaction(s -> ChangeFeedEntries.deleteBefore(s, before, 100));
        return removed;
    }

    private boolean take(String job, String node, Instant now, Duration hold) {
        Boolean taken = db().inTransaction(s -> JobLeases.take(s, job, node, now, hold));
        return taken;
    }

    private static ActorEntity actor(String uri) {
        ActorEntity actor = new ActorEntity(uri, ActorKind.PERSON, false, "rosa", "mastodon.example", Instant.now());
        actor.setInbox(uri + "/inbox");
        actor.setKey(uri + "#main-key", "unused");
        return actor;
    }
}
