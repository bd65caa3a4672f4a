package org.weft.server.federation.quota;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.weft.server.config.InboxLimits;
import org.weft.server.testing.TestClock;

/** The inbox limits on their own, with a clock the test moves: who is refused, for how long, and who is not. */
class InboxQuotasTest {
    private static final String ROSA = "https://social.example/users/rosa";
    private static final String ZAID = "https://social.example/users/zaid";
    private static final String LENA = "https://other.example/users/lena";

    private final TestClock clock = new TestClock();

    @Test
    void anActorPastItsHourlyActivitiesIsRefusedUntilTheHourHasSlidOnAndOthersAreNot() {
        InboxQuotas quotas = new InboxQuotas(new InboxLimits(3, 0, 0, 0, 0, 0), clock);
        for (int i = 0; i < 3; i++) {
            assertTrue(quotas.charge(ROSA, 2_000).isEmpty(), "activity " + i);
        }
        Optional<InboxQuotas.Refusal> refused = quotas.charge(ROSA, 2_000);
        assertTrue(refused.isPresent());
        assertTrue(refused.get().reason().contains(ROSA), refused.get().reason());
        long retry = refused.get().retryAfterSeconds();
        assertTrue(retry > 0 && retry <= 3_600, "Retry-After " + retry);
        assertTrue(quotas.charge(ZAID, 2_000).isEmpty(), "another actor of the same server is not held back");

        clock.advance(Duration.ofSeconds(retry - 1));
        assertTrue(quotas.charge(ROSA, 2_000).isPresent(), "a second before Retry-After it is still too early");
        clock.advance(Duration.ofSeconds(1));
        assertTrue(quotas.charge(ROSA, 2_000).isEmpty(), "at Retry-After it fits again");
        clock.advance(Duration.ofHours(2));
        for (int i = 0; i < 3; i++) {
            assertTrue(quotas.charge(ROSA, 2_000).isEmpty(), "a new hour, a whole quota: " + i);
        }
    }

    @Test
    void bytesCountAsWellAsActivities() {
        InboxQuotas quotas = new InboxQuotas(new InboxLimits(0, 3_000_000, 0, 0, 0, 0), clock);
        assertTrue(quotas.charge(ROSA, 1_000_000).isEmpty());
        assertTrue(quotas.charge(ROSA, 1_000_000).isEmpty());
        assertTrue(quotas.charge(ROSA, 900_000).isEmpty());
        Optional<InboxQuotas.Refusal> refused = quotas.charge(ROSA, 1_000_000);
        assertTrue(refused.isPresent());
        assertTrue(refused.get().reason().contains("3000000 bytes"), refused.get().reason());
        assertTrue(quotas.charge(ROSA, 50_000).isEmpty(), "a small activity still fits under the bytes left");
    }

    @Test
    void aHostIsLimitedByRateAndBySumOverItsActors() {
        InboxQuotas quotas = new InboxQuotas(new InboxLimits(0, 0, 4, 0, 1, 3), clock);
        assertTrue(quotas.charge(ROSA, 100).isEmpty());
        assertTrue(quotas.charge(ZAID, 100).isEmpty());
        assertTrue(quotas.charge(ROSA, 100).isEmpty());
        Optional<InboxQuotas.Refusal> burst = quotas.charge(ZAID, 100);
        assertTrue(burst.isPresent(), "the bucket of social.example held three");
        assertEquals(1, burst.get().retryAfterSeconds());
        assertTrue(quotas.charge(LENA, 100).isEmpty(), "another server has its own bucket");

        clock.advance(Duration.ofSeconds(1));
        assertTrue(quotas.charge(ZAID, 100).isEmpty(), "one token a second");
        clock.advance(Duration.ofSeconds(10));
        Optional<InboxQuotas.Refusal> hourly = quotas.charge(ROSA, 100);
        assertTrue(hourly.isPresent(), "four activities an hour for the whole server");
        assertTrue(hourly.get().reason().contains("social.example"), hourly.get().reason());
    }

    @Test
    void thePrecheckCountsNothingAndOnlyKnowsHostsThatSentSomething() {
        InboxQuotas quotas = new InboxQuotas(new InboxLimits(0, 0, 0, 0, 1, 2), clock);
        for (int i = 0; i < 10; i++) {
            assertTrue(quotas.precheck("social.example", 100).isEmpty(), "forged or not, a precheck spends nothing");
        }
        assertTrue(quotas.charge(ROSA, 100).isEmpty());
        assertTrue(quotas.charge(ROSA, 100).isEmpty());
        assertTrue(quotas.precheck("social.example", 100).isPresent(), "over its rate: turned away before any check");
        assertTrue(quotas.precheck("other.example", 100).isEmpty());
    }

    @Test
    void aRefusedRequestIsNotCounted() {
        InboxQuotas quotas = new InboxQuotas(new InboxLimits(2, 0, 0, 0, 0, 0), clock);
        quotas.charge(ROSA, 1);
        quotas.charge(ROSA, 1);
        for (int i = 0; i < 50; i++) {
            assertTrue(quotas.charge(ROSA, 1).isPresent());
        }
        clock.advance(Duration.ofHours(2));
        assertTrue(quotas.charge(ROSA, 1).isEmpty(), "retrying while refused did not dig the hole deeper");
    }

    @Test
    void afterRetryAfterTheSameRequestFitsWhateverCameBefore() {
        // An oracle over random traffic: whenever a request is refused, waiting exactly Retry-After (and sending
        // nothing meanwhile) makes that request fit.
        Random random = new Random(7);
        InboxQuotas quotas = new InboxQuotas(new InboxLimits(40, 400_000, 0, 0, 0, 0), clock);
        int refusals = 0;
        for (int i = 0; i < 5_000; i++) {
            clock.advance(Duration.ofMillis(random.nextInt(120_000)));
            long bytes = 1 + random.nextInt(60_000);
            Optional<InboxQuotas.Refusal> refused = quotas.charge(ROSA, bytes);
            if (refused.isPresent()) {
                refusals++;
                clock.advance(refused.get().retryAfter());
                assertTrue(quotas.charge(ROSA, bytes).isEmpty(), "fits after " + refused.get().retryAfter());
            }
        }
        assertTrue(refusals > 100, "the traffic did go over the limits: " + refusals);
    }

    @Test
    void quietSendersAreForgotten() {
        InboxQuotas quotas = new InboxQuotas(new InboxLimits(10, 0, 10, 0, 5, 10), clock);
        quotas.charge(ROSA, 1);
        quotas.charge(LENA, 1);
        assertEquals(4, quotas.tracked(), "two actors and two hosts");
        clock.advance(Duration.ofHours(3));
        quotas.charge(ZAID, 1);
        assertEquals(2, quotas.tracked(), "only zaid and his server are left");
    }

    @Test
    void noLimitsMeansNothingIsTracked() {
        InboxQuotas quotas = new InboxQuotas(InboxLimits.NONE, clock);
        for (int i = 0; i < 1_000; i++) {
            assertFalse(quotas.charge(ROSA, 1_000_000).isPresent());
        }
        assertEquals(0, quotas.tracked());
    }
}
