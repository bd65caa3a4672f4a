package org.weft.activitypub.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.weft.activitypub.signature.SignatureScheme;

class InMemorySchemeMemoryTest {

    private static final Instant NOW = Instant.parse("2026-11-07T09:05:03Z");

    @Test
    void remembersTheLatestSchemePerHost() {
        InMemorySchemeMemory memory = new InMemorySchemeMemory();
        memory.remember("a.example", SignatureScheme.DRAFT_CAVAGE, NOW);
        memory.remember("a.example", SignatureScheme.RFC_9421, NOW.plusSeconds(60));

        assertEquals(Optional.of(new SchemeMemory.Remembered(SignatureScheme.RFC_9421, NOW.plusSeconds(60))),
                memory.recall("a.example"));
        assertTrue(memory.recall("b.example").isEmpty());
    }

    @Test
    void forgetsAHostWhenTold() {
        InMemorySchemeMemory memory = new InMemorySchemeMemory();
        memory.remember("a.example", SignatureScheme.DRAFT_CAVAGE, NOW);
        memory.remember("b.example", SignatureScheme.DRAFT_CAVAGE, NOW);
        memory.forget("a.example");
        memory.forget("never.example");

        assertTrue(memory.recall("a.example").isEmpty());
        assertTrue(memory.recall("b.example").isPresent());
    }

    @Test
    void forgetsTheHostUnusedLongestWhenFull() {
        InMemorySchemeMemory memory = new InMemorySchemeMemory(2);
        memory.remember("a.example", SignatureScheme.DRAFT_CAVAGE, NOW);
        memory.remember("b.example", SignatureScheme.DRAFT_CAVAGE, NOW);
        memory.recall("a.example");
        memory.remember("c.example", SignatureScheme.DRAFT_CAVAGE, NOW);

        assertEquals(2, memory.size());
        assertTrue(memory.recall("a.example").isPresent());
        assertTrue(memory.recall("b.example").isEmpty());
        assertTrue(memory.recall("c.example").isPresent());
    }

    @Test
    void hostsAreKeyedByNormalisedAuthority() {
        assertEquals("mastodon.example", SchemeMemory.hostOf(URI.create("https://Mastodon.Example:443/inbox")));
        assertEquals("127.0.0.1:8080", SchemeMemory.hostOf(URI.create("http://127.0.0.1:8080/inbox")));
    }
}
