package org.weft.server.proposal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.testing.MastodonPeer;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;

/**
 * Anonymous requests and community-only requests: nothing that leaves the instance — no delivered
 * body, no public page or document — names the member or carries the exact coordinates.
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

            ProposalEntity anonymous = post(weft, Audience.ANONYMOUS, "Need a wheelchair for a week");
            ProposalEntity communityOnly = post(weft, Audience.COMMUNITY, "Need baby formula");
            weft.server().proposals().service().changeStatus("nadia", anonymous.getId(), ProposalStatus.FULFILLED);
            weft.server().proposals().service().delete("nadia", communityOnly.getId());

            // The Accept, then Create + Update for one and Create + Delete for the other.
            WaitFor.condition("every delivery arrived", () -> mastodon.inboxPosts().size() >= 5);
            List<String> seen = new ArrayList<>();
            mastodon.inboxPosts().forEach(r -> seen.add(r.getBodyAsString()));
            seen.add(TestHttp.get(anonymous.getUri(), "application/activity+json").body());
            seen.add(TestHttp.get(anonymous.getUri(), "text/html").body());
            seen.add(TestHttp.get(group, "text/html").body());
            seen.add(TestHttp.get(weft.base() + "/", "text/html").body());
            seen.add(TestHttp.get(group + "/outbox?page=1", "application/activity+json").body());

            for (String body : seen) {
                assertFalse(body.contains("nadia"), body);
                assertFalse(body.contains(NAME), body);
                assertFalse(body.contains("123456") || body.contains("654321"), body);
            }
            assertTrue(seen.stream().anyMatch(b -> b.contains("Need a wheelchair")), "the anonymous request itself went out");
            assertTrue(seen.stream().anyMatch(b -> b.contains("Need baby formula")), "so did the community-only one");

            // Community-only: no public page or document, even while it existed.
            ProposalEntity another = post(weft, Audience.COMMUNITY, "Need a ride to the clinic");
            assertEquals(404, TestHttp.get(another.getUri(), "application/activity+json").statusCode());
            assertEquals(404, TestHttp.get(another.getUri(), "text/html").statusCode());
        }
    }

    private static ProposalEntity post(TestServers.Instance weft, Audience audience, String title) {
        return weft.server().proposals().service().create("nadia", ProposalDraft.builder().community("block3")
                .purpose(Purpose.REQUEST).title(title).description("Thank you.").categories("mobility-aids")
                .coordinates(LAT, LON).audience(audience).build());
    }
}
