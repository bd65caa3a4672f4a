package org.weft.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/**
 * The validators a feed reader keeps: one tag per version of the data and per variant, compared weakly, and a list in
 * {@code If-None-Match} read tag by tag.
 */
class ConditionalGetTest {

    @Test
    void theTagChangesWithTheVersionAndTheVariantAndNothingElse() {
        Instant at = Instant.parse("2026-12-05T04:00:00.123Z");
        String tag = ConditionalGet.of(41, at, "/board/camp/feed.atom", "lang=en", "en").etag();
        assertEquals(tag, ConditionalGet.of(41, at.plusMillis(500), "/board/camp/feed.atom", "lang=en", "en").etag());
        assertNotEquals(tag, ConditionalGet.of(42, at, "/board/camp/feed.atom", "lang=en", "en").etag());
        assertNotEquals(tag, ConditionalGet.of(41, at, "/board/camp/feed.atom", "lang=ar", "ar").etag());
        assertNotEquals(ConditionalGet.of(1, at, "ab", "c").etag(), ConditionalGet.of(1, at, "a", "bc").etag(),
                "parts are kept apart");
        assertTrue(tag.matches("W/\"[0-9a-f]{16}\""), tag);
        assertEquals(Instant.parse("2026-12-05T04:00:00Z"), ConditionalGet.of(41, at).lastModified(),
                "HTTP dates have whole seconds: a reader's If-Modified-Since must match");
    }

    @Test
    void ifNoneMatchIsReadAsAListComparedWeakly() {
        String tag = "W/\"0123456789abcdef\"";
        assertTrue(ConditionalGet.matches(tag, tag));
        assertTrue(ConditionalGet.matches("\"0123456789abcdef\"", tag), "a proxy may drop the W/");
        assertTrue(ConditionalGet.matches("\"aaaa\", W/\"0123456789abcdef\"", tag));
        assertTrue(ConditionalGet.matches("*", tag));
        assertFalse(ConditionalGet.matches("W/\"0123456789abcdee\"", tag));
        assertFalse(ConditionalGet.matches("", tag));
    }
}
