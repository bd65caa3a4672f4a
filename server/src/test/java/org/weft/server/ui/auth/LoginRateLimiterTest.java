package org.weft.server.ui.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.weft.server.testing.TestClock;
import org.weft.server.ui.auth.LoginRateLimiter.Attempt;

/** The limiter's rules over time, with a clock the test moves. */
class LoginRateLimiterTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-12-04T05:00:00Z"));
    private final LoginRateLimiter limiter = new LoginRateLimiter(LoginRateLimiter.Limits.DEFAULT, clock);

    private static Attempt stranger(String address, String username) {
        return new Attempt(address, username, null);
    }

    private void failFreely(Attempt attempt, int times) {
        for (int i = 0; i < times; i++) {
            assertEquals(Optional.empty(), limiter.refusal(attempt), "attempt " + (i + 1) + " may go ahead");
            limiter.failed(attempt);
        }
    }

    @Test
    void successesDoNotCount() {
        Attempt member = stranger("192.0.2.1", "amina");
        for (int i = 0; i < 50; i++) {
            assertEquals(Optional.empty(), limiter.refusal(member));
            limiter.succeeded(member);
        }
    }

    @Test
    void anAccountBacksOffExponentiallyAfterFiveFailures() {
        Attempt guess = stranger("192.0.2.1", "amina");
        failFreely(guess, 5);
        assertEquals(Optional.of(Duration.ofMinutes(1)), limiter.refusal(guess));
        // From another address, with the name typed differently: it is the account that waits.
        assertEquals(Optional.of(Duration.ofMinutes(1)), limiter.refusal(stranger("198.51.100.2", " Amina ")));
        clock.advance(Duration.ofSeconds(59));
        assertEquals(Optional.of(Duration.ofSeconds(1)), limiter.refusal(guess));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(Optional.empty(), limiter.refusal(guess));
        limiter.failed(guess);
        assertEquals(Optional.of(Duration.ofMinutes(2)), limiter.refusal(guess), "the wait doubles");
        clock.advance(Duration.ofMinutes(2));
        limiter.failed(guess);
        assertEquals(Optional.of(Duration.ofMinutes(4)), limiter.refusal(guess));
        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofHours(1));
            limiter.failed(guess);
        }
        assertEquals(Optional.of(Duration.ofHours(1)), limiter.refusal(guess), "never more than an hour");
        // Other accounts are untouched (another address, so the address limit is not what is measured).
        assertEquals(Optional.empty(), limiter.refusal(stranger("198.51.100.3", "boris")));
    }

    @Test
    void aStreakIsForgottenAfterADayWithoutFailures() {
        Attempt guess = stranger("192.0.2.1", "amina");
        failFreely(guess, 5);
        clock.advance(Duration.ofDays(1));
        failFreely(guess, 4);
        limiter.failed(guess);
        assertEquals(Optional.of(Duration.ofMinutes(1)), limiter.refusal(guess), "counted from one again");
    }

    @Test
    void theRightPasswordFromAKnownBrowserIsNeverHeldBackByOthersFailures() {
        Attempt attacker = stranger("192.0.2.1", "amina");
        failFreely(attacker, 5);
        for (int i = 0; i < 30; i++) {
            clock.advance(Duration.ofHours(1));
            limiter.failed(attacker);
        }
        assertTrue(limiter.refusal(attacker).isPresent());
        // The member's phone, even from the attacker's own address (one camp network, one proxy).
        Attempt phone = new Attempt("192.0.2.1", "amina", "device-of-amina");
        assertEquals(Optional.empty(), limiter.refusal(phone));
        limiter.succeeded(phone);
        assertTrue(limiter.refusal(attacker).isPresent(), "the member's success does not lift the back-off for others");
    }

    @Test
    void aKnownBrowserThatGuessesTooOftenIsTreatedLikeAnyOther() {
        Attempt phone = new Attempt("192.0.2.1", "amina", "device-of-amina");
        failFreely(phone, 10);
        // Its own back-off is on; it falls back to the rules for unknown browsers, where the account is still clean.
        assertEquals(Optional.empty(), limiter.refusal(phone));
        failFreely(phone, 5);
        assertEquals(Optional.of(Duration.ofMinutes(1)), limiter.refusal(phone));
        assertEquals(Optional.of(Duration.ofMinutes(1)), limiter.refusal(stranger("198.51.100.2", "amina")),
                "those last five counted on the account");
        clock.advance(Duration.ofMinutes(1));
        assertEquals(Optional.empty(), limiter.refusal(phone), "the device's own back-off (1 min) has passed too");
        limiter.succeeded(phone);
        limiter.failed(phone);
        assertEquals(Optional.empty(), limiter.refusal(phone), "a success ended the device's streak");
    }

    @Test
    void oneAddressTryingManyNamesMeetsTheAddressLimit() {
        for (int i = 0; i < 20; i++) {
            Attempt spray = stranger("192.0.2.66", "member" + i);
            assertEquals(Optional.empty(), limiter.refusal(spray), "name " + i);
            limiter.failed(spray);
            clock.advance(Duration.ofSeconds(30));
        }
        // Twenty failures from 0:00 to 9:30; it is 10:00. The one at 0:00 leaves the window at 15:00.
        Attempt next = stranger("192.0.2.66", "member20");
        assertEquals(Optional.of(Duration.ofMinutes(5)), limiter.refusal(next));
        // A success with an account of the attacker's own does not reset the address.
        limiter.succeeded(stranger("192.0.2.66", "attackers-own"));
        assertEquals(Optional.of(Duration.ofMinutes(5)), limiter.refusal(next));
        // Another address, and a known browser at this one, are not held back.
        assertEquals(Optional.empty(), limiter.refusal(stranger("192.0.2.67", "member20")));
        assertEquals(Optional.empty(), limiter.refusal(new Attempt("192.0.2.66", "member3", "device-of-member3")));
        // The window slides: at 15:00 one try is free again, and after it the next waits for the 0:30 failure.
        clock.advance(Duration.ofMinutes(5));
        assertEquals(Optional.empty(), limiter.refusal(next));
        limiter.failed(next);
        assertEquals(Optional.of(Duration.ofSeconds(30)), limiter.refusal(stranger("192.0.2.66", "member21")));
    }

    @Test
    void aSprayOverVeryManyNamesAndAddressesIsForgottenButABackOffIsKept() {
        Attempt target = stranger("192.0.2.1", "amina");
        failFreely(target, 5);
        for (int i = 0; i <= LoginRateLimiter.PRUNE_ABOVE; i++) {
            limiter.failed(stranger("10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255), "name" + i));
        }
        assertTrue(limiter.tracked() < 1_000, "the idle entries went: " + limiter.tracked());
        assertEquals(Optional.of(Duration.ofMinutes(1)), limiter.refusal(target), "the earned back-off stays");
    }

    /** Tells another limiter what this one counted, as the change feed does between nodes (here at once). */
    private record Relay(LoginRateLimiter[] to) implements LoginRateLimiter.Peers {
        @Override
        public void failed(LoginRateLimiter.Keys keys) {
            to[0].failedElsewhere(LoginRateLimiter.Keys.parse(keys.line()).orElseThrow());
        }

        @Override
        public void succeeded(LoginRateLimiter.Keys keys) {
            to[0].succeededElsewhere(LoginRateLimiter.Keys.parse(keys.line()).orElseThrow());
        }
    }

    @Test
    void twoNodesTellingEachOtherHoldAnAccountBackAsOneWould() {
        LoginRateLimiter[] toNode2 = new LoginRateLimiter[1];
        LoginRateLimiter[] toNode1 = new LoginRateLimiter[1];
        LoginRateLimiter node1 = new LoginRateLimiter(LoginRateLimiter.Limits.DEFAULT, clock, new Relay(toNode2));
        LoginRateLimiter node2 = new LoginRateLimiter(LoginRateLimiter.Limits.DEFAULT, clock, new Relay(toNode1));
        toNode1[0] = node1;
        toNode2[0] = node2;
        Attempt guess = stranger("192.0.2.9", "zora");
        for (int i = 0; i < 5; i++) {
            LoginRateLimiter node = i % 2 == 0 ? node1 : node2;
            assertEquals(Optional.empty(), node.refusal(guess), "guess " + (i + 1) + " may go ahead");
            node.failed(guess);
        }
        assertEquals(Optional.of(Duration.ofMinutes(1)), node1.refusal(guess), "five guesses over two nodes count as five");
        assertEquals(Optional.of(Duration.ofMinutes(1)), node2.refusal(guess));
        // A known browser's own failures stay its own on the other node too: the account is not held back by them.
        Attempt phone = new Attempt("192.0.2.10", "amina", "device-of-amina");
        for (int i = 0; i < 10; i++) {
            node1.failed(phone);
        }
        assertEquals(Optional.empty(), node2.refusal(stranger("192.0.2.11", "amina")), "the account is not locked");
        // Ten failures cost the browser its trust on node 2 as well: its next failures there count against the account.
        for (int i = 0; i < 5; i++) {
            node2.failed(phone);
        }
        assertTrue(node1.refusal(stranger("192.0.2.11", "amina")).isPresent(), "now the account waits, on node 1 too");
        // The member signs in through node 2 after the wait: node 1 forgets the account's back-off as well.
        clock.advance(Duration.ofMinutes(1));
        node2.succeeded(guess);
        node1.failed(guess);
        assertEquals(Optional.empty(), node1.refusal(guess), "one failure after a success is free again");
        assertEquals(Optional.empty(), node2.refusal(guess));
    }

    @Test
    void whatTravelsBetweenNodesNamesNeitherTheAddressNorTheAccount() {
        String line = new Attempt("192.0.2.44", "Zora", "device-key-1").keys().line();
        assertTrue(!line.contains("192.0.2.44") && !line.toLowerCase(java.util.Locale.ROOT).contains("zora")
                && !line.contains("device-key-1"), line);
        assertEquals(new Attempt("192.0.2.44", " zora ", "device-key-1").keys(), LoginRateLimiter.Keys.parse(line).orElseThrow(),
                "the same digests on every node, for the name as typed in any case");
        assertEquals(Optional.empty(), LoginRateLimiter.Keys.parse("written by another version"));
    }
}
