package org.weft.activitypub.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.weft.activitypub.signature.SeenSignatures.Sighting;

class SeenSignaturesTest {

    private static final Instant NOW = Instant.parse("2026-11-07T09:05:03Z");
    private static final Instant IN_AN_HOUR = NOW.plus(Duration.ofHours(1));

    private static byte[] signature(int n) {
        return ByteBuffer.allocate(256).putInt(0, n).array();
    }

    @Test
    void aSignatureIsSeenFirstOnceThenRepeated() {
        SeenSignatures seen = new SeenSignatures(10);
        assertEquals(Sighting.FIRST, seen.see(signature(1), IN_AN_HOUR, NOW));
        assertEquals(Sighting.REPEATED, seen.see(signature(1), IN_AN_HOUR, NOW.plusSeconds(30)));
        assertEquals(Sighting.FIRST, seen.see(signature(2), IN_AN_HOUR, NOW.plusSeconds(30)));
    }

    @Test
    void itIsRememberedUntilItsLastAcceptableMomentAndNoLonger() {
        SeenSignatures seen = new SeenSignatures(10);
        seen.see(signature(1), IN_AN_HOUR, NOW);
        assertEquals(Sighting.REPEATED, seen.see(signature(1), IN_AN_HOUR, IN_AN_HOUR));
        assertEquals(1, seen.size());
        seen.see(signature(2), IN_AN_HOUR.plusSeconds(60), IN_AN_HOUR.plusMillis(1));
        assertEquals(1, seen.size(), "the first one left when its moment passed");
    }

    @Test
    void aFloodOfUniqueSignaturesNeverGrowsItBeyondItsCapacity() {
        SeenSignatures seen = new SeenSignatures(1_000);
        for (int i = 0; i < 20_000; i++) {
            assertEquals(Sighting.FIRST, seen.see(signature(i), IN_AN_HOUR.plusSeconds(i), NOW));
        }
        assertEquals(1_000, seen.size());
    }

    @Test
    void aForgottenSignatureIsRefusedAsUncertainNeverAcceptedAgain() {
        SeenSignatures seen = new SeenSignatures(2);
        seen.see(signature(1), IN_AN_HOUR, NOW);
        seen.see(signature(2), IN_AN_HOUR.plusSeconds(1), NOW);
        seen.see(signature(3), IN_AN_HOUR.plusSeconds(2), NOW);
        assertEquals(Sighting.UNCERTAIN, seen.see(signature(1), IN_AN_HOUR, NOW), "signature 1 was forgotten early");
        assertEquals(Sighting.UNCERTAIN, seen.see(signature(4), IN_AN_HOUR, NOW),
                "nothing ending as early as a forgotten one can be told from a replay");
        assertEquals(Sighting.REPEATED, seen.see(signature(3), IN_AN_HOUR.plusSeconds(2), NOW));
        assertEquals(Sighting.FIRST, seen.see(signature(5), IN_AN_HOUR.plusSeconds(3), NOW), "newer signatures get in");
    }

    @Test
    void fartherFutureSignaturesDoNotPushOutTheLimitForFreshOnes() {
        // Someone floods with signatures dated an hour ahead; honest ones dated now keep getting in.
        SeenSignatures seen = new SeenSignatures(100);
        for (int i = 0; i < 100; i++) {
            seen.see(signature(1_000 + i), IN_AN_HOUR.plus(Duration.ofHours(1)), NOW);
        }
        for (int second = 0; second < 50; second++) {
            Instant now = NOW.plusSeconds(second);
            assertEquals(Sighting.FIRST, seen.see(signature(second), now.plus(Duration.ofMinutes(65)), now), "second " + second);
        }
        assertTrue(seen.size() <= 100);
    }

    @Test
    void underASteadyStreamEveryReplayInsideItsWindowIsCaughtAndOnlyTheWindowIsKept() {
        // 40 a second for two hours, each signature good for 65 minutes, as the soak of issue 16 sends them.
        SeenSignatures seen = new SeenSignatures();
        for (int i = 0; i < 40 * 7_200; i++) {
            Instant now = NOW.plusMillis(25L * i);
            Instant until = now.plus(Duration.ofMinutes(65));
            assertEquals(Sighting.FIRST, seen.see(signature(i), until, now), "signature " + i);
            if (i >= 40 * 600) {
                int earlier = i - 40 * 600;
                Instant itsUntil = NOW.plusMillis(25L * earlier).plus(Duration.ofMinutes(65));
                assertEquals(Sighting.REPEATED, seen.see(signature(earlier), itsUntil, now), "replay of " + earlier);
            }
        }
        assertEquals(SeenSignatures.DEFAULT_CAPACITY, seen.size(), "65 minutes at 40/s is more than it keeps");
    }
}
