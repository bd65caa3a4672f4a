package org.weft.server.federation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.weft.activitypub.vocab.Intent;
import org.weft.activitypub.vocab.ProposalNote;
import org.weft.activitypub.vocab.Quantity;
import org.weft.activitypub.vocab.Vocab;
import org.weft.server.persistence.InboundActivityEntity;
import org.weft.server.persistence.ProposalRepository;
import org.weft.server.testing.MastodonPeer;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;

/**
 * The inbound worker's schedule as the server is really wired (WeftServer: 4 s, then doubling, eight attempts): a boost
 * whose post cannot be fetched because its server answers 503 for a moment is tried again about 4 seconds later, and
 * the post then reaches the member who follows the booster. Real HTTP, a Mastodon-shaped peer, the server's own clock.
 */
class InboundRetryScheduleTest {
    private static final Duration FIRST_RETRY = Duration.ofSeconds(4);

    @Test
    void aBoostWhosePostsServerIsBrieflyDownIsTakenOnTheFirstRetryFourSecondsLater() throws Exception {
        try (TestServers.Instance weft = TestServers.start(); MastodonPeer rosa = new MastodonPeer(weft.base())) {
            weft.server().localActors().createMember("amina", "Amina", "amina-password", false);
            URI inbox = URI.create(weft.base() + "/inbox");
            followAccepted(weft, rosa, inbox);

            String proposalPath = "/users/rosa/proposals/1";
            String proposalId = rosa.origin() + proposalPath;
            String proposal = ProposalNote.builder(proposalId, rosa.rosa(), ProposalNote.OFFER,
                            Intent.primary(proposalId, "transfer", List.of("https://w3id.org/weft/taxonomy/v1#tents"),
                                    null, Quantity.count(1)))
                    .content("<p>A spare tent</p>").contentIn("en", "<p>A spare tent</p>").published(Instant.now())
                    .to(List.of(Vocab.PUBLIC)).build().toJson().toString();
            rosa.wireMock().stubFor(get(urlPathEqualTo(proposalPath)).inScenario("outage")
                    .whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(503))
                    .willSetStateTo("back"));
            rosa.wireMock().stubFor(get(urlPathEqualTo(proposalPath)).inScenario("outage")
                    .whenScenarioStateIs("back").willReturn(aResponse().withStatus(200)
                            .withHeader("Content-Type", "application/activity+json").withBody(proposal)));

            String announce = rosa.fixture("mastodon/announce.json").replace(
                    "\"object\": \"" + weft.base() + "/proposals/7f3c9a\"", "\"object\": \"" + proposalId + "\"");
            String announceId = TestHttp.json(announce).path("id").asText();
            assertEquals(202, rosa.deliver(inbox, announce).statusCode());

            WaitFor.condition("the first attempt fails on the 503", () -> fetches(rosa, proposalPath).size() == 1
                    && attempts(weft, announceId) == 1);
            assertNull(authorOf(weft, proposalId), "nothing is kept from a failed fetch");

            InboundActivityEntity done = WaitFor.inboundDone(weft, announceId);
            assertEquals(InboundActivityEntity.State.DONE, done.getState(), done.getLastError());
            assertEquals(1, done.getAttempts(), "one failed attempt counted: taken on the first retry");
            List<LoggedRequest> tries = fetches(rosa, proposalPath);
            assertEquals(2, tries.size());
            Duration between = Duration.between(tries.get(0).getLoggedDate().toInstant(),
                    tries.get(1).getLoggedDate().toInstant());
            assertTrue(between.compareTo(FIRST_RETRY.minusMillis(100)) >= 0
                    && between.compareTo(FIRST_RETRY.plusSeconds(6)) <= 0,
                    "the second fetch came " + between + " after the first, not about " + FIRST_RETRY);

            // Amina's view: the post her followee boosted is kept here, as a proposal from rosa.
            assertEquals(rosa.rosa(), WaitFor.value("the boosted proposal is kept", () -> authorOf(weft, proposalId)));
        }
    }

    /** Amina follows rosa and rosa's server accepts, as Mastodon does for an unlocked account. */
    private static void followAccepted(TestServers.Instance weft, MastodonPeer rosa, URI inbox) throws Exception {
        weft.server().follows().follow("amina", rosa.rosa());
        JsonNode follow = WaitFor.value("the Follow reaches rosa's server", () -> rosa.inboxPosts().stream()
                .map(r -> TestHttp.json(r.getBodyAsString())).filter(j -> "Follow".equals(j.path("type").asText()))
                .findFirst().orElse(null));
        String accept = rosa.fixture("mastodon/accept-follow.json").replace(
                weft.base() + "/activities/follow/5c1e0b7a-6d2f-4c31-9a8e-2f4b7c9d0e11", follow.path("id").asText());
        String acceptId = TestHttp.json(accept).path("id").asText();
        assertEquals(202, rosa.deliver(inbox, accept).statusCode());
        assertEquals(InboundActivityEntity.State.DONE, WaitFor.inboundDone(weft, acceptId).getState());
    }

    private static List<LoggedRequest> fetches(MastodonPeer peer, String path) {
        return peer.wireMock().getAllServeEvents().stream().map(e -> e.getRequest())
                .filter(r -> r.getMethod().getName().equals("GET") && r.getUrl().startsWith(path))
                .sorted(Comparator.comparing(LoggedRequest::getLoggedDate)).toList();
    }

    /** The author of the proposal kept here under {@code uri}, or null when none is. */
    private static String authorOf(TestServers.Instance weft, String uri) {
        return weft.server().db().inTransaction(s -> ProposalRepository.byUri(s, uri).map(p -> p.getAuthor().getUri())
                .orElse(null));
    }

    private static int attempts(TestServers.Instance weft, String activityId) {
        return weft.server().db().inTransaction(s -> s.createSelectionQuery(
                        "select attempts from InboundActivityEntity where activityUri = :u", Integer.class)
                .setParameter("u", activityId).uniqueResultOptional().orElse(0));
    }
}
