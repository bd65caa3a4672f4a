package org.weft.server.queue;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.Test;
import org.weft.activitypub.vocab.Activities;
import org.weft.server.model.ActorKind;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.DeliveryEntity;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;

/** The durable delivery queue: nothing lost across a restart, and a dead host does not hold up others. */
class DeliveryQueueTest {

    @Test
    void restartDuringFanOutLosesNoDelivery() {
        WireMockServer peer = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        peer.start();
        // Slow enough that the fan-out is still going when the server stops.
        peer.stubFor(post(urlPathMatching("/users/.*/inbox")).willReturn(aResponse().withStatus(202).withFixedDelay(150)));
        TestServers.Instance weft = TestServers.start(Map.of("WEFT_DELIVERY_PER_HOST", "2"));
        try {
            ActorEntity group = weft.server().localActors().createGroup("block3", "Block 3", null);
            List<ActorEntity> followers = remoteActors(weft, peer, 40);
            send(weft, group, followers);

            TestServers.Instance first = weft;
            WaitFor.condition("some deliveries done", () -> count(first, DeliveryEntity.State.DELIVERED) >= 5);
            weft = weft.restart();
            TestServers.Instance restarted = weft;
            WaitFor.condition("every delivery done after the restart",
                    () -> count(restarted, DeliveryEntity.State.DELIVERED) == 40);

            Set<String> reached = peer.getAllServeEvents().stream().map(e -> e.getRequest().getUrl()).collect(Collectors.toSet());
            assertEquals(40, reached.size(), "every inbox received the activity");
            int posts = peer.getAllServeEvents().size();
            assertTrue(posts <= 40 + 2, "at most the in-flight deliveries are repeated, got " + posts);
        } finally {
            weft.close();
            peer.stop();
        }
    }

    @Test
    void aHostThatTimesOutDoesNotHoldUpTheOthers() {
        WireMockServer dead = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        WireMockServer alive = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        dead.start();
        alive.start();
        dead.stubFor(post(urlPathMatching(".*")).willReturn(aResponse().withStatus(202).withFixedDelay(30_000)));
        alive.stubFor(post(urlPathMatching(".*")).willReturn(aResponse().withStatus(202)));
        try (TestServers.Instance weft = TestServers.start(Map.of("WEFT_DELIVERY_PER_HOST", "2", "WEFT_DELIVERY_WORKERS", "4"))) {
            ActorEntity group = weft.server().localActors().createGroup("block3", "Block 3", null);
            List<ActorEntity> recipients = new ArrayList<>(remoteActors(weft, dead, 20));
            recipients.addAll(remoteActors(weft, alive, 20));
            send(weft, group, recipients); // the stuck host's rows first: they are claimed first

            // The order, not the time: every delivery to the live host is recorded while the stuck host still holds
            // its first requests open, with no outcome for any of its rows.
            WaitFor.condition("every delivery to the live host recorded, once the stuck host has been sent something",
                    () -> count(weft, DeliveryEntity.State.DELIVERED) == 20 && !dead.getAllServeEvents().isEmpty());
            List<DeliveryEntity> toDead = rowsFor(weft, dead);
            assertEquals(20, toDead.size());
            assertTrue(toDead.stream().allMatch(r -> r.getState() == DeliveryEntity.State.PENDING && r.getAttempts() == 0),
                    "the stuck host's requests are still unanswered: none of its rows has an outcome yet");
            assertEquals(20, alive.getAllServeEvents().size());
            int open = dead.getAllServeEvents().size();
            assertTrue(open >= 1 && open <= 2, "at most two requests at a time to the stuck host, got " + open);
        } finally {
            dead.stop();
            alive.stop();
        }
    }

    private static List<ActorEntity> remoteActors(TestServers.Instance weft, WireMockServer host, int n) {
        List<ActorEntity> actors = new ArrayList<>();
        weft.server().db().run(s -> {
            for (int i = 0; i < n; i++) {
                String uri = "http://localhost:" + host.port() + "/users/u" + i;
                ActorEntity actor = new ActorEntity(uri, ActorKind.PERSON, false, "u" + i, "localhost:" + host.port(),
                        Instant.now());
                actor.setInbox(uri + "/inbox");
                actor.setKey(uri + "#main-key", "unused");
                s.persist(actor);
                actors.add(actor);
            }
        });
        return actors;
    }

    private static void send(TestServers.Instance weft, ActorEntity sender, List<ActorEntity> recipients) {
        var note = JsonNodeFactory.instance.objectNode().put("id", weft.base() + "/notes/1").put("type", "Note")
                .put("content", "hello");
        weft.server().db().run(s -> weft.server().outbox().send(s, s.merge(sender),
                Activities.create(weft.server().outbox().newActivityId(), sender.getUri(), note), recipients, true));
    }

    private static List<DeliveryEntity> rowsFor(TestServers.Instance weft, WireMockServer host) {
        return weft.server().db().inTransaction(s -> s.createSelectionQuery("from DeliveryEntity where host = :h",
                DeliveryEntity.class).setParameter("h", "localhost:" + host.port()).getResultList());
    }

    private static long count(TestServers.Instance weft, DeliveryEntity.State state) {
        return weft.server().db().inTransaction(s -> s.createSelectionQuery(
                "select count(*) from DeliveryEntity where state = :s", Long.class).setParameter("s", state).getSingleResult());
    }
}
