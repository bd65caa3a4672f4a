package org.weft.server.attack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;
import org.weft.server.testing.MastodonPeer;
import org.weft.server.testing.TestServers;

/**
 * Many deliveries from an actor never seen before, all at once (a new server's first burst, or someone hoping
 * to make Weft fetch the same document again and again). They wait for one fetch of the actor and all get in,
 * with one row for the actor. (This used to give 500s from a duplicate key, and one fetch per request.)
 */
class ConcurrentFirstContactTest {
    private static final int REQUESTS = 24;

    @Test
    void concurrentFirstDeliveriesShareOneFetchOfTheActor() throws Exception {
        try (TestServers.Instance weft = TestServers.start(); MastodonPeer mastodon = new MastodonPeer(weft.base())) {
            // A slow actor document keeps the first fetch in flight while the other requests arrive.
            mastodon.wireMock().stubFor(get(urlPathEqualTo("/users/rosa")).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/activity+json").withFixedDelay(500)
                    .withBody(mastodon.fixture("mastodon/actor.json"))));
            URI inbox = URI.create(weft.base() + "/inbox");
            String like = mastodon.fixture("mastodon/like.json");

            List<Integer> statuses = sendTogether(i -> AttackRequest.post(inbox, like.replace("#likes/4417093", "#likes/" + i))
                    .signedBy(mastodon));

            assertEquals(Collections.nCopies(REQUESTS, 202), statuses);
            mastodon.wireMock().verify(1, getRequestedFor(urlPathEqualTo("/users/rosa")));
            long actorRows = weft.server().db().inTransaction(s -> s.createSelectionQuery(
                    "select count(*) from ActorEntity a where a.uri = :u", Long.class)
                    .setParameter("u", mastodon.rosa()).getSingleResult());
            assertEquals(1, actorRows, "one row for rosa");
            long inbound = weft.server().db().inTransaction(s -> s.createSelectionQuery(
                    "select count(*) from InboundActivityEntity", Long.class).getSingleResult());
            assertEquals(REQUESTS, inbound, "every Like stored once");
        }
    }

    @Test
    void concurrentFirstDeliveriesWithAForbiddenKeyAreAllRefusedCleanly() throws Exception {
        try (TestServers.Instance weft = TestServers.start(); MastodonPeer mastodon = new MastodonPeer(weft.base())) {
            mastodon.wireMock().stubFor(get(urlPathEqualTo("/users/rosa")).willReturn(aResponse().withStatus(302)
                    .withFixedDelay(200).withHeader("Location", "gopher://127.0.0.1:70/_stats")));
            URI inbox = URI.create(weft.base() + "/inbox");
            String like = mastodon.fixture("mastodon/like.json");
            Map<String, Long> before = Refused.rowCounts(weft);

            List<Integer> statuses = sendTogether(i -> AttackRequest.post(inbox, like.replace("#likes/4417093", "#likes/" + i))
                    .signedBy(mastodon));

            assertEquals(Collections.nCopies(REQUESTS, 401), statuses, "every one refused, none failed");
            assertEquals(before, Refused.rowCounts(weft), "nothing stored");
        }
    }

    /** Builds every request first, then releases them at once; returns their statuses in order. */
    private static List<Integer> sendTogether(IntFunction<AttackRequest> request) throws Exception {
        List<byte[]> wire = new ArrayList<>();
        int port = -1;
        for (int i = 0; i < REQUESTS; i++) {
            AttackRequest r = request.apply(i);
            wire.add(r.bytes());
            port = r.port();
        }
        int target = port;
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Integer>> answers = new ArrayList<>();
            for (byte[] bytes : wire) {
                answers.add(senders.submit(() -> {
                    go.await();
                    return RawHttp.send(target, bytes).status();
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            return statuses;
        }
    }
}
