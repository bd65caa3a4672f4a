package org.weft.server.domain.proposal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.weft.server.attack.AttackRequest;
import org.weft.server.attack.RawHttp;
import org.weft.server.domain.follow.CommunityLink;
import org.weft.server.model.Audience;
import org.weft.server.model.ProposalStatus;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.FollowRepository;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.persistence.ProposalRepository;
import org.weft.server.testing.IndependentRfc9421;
import org.weft.server.testing.MastodonPeer;
import org.weft.server.testing.RemoteFollows;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;
import org.weft.server.ui.PageClient;

/**
 * Issue 13: "community only" means what the member reads on the form. Camp A's community is followed by rosa and tom
 * on one Mastodon server, by eve on another, by town on Weft B (linked both ways) and by village on Weft C (a one-way
 * link C made). A moderator approves rosa. A community-only request then reaches rosa's server addressed to rosa
 * alone, and town; never tom (same server, not approved), eve's server, or village; and only rosa's server may fetch
 * it. After the moderator removes rosa, her server gets a Reject of her follow and nothing afterwards.
 */
class CommunityOnlyAudienceTest {
    private static final String PASSWORD = "a long enough password";

    @Test
    void aCommunityOnlyRequestReachesApprovedFollowersOnlyAndARemovedFollowerNothingAfter() throws Exception {
        try (TestServers.Instance a = TestServers.start(); TestServers.Instance b = TestServers.start();
             TestServers.Instance c = TestServers.start(); MastodonPeer m1 = new MastodonPeer(a.base());
             MastodonPeer m2 = new MastodonPeer(a.base())) {
            a.server().localActors().createGroup("block3", "Block 3", null);
            a.server().localActors().createMember("nadia", "Nadia", PASSWORD, false);
            a.server().localActors().createMember("amina", "Amina", PASSWORD, false);
            a.server().moderators().add("block3", "amina", java.util.Optional.empty());
            b.server().localActors().createGroup("town", "Town", null);
            c.server().localActors().createGroup("village", "Village", null);
            String group = a.base() + "/groups/block3";
            String rosa = m1.rosa();
            String tom = m1.serveUser("tom");
            String eve = m2.rosa();

            String rosaFollow = RemoteFollows.follow(a, m1, rosa, group);
            RemoteFollows.follow(a, m1, tom, group);
            RemoteFollows.follow(a, m2, eve, group);
            a.server().matching().links().link("block3", b.base() + "/groups/town");
            b.server().matching().links().link("town", group);
            c.server().matching().links().link("village", group);
            WaitFor.condition("town and village follow block3, and block3's link to town is accepted", () ->
                    a.server().matching().links().links("block3").stream().filter(CommunityLink::theyFollow).count() == 2
                            && a.server().matching().links().links("block3").stream().anyMatch(CommunityLink::mutual));

            // The moderator approves rosa on the followers page, which then says who community-only posts reach.
            PageClient moderator = new PageClient(a.base());
            moderator.login("amina", PASSWORD);
            String page = "/moderate/block3/followers";
            HttpResponse<String> approved = moderator.submit(page, page + "/decide", Map.of("follower", rosa,
                    "decision", "approve"));
            assertEquals(303, approved.statusCode(), approved.body());
            String listing = moderator.get(page).body();
            assertTrue(listing.contains("Community-only posts reach only 2 members of this server and 2 approved followers on 2"
                    + " servers."), listing);

            WaitFor.deliveriesDrained(a);
            int m1Before = m1.inboxPosts().size();
            int m2Before = m2.inboxPosts().size();
            ProposalEntity formula = request(a, "Need baby formula");
            WaitFor.deliveriesDrained(a);

            // Rosa's server: one Create, addressed to rosa alone; no collection that Mastodon would expand.
            List<JsonNode> atM1 = bodies(m1, m1Before);
            assertEquals(1, atM1.size(), atM1.toString());
            JsonNode create = atM1.get(0);
            assertEquals("Create", create.path("type").asText());
            assertEquals(group, create.path("actor").asText());
            assertEquals(List.of(rosa), texts(create.path("object").path("to")));
            assertEquals(List.of(), texts(create.path("object").path("cc")));
            assertEquals(List.of(rosa), texts(create.path("to")));
            assertFalse(create.toString().contains(tom), "tom is not approved and is not named");
            assertFalse(create.toString().contains("/followers"), "no followers collection to expand");
            assertFalse(create.toString().contains(a.base() + "/users/nadia"), "the member stays anonymous");
            LoggedRequest delivery = m1.inboxPosts().get(0);
            assertEquals(group + "#main-key", IndependentRfc9421.keyIdOf(delivery::getHeader));
            assertEquals(List.of(), bodies(m2, m2Before), "eve's server, where nobody is approved, receives nothing");

            // Town (linked both ways) keeps it as community-only; village (one-way) was never sent it.
            WaitFor.condition("town keeps the request", () -> b.server().db().inTransaction(
                    s -> ProposalRepository.byUri(s, formula.getUri())).isPresent());
            assertEquals(Audience.COMMUNITY, b.server().db().inTransaction(
                    s -> ProposalRepository.byUri(s, formula.getUri()).orElseThrow().getAudience()));
            assertEquals(0L, (long) c.server().db().inTransaction(s -> s.createNativeQuery(
                    "SELECT COUNT(*) FROM inbound_activity WHERE body LIKE :u", Long.class)
                    .setParameter("u", "%" + formula.getUri() + "%").getSingleResult()), "village received nothing");
            assertEquals(List.of("Accept"), a.server().db().inTransaction(s -> s.createSelectionQuery(
                    "select o.activityType from DeliveryEntity d, OutboundActivityEntity o where d.activityId = o.id"
                            + " and d.host = :h", String.class).setParameter("h", c.domain()).getResultList()),
                    "village's server was only ever sent the Accept of its follow");

            // Only rosa's server may fetch it, and its copy names rosa alone, whoever signed there.
            URI note = URI.create(formula.getUri());
            RawHttp.Response byRosa = AttackRequest.get(note).signedBy(m1).send();
            assertEquals(200, byRosa.status(), byRosa.body());
            assertEquals(List.of(rosa), texts(TestHttp.json(byRosa.body()).path("to")));
            // Same test key as rosa's: another Date, or its signature would be rosa's, refused as a replay.
            RawHttp.Response byTom = AttackRequest.get(note).signedBy(m1).keyId(tom + "#main-key")
                    .date(java.time.Instant.now().minusSeconds(2)).send();
            assertEquals(200, byTom.status(), byTom.body());
            assertEquals(List.of(rosa), texts(TestHttp.json(byTom.body()).path("to")));
            assertEquals(404, AttackRequest.get(note).signedBy(m2).send().status(), "eve's server may not fetch it");

            // A public offer, by contrast, reaches every follower's server (the community's Announce).
            a.server().proposals().service().create("nadia", ProposalDraft.builder().community("block3")
                    .purpose(Purpose.OFFER).title("Spare bread").description("Ask me.").categories("bread")
                    .audience(Audience.PUBLIC).build());
            WaitFor.deliveriesDrained(a);
            assertTrue(bodies(m2, m2Before).stream().anyMatch(j -> j.path("type").asText().equals("Announce")));

            // The moderator removes rosa: her server gets a Reject of her follow, signed by the community.
            int beforeRemoval = m1.inboxPosts().size();
            // Removing asks first on a page of its own; its button sends the same form again with confirm=yes.
            HttpResponse<String> asked = moderator.submit(page, page + "/decide", Map.of("follower", rosa, "decision", "remove"));
            assertEquals(200, asked.statusCode());
            assertEquals(303, moderator.post(page + "/decide", PageClient.hiddenFields(asked.body(), page + "/decide"))
                    .statusCode());
            WaitFor.deliveriesDrained(a);
            List<JsonNode> rejects = bodies(m1, beforeRemoval);
            assertEquals(1, rejects.size(), rejects.toString());
            JsonNode reject = rejects.get(0);
            assertEquals("Reject", reject.path("type").asText());
            assertEquals(group, reject.path("actor").asText());
            assertEquals(rosaFollow, reject.path("object").path("id").asText());
            assertEquals(rosa, reject.path("object").path("actor").asText());
            assertEquals(group, reject.path("object").path("object").asText());
            assertFalse(a.server().db().<Boolean>inTransaction(s -> FollowRepository.between(s,
                    ActorRepository.byUri(s, rosa).orElseThrow(), ActorRepository.byUri(s, group).orElseThrow())
                    .isPresent()));

            // Afterwards: a new community-only request, a change to the first one, its withdrawal. Nothing reaches
            // rosa's server (tom there was never approved), while town still gets them.
            int afterRemoval = m1.inboxPosts().size();
            ProposalEntity nappies = request(a, "Need nappies, size 3");
            a.server().proposals().service().changeStatus("nadia", formula.getId(), ProposalStatus.PROMISED);
            a.server().proposals().service().changeStatus("nadia", formula.getId(), ProposalStatus.WITHDRAWN);
            WaitFor.deliveriesDrained(a);
            assertEquals(List.of(), bodies(m1, afterRemoval), "nothing after the removal");
            WaitFor.condition("town keeps the second request", () -> b.server().db().inTransaction(
                    s -> ProposalRepository.byUri(s, nappies.getUri())).isPresent());
            WaitFor.condition("town sees the first one withdrawn", () -> b.server().db().<Boolean>inTransaction(
                    s -> ProposalRepository.byUri(s, formula.getUri()).orElseThrow().isDeleted()));
            assertEquals(404, AttackRequest.get(URI.create(nappies.getUri())).signedBy(m1).send().status(),
                    "rosa's server may no longer fetch community-only posts");
        }
    }

    private static ProposalEntity request(TestServers.Instance a, String title) {
        return a.server().proposals().service().create("nadia", ProposalDraft.builder().community("block3")
                .purpose(Purpose.REQUEST).title(title).description("Thank you.").categories("baby-food")
                .audience(Audience.COMMUNITY).build());
    }

    /** The JSON bodies a peer's inboxes received, after the first {@code skip}, oldest first. */
    static List<JsonNode> bodies(MastodonPeer peer, int skip) {
        List<LoggedRequest> all = new ArrayList<>(peer.inboxPosts()).reversed();
        return all.stream().skip(skip).map(r -> TestHttp.json(r.getBodyAsString())).toList();
    }

    static List<String> texts(JsonNode array) {
        List<String> result = new ArrayList<>();
        array.forEach(n -> result.add(n.asText()));
        return result;
    }
}
