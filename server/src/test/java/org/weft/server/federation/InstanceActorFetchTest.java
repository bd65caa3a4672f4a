package org.weft.server.federation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.weft.server.attack.AttackRequest;
import org.weft.server.attack.RawHttp;
import org.weft.server.domain.proposal.ProposalDraft;
import org.weft.server.model.Audience;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.testing.FediversePeer;
import org.weft.server.testing.MastodonPeer;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;

/**
 * Mastodon fetches with its instance actor's key, which Weft has usually never seen: the first fetch of a
 * community-only request from an approved follower's server makes Weft fetch that key before it can decide. The key
 * is fetched with no database transaction open (the servers of these tests fail when they stop if a request was made
 * inside one), kept, and not fetched again for the next fetch.
 */
class InstanceActorFetchTest {

    @Test
    void aFollowersServerReadsACommunityOnlyRequestSignedByAnInstanceActorWeftHasNotSeen() {
        try (TestServers.Instance weft = TestServers.start(); MastodonPeer mastodon = new MastodonPeer(weft.base())) {
            weft.server().localActors().createGroup("block3", "Block 3", null);
            weft.server().localActors().createMember("nadia", "Nadia", "a long enough password", false);
            String group = weft.base() + "/groups/block3";
            assertEquals(202, AttackRequest.post(URI.create(weft.base() + "/inbox"),
                    mastodon.fixture("mastodon/follow.json").replace(weft.base() + "/users/amina", group))
                    .signedBy(mastodon).send().status());
            WaitFor.condition("rosa's follow is accepted", () -> !mastodon.inboxPosts().isEmpty());
            // Only servers of approved followers may read community-only posts: a moderator approves rosa.
            weft.server().followers().approve("block3", mastodon.rosa());
            mastodon.wireMock().stubFor(get(urlPathEqualTo("/actor")).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/activity+json; charset=utf-8")
                    .withBody(mastodon.fixture("mastodon/actor-instance.json"))));
            ProposalEntity formula = weft.server().proposals().service().create("nadia", ProposalDraft.builder()
                    .community("block3").purpose(Purpose.REQUEST).title("Need baby formula").categories("bread")
                    .audience(Audience.COMMUNITY).build());
            String instanceActor = mastodon.origin() + "/actor";
            assertTrue(weft.server().db().inTransaction(s -> ActorRepository.byUri(s, instanceActor)).isEmpty(),
                    "Weft has never seen Mastodon's instance actor");

            for (int fetch = 1; fetch <= 2; fetch++) {
                // Two fetches, signed at different times: the same signature twice would be a replay, refused.
                RawHttp.Response note = AttackRequest.get(URI.create(formula.getUri()))
                        .signedWith(instanceActor + "#main-key", FediversePeer.privateKey("keys/mastodon-instance.pem"))
                        .date(Instant.now().minusSeconds(10L * (2 - fetch))).send();
                assertEquals(200, note.status(), "fetch " + fetch + ": " + note.body());
                assertTrue(note.body().contains("Need baby formula"), note.body());
            }
            assertEquals(1, mastodon.wireMock().countRequestsMatching(getRequestedFor(urlPathEqualTo("/actor")).build())
                    .getCount(), "the instance actor's key is fetched once, then kept");
            assertTrue(weft.server().db().inTransaction(s -> ActorRepository.byUri(s, instanceActor)).isPresent());
        }
    }
}
