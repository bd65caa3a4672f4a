package org.weft.server.domain.actor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.weft.activitypub.client.SchemeMemory.Remembered;
import org.weft.activitypub.signature.SignatureScheme;
import org.weft.server.persistence.Database;
import org.weft.server.testing.TestClock;
import org.weft.server.testing.FreshDatabase;

/**
 * The double-knock's memory in the database, as two nodes sharing one database see it, and how long a row lives.
 * Runs on H2 by default and on MariaDB when WEFT_TEST_DB_URL is set.
 */
class StoredSchemeMemoryTest {
    private static final Instant LEARNED = Instant.parse("2026-11-07T09:05:03.123456Z");

    private final TestClock clock = new TestClock(LEARNED.plus(Duration.ofMinutes(5)));
    @RegisterExtension
    final FreshDatabase fresh = new FreshDatabase();

    private Database db() {
        return fresh.db();
    }

    @Test
    void whatOneNodeLearnsAnotherRecallsWithTheMomentItWasLearned() {
        StoredSchemeMemory one = new StoredSchemeMemory(db(), clock, Duration.ZERO);
        StoredSchemeMemory other = new StoredSchemeMemory(db(), clock, Duration.ZERO);

        assertEquals(Optional.empty(), other.recall("draft.example"));
        one.remember("draft.example", SignatureScheme.DRAFT_CAVAGE, LEARNED);

        assertEquals(Optional.of(new Remembered(SignatureScheme.DRAFT_CAVAGE, LEARNED)), other.recall("draft.example"));
        assertEquals(Optional.empty(), other.recall("other.example:8443"));
    }

    @Test
    void rememberingAgainReplacesAndForgettingRemoves() {
        StoredSchemeMemory memory = new StoredSchemeMemory(db(), clock, Duration.ZERO);
        memory.remember("peer.example", SignatureScheme.DRAFT_CAVAGE, LEARNED);
        memory.remember("peer.example", SignatureScheme.RFC_9421, LEARNED.plusSeconds(60));

        assertEquals(Optional.of(new Remembered(SignatureScheme.RFC_9421, LEARNED.plusSeconds(60))),
                memory.recall("peer.example"));
        assertEquals(1L, rows());

        memory.forget("peer.example");
        memory.forget("never.example");
        assertEquals(Optional.empty(), memory.recall("peer.example"));
        assertEquals(0L, rows());
    }

    @Test
    void aNodeReadsTheTableAgainOnlyOnceItsCachedAnswerIsOld() {
        StoredSchemeMemory cached = new StoredSchemeMemory(db(), clock, Duration.ofDays(1));
        StoredSchemeMemory writer = new StoredSchemeMemory(db(), clock, Duration.ZERO);
        assertEquals(Optional.empty(), cached.recall("peer.example"));

        writer.remember("peer.example", SignatureScheme.DRAFT_CAVAGE, LEARNED);

        assertEquals(Optional.empty(), cached.recall("peer.example"), "the answer read a moment ago is reused");
        assertTrue(new StoredSchemeMemory(db(), clock, Duration.ZERO).recall("peer.example").isPresent(),
                "though the table has it");
        cached.remember("own.example", SignatureScheme.DRAFT_CAVAGE, LEARNED);
        assertEquals(Optional.of(new Remembered(SignatureScheme.DRAFT_CAVAGE, LEARNED)), cached.recall("own.example"),
                "what this node learns it sees at once");
    }

    @Test
    void aRowWithASchemeThisVersionDoesNotKnowCountsAsNone() {
        db().run(s -> s.createNativeMutationQuery(
                "INSERT INTO signature_scheme_host (host, scheme, learned_at) VALUES ('future.example', 'RFC_9999', ?1)")
                .setParameter(1, java.time.LocalDateTime.of(2026, 11, 7, 9, 5)).executeUpdate());

        StoredSchemeMemory memory = new StoredSchemeMemory(db(), clock, Duration.ZERO);
        assertEquals(Optional.empty(), memory.recall("future.example"));
        memory.remember("future.example", SignatureScheme.DRAFT_CAVAGE, LEARNED);
        assertTrue(memory.recall("future.example").isPresent());
    }

    @Test
    void rowsAWeekOldAreDeletedWhenANodeReadsTheTable() {
        StoredSchemeMemory memory = new StoredSchemeMemory(db(), clock, Duration.ZERO);
        memory.remember("old.example", SignatureScheme.DRAFT_CAVAGE, LEARNED);
        memory.remember("recent.example", SignatureScheme.DRAFT_CAVAGE, LEARNED.plus(Duration.ofDays(3)));

        clock.advance(Duration.ofDays(6));
        assertTrue(memory.recall("old.example").isPresent(), "six days: still kept (it decides whether to forget)");
        clock.advance(Duration.ofDays(1));
        assertEquals(Optional.empty(), memory.recall("old.example"));
        assertTrue(memory.recall("recent.example").isPresent());
        assertEquals(1L, rows());
    }

    private long rows() {
        return db().inTransaction(s -> s.createNativeQuery("SELECT COUNT(*) FROM signature_scheme_host", Long.class)
                .getSingleResult());
    }
}
