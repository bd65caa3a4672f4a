package org.weft.server.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The per-host slots and circuit breaker that keep dead hosts from holding up the others. */
class HostGateTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T12:00:00Z"));
    private final HostGate gate = new HostGate(2, 3, Duration.ofMinutes(1), clock);

    @Test
    void aHostNotYetHeardFromGetsOneSlotAndTheFullNumberOnceItAnswers() {
        assertTrue(gate.tryEnter("new.example"));
        assertFalse(gate.tryEnter("new.example"), "one attempt at a time until the host has answered");
        assertEquals(Set.of("new.example"), gate.blockedHosts());
        gate.leave("new.example", true);
        assertTrue(gate.tryEnter("new.example"));
        assertTrue(gate.tryEnter("new.example"));
        assertFalse(gate.tryEnter("new.example"), "perHost is the cap for a host that answers");
    }

    @Test
    void nodesSharingTheDatabaseShareEachHostsLimit() {
        HostGate six = new HostGate(6, 3, Duration.ofMinutes(1), clock);
        six.tryEnter("busy.example");
        six.leave("busy.example", true);
        six.shareWith(2);
        for (int i = 0; i < 3; i++) {
            assertTrue(six.tryEnter("busy.example"));
        }
        assertFalse(six.tryEnter("busy.example"), "two nodes: half of the host's six each");
        six.shareWith(1);
        assertTrue(six.tryEnter("busy.example"), "alone again: the whole limit");
        // More nodes than slots: each node still gets one, so deliveries never stop.
        gate.tryEnter("small.example");
        gate.leave("small.example", true);
        gate.shareWith(5);
        assertEquals(1, gate.perHostHere());
        assertTrue(gate.tryEnter("small.example"));
        assertFalse(gate.tryEnter("small.example"));
    }

    @Test
    void aHostThatStopsAnsweringFallsBackToOneSlot() {
        gate.tryEnter("flaky.example");
        gate.leave("flaky.example", true);
        gate.tryEnter("flaky.example");
        gate.leave("flaky.example", false);
        assertTrue(gate.tryEnter("flaky.example"));
        assertFalse(gate.tryEnter("flaky.example"));
    }

    @Test
    void failuresInARowOpenTheCircuitUntilItsTimeIsUp() {
        for (int i = 0; i < 3; i++) {
            assertTrue(gate.tryEnter("dead.example"));
            gate.leave("dead.example", false);
        }
        assertTrue(gate.isCircuitOpen("dead.example"));
        assertFalse(gate.tryEnter("dead.example"));
        assertTrue(gate.blockedHosts().contains("dead.example"));
        assertTrue(gate.tryEnter("live.example"), "other hosts are not affected");

        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertFalse(gate.isCircuitOpen("dead.example"));
        assertTrue(gate.tryEnter("dead.example"), "one trial after the circuit's time");
        assertFalse(gate.tryEnter("dead.example"));
        gate.leave("dead.example", true);
        assertFalse(gate.isCircuitOpen("dead.example"));
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
