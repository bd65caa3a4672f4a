package org.weft.server.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.weft.server.testing.FediversePeer;
import org.weft.server.testing.LemmyPeer;
import org.weft.server.testing.MastodonPeer;
import org.weft.server.testing.TestClock;
import org.weft.server.testing.TestServers;

/**
 * Hardening issue, case 2: "any remote actor can fill the disk" (100 signed Likes of about 1 MB from one actor were
 * all stored). Now each actor and each server has hourly quotas and a rate: past them the inbox answers 429 with
 * {@code Retry-After} and stores nothing, other senders carry on, and after the window the sender is heard again.
 * Each refusal is checked against the inbound table, which the inbox writes before it answers 202.
 */
class InboxFloodAttackTest {
    /** A ~1 MB Like: under the 1 MiB body cap, so only the quotas stop it. */
    private static final int LIKE_BYTES = 1_000_000;

    @Test
    void oneActorsMegabyteLikesAreStoppedAtItsHourlyBytesAndNothingPastItIsStored() {
        TestClock clock = new TestClock();
        try (TestServers.Instance weft = TestServers.start(Map.of(), clock);
             MastodonPeer rosa = new MastodonPeer(weft.base());
             LemmyPeer kofi = new LemmyPeer(weft.base())) {
            URI inbox = URI.create(weft.base() + "/inbox");
            int quota = weft.config().inboxLimits().actorBytesPerHour();
            int fit = quota / LIKE_BYTES; // the shipped default, 16 MiB, holds 16 of them

            int accepted = 0;
            HttpResponse<String> refused = null;
            for (int i = 0; i < 100 && refused == null; i++) {
                HttpResponse<String> answer = send(rosa, inbox, clock, like(rosa, i));
                if (answer.statusCode() == 202) {
                    accepted++;
                } else {
                    refused = answer;
                }
            }
            assertEquals(fit, accepted, "accepted up to the quota");
            assertEquals(429, refused.statusCode(), refused.body());
            long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
            assertTrue(retryAfter > 0 && retryAfter <= 3_600, "Retry-After " + retryAfter);
            assertTrue(refused.body().contains("quota"), refused.body());
            for (int i = 0; i < 5; i++) {
                assertEquals(429, send(rosa, inbox, clock, like(rosa, 100 + i)).statusCode());
            }
            assertEquals(fit, Attacks.inboundFrom(weft, rosa.actor()), "nothing past the quota was stored");

            assertEquals(202, send(kofi, inbox, clock, like(kofi, 0)).statusCode(), "another sender is heard");
            assertEquals(1, Attacks.inboundFrom(weft, kofi.actor()));

            clock.advance(Duration.ofSeconds(retryAfter));
            assertEquals(202, send(rosa, inbox, clock, like(rosa, 200)).statusCode(), "heard again after Retry-After");
            assertEquals(fit + 1, Attacks.inboundFrom(weft, rosa.actor()));
        }
    }

    @Test
    void aServerOverItsRateIsTurnedAwayBeforeItsSignatureIsCheckedAndForgeriesDoNotSpendItsAllowance() {
        // A clock that stands still unless the test moves it: the bucket refills one request a second, and a slow
        // machine must not refill it between the burst and the request that has to find it empty.
        TestClock clock = new TestClock(Instant.now());
        try (TestServers.Instance weft = TestServers.start(Map.of("WEFT_INBOX_HOST_RATE", "1", "WEFT_INBOX_HOST_BURST", "3"),
                clock);
             MastodonPeer rosa = new MastodonPeer(weft.base());
             LemmyPeer kofi = new LemmyPeer(weft.base())) {
            URI inbox = URI.create(weft.base() + "/inbox");
            // Someone else signs with their own key but names rosa's, in either scheme: refused by the signature check,
            // and never counted against rosa's server.
            for (int i = 0; i < 10; i++) {
                assertEquals(401, rosa.deliver(inbox, small(rosa, "forged-" + i), clock.now(), kofi.key(), rosa.keyId())
                        .statusCode());
            }
            assertEquals(401, rfc9421Forgery(inbox, rosa, kofi, clock, "forged-rfc9421").status());
            for (int i = 0; i < 3; i++) {
                assertEquals(202, send(rosa, inbox, clock, small(rosa, "real-" + i)).statusCode(), "burst of three");
            }
            HttpResponse<String> over = send(rosa, inbox, clock, small(rosa, "real-3"));
            assertEquals(429, over.statusCode(), over.body());
            assertEquals("1", over.headers().firstValue("Retry-After").orElseThrow());
            // Now even a forgery naming that server gets 429, not 401: it was turned away before its signature cost
            // anything, whether the key is named in a draft-cavage Signature or an RFC 9421 Signature-Input.
            assertEquals(429, rosa.deliver(inbox, small(rosa, "forged-late"), clock.now(), kofi.key(), rosa.keyId())
                    .statusCode());
            RawHttp.Response lateRfc9421 = rfc9421Forgery(inbox, rosa, kofi, clock, "forged-late-rfc9421");
            assertEquals(429, lateRfc9421.status(), lateRfc9421.body());
            assertEquals(3, Attacks.inboundFrom(weft, rosa.actor()), "the refused ones were not stored");
            assertEquals(202, send(kofi, inbox, clock, small(kofi, "other-server")).statusCode());

            clock.advance(Duration.ofSeconds(1));
            assertEquals(202, send(rosa, inbox, clock, small(rosa, "real-4")).statusCode(), "one more a second");
            assertEquals(4, Attacks.inboundFrom(weft, rosa.actor()));
        }
    }

    /** rosa's activity signed as Mastodon 4.5 signs (RFC 9421), with kofi's key under rosa's key id. */
    private static RawHttp.Response rfc9421Forgery(URI inbox, MastodonPeer rosa, LemmyPeer kofi, TestClock clock, String n) {
        return AttackRequest.post(inbox, new String(small(rosa, n), StandardCharsets.UTF_8))
                .signedBy(kofi, "rsa-sha256", MastodonPeer.SIGNED_HEADERS).keyId(rosa.keyId()).rfc9421()
                .date(clock.instant()).send();
    }

    private static HttpResponse<String> send(FediversePeer peer, URI inbox, TestClock clock, byte[] body) {
        return peer.deliver(inbox, body, clock.now(), peer.key(), peer.keyId());
    }

    /** A Like padded to {@link #LIKE_BYTES} bytes. */
    private static byte[] like(FediversePeer peer, int n) {
        String head = "{\"@context\":\"https://www.w3.org/ns/activitystreams\",\"id\":\"" + peer.actor() + "/likes/" + n
                + "\",\"type\":\"Like\",\"actor\":\"" + peer.actor() + "\",\"object\":\"" + peer.origin()
                + "/notes/1\",\"content\":\"";
        String tail = "\"}";
        return (head + "x".repeat(LIKE_BYTES - head.length() - tail.length()) + tail).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] small(FediversePeer peer, String n) {
        return ("{\"@context\":\"https://www.w3.org/ns/activitystreams\",\"id\":\"" + peer.actor() + "/likes/" + n
                + "\",\"type\":\"Like\",\"actor\":\"" + peer.actor() + "\",\"object\":\"" + peer.origin() + "/notes/1\"}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
