package org.weft.server.domain.proposal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.weft.server.model.Audience;
import org.weft.server.model.ProposalStatus;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.testing.IndependentRfc9421;
import org.weft.server.testing.MastodonPeer;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;

/**
 * Anonymous requests and community-only requests: nothing that leaves the instance names the member or carries the
 * exact coordinates. Not the delivered bodies, nor who signed them (every delivery is signed with the community's key),
 * nor any public page or document: the proposal, the community, the board, the tag pages, the home page, the public API
 * search. The member's own profile and outbox, which do name her, list none of these requests.
 */
class PrivacyTest {
    private static final String NAME = "Nadia Kareem-Haddad";
    private static final double LAT = 32.123456;
    private static final double LON = 36.654321;

    @Test
    void hiddenMembersStayHidden() {
        try (TestServers.Instance weft = TestServers.start(); MastodonPeer mastodon = new MastodonPeer(weft.base())) {
            weft.server().localActors().createGroup("block3", "Block 3", null);
            weft.server().localActors().createMember("nadia", NAME, "a long enough password", false);
            String group = weft.base() + "/groups/block3";
            mastodon.deliver(URI.create(weft.base() + "/inbox"),
                    mastodon.fixture("mastodon/follow.json").replace(weft.base() + "/users/amina", group));
            WaitFor.condition("the follow is accepted", () -> MastodonProposalTest.posted(mastodon, "Accept").size() == 1);
            // A moderator approves rosa, so community-only requests reach her server too (issue 13).
            weft.server().followers().approve("block3", mastodon.rosa());

            ProposalEntity anonymous = post(weft, Audience.ANONYMOUS, "Need a wheelchair for a week");
            ProposalEntity communityOnly = post(weft, Audience.COMMUNITY, "Need baby formula");
            weft.server().proposals().service().changeStatus("nadia", anonymous.getId(), ProposalStatus.FULFILLED);
            weft.server().proposals().service().delete("nadia", communityOnly.getId());
            // Two that stay open, so the board, tag pages and search below do list requests of hers.
            ProposalEntity stillOpen = post(weft, Audience.ANONYMOUS, "Need crutches for a month");
            ProposalEntity another = post(weft, Audience.COMMUNITY, "Need a ride to the clinic");

            // The Accept, then Create + Update for one, Create + Delete for another, and a Create each for the last two.
            WaitFor.deliveriesDrained(weft);
            List<LoggedRequest> deliveries = mastodon.inboxPosts();
            assertEquals(7, deliveries.size(), "every delivery arrived");
            for (LoggedRequest delivery : deliveries) {
                String keyId = IndependentRfc9421.keyIdOf(delivery::getHeader);
                assertTrue(keyId.startsWith(group + "#"), "signed as the community, not the member: " + keyId);
            }

            Map<String, String> seen = new LinkedHashMap<>();
            deliveries.forEach(r -> seen.put("delivery " + TestHttp.json(r.getBodyAsString()).path("id").asText(),
                    r.getBodyAsString()));
            seen.put(anonymous.getUri() + " (JSON)", TestHttp.get(anonymous.getUri(), "application/activity+json").body());
            seen.put(anonymous.getUri(), TestHttp.get(anonymous.getUri(), "text/html").body());
            seen.put(stillOpen.getUri(), TestHttp.get(stillOpen.getUri(), "text/html").body());
            seen.put(group, TestHttp.get(group, "text/html").body());
            seen.put(group + " (JSON)", TestHttp.get(group, "application/activity+json").body());
            seen.put("/", TestHttp.get(weft.base() + "/", "text/html").body());
            seen.put("/board/block3", TestHttp.get(weft.base() + "/board/block3", "text/html").body());
            seen.put(group + "/outbox", TestHttp.get(group + "/outbox?page=1", "application/activity+json").body());
            seen.put("/api/v1/proposals", TestHttp.get(weft.base() + "/api/v1/proposals?status=all&size=100",
                    "application/json").body());
            for (String tag : localHashtags(weft, deliveries)) {
                seen.put(tag, TestHttp.get(tag, "text/html").body());
            }

            for (Map.Entry<String, String> page : seen.entrySet()) {
                String body = page.getValue();
                assertFalse(body.contains("nadia"), page.getKey() + ": " + body);
                assertFalse(body.contains(NAME), page.getKey() + ": " + body);
                assertFalse(body.contains("123456") || body.contains("654321"), page.getKey() + ": " + body);
            }
            assertTrue(seen.values().stream().anyMatch(b -> b.contains("Need a wheelchair")), "the anonymous request went out");
            assertTrue(seen.values().stream().anyMatch(b -> b.contains("Need baby formula")), "so did the community-only one");
            for (String listing : List.of("/board/block3", "/api/v1/proposals")) {
                assertTrue(seen.get(listing).contains("Need crutches"), listing + " lists the open anonymous request");
            }
            assertTrue(seen.keySet().stream().anyMatch(k -> k.contains("/tags/")), "tag pages were read: " + seen.keySet());

            // Her own profile and outbox do name her: they must not lead to any of these requests.
            String nadia = weft.base() + "/users/nadia";
            for (String own : List.of(TestHttp.get(nadia, "text/html").body(),
                    TestHttp.get(nadia, "application/activity+json").body(),
                    TestHttp.get(nadia + "/outbox?page=1", "application/activity+json").body())) {
                for (ProposalEntity p : List.of(anonymous, communityOnly, stillOpen, another)) {
                    assertFalse(own.contains(p.getTitle()) || own.contains(p.getUri()), own);
                }
            }

            // Community-only: no public page or document, even while it exists.
            assertEquals(404, TestHttp.get(another.getUri(), "application/activity+json").statusCode());
            assertEquals(404, TestHttp.get(another.getUri(), "text/html").statusCode());
        }
    }

    /** The tag pages of this instance that the delivered Notes link to (a category's hashtag, #MutualAidRequest). */
    private static Set<String> localHashtags(TestServers.Instance weft, List<LoggedRequest> deliveries) {
        Set<String> tags = new LinkedHashSet<>();
        for (LoggedRequest r : deliveries) {
            JsonNode object = TestHttp.json(r.getBodyAsString()).path("object");
            for (JsonNode tag : object.path("tag")) {
                String href = tag.path("href").asText("");
                if ("Hashtag".equals(tag.path("type").asText()) && href.startsWith(weft.base() + "/tags/")) {
                    tags.add(href);
                }
            }
        }
        return tags;
    }

    private static ProposalEntity post(TestServers.Instance weft, Audience audience, String title) {
        return weft.server().proposals().service().create("nadia", ProposalDraft.builder().community("block3")
                .purpose(Purpose.REQUEST).title(title).description("Thank you.").categories("mobility-aids")
                .coordinates(LAT, LON).audience(audience).build());
    }
}
