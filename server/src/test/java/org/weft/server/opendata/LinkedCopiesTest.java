package org.weft.server.opendata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;

import org.junit.jupiter.api.Test;
import org.weft.server.domain.proposal.ProposalDraft;
import org.weft.server.model.Audience;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;
import org.weft.server.ui.PageClient;

/**
 * Two instances: A's community links to B's, so A's board shows B's public offer beside A's own. A's open data, feed
 * and printed board still list only what was posted on A (B's members published to B, not to A's data), checked once
 * A's board does show B's copy; B's own open data lists it.
 */
class LinkedCopiesTest {
    private static final String PASSWORD = "a long enough password";

    @Test
    void copiesHeldFromALinkedCommunityAreNotInThisInstancesOpenData() throws Exception {
        try (TestServers.Instance b = TestServers.start(); TestServers.Instance a = TestServers.start()) {
            a.server().localActors().createGroup("block3", "Block 3", null);
            a.server().localActors().createMember("amina", "Amina", PASSWORD, false);
            b.server().localActors().createGroup("town", "Town", null);
            b.server().localActors().createMember("bruno", "Bruno", PASSWORD, false);
            a.server().matching().links().link("block3", "@town@" + b.domain());
            WaitFor.condition("town accepts the link", () -> a.server().matching().links().links("block3").stream()
                    .anyMatch(l -> l.actorUri().endsWith("/groups/town") && l.accepted()));

            offer(a, "amina", "block3", "Soup from Block 3");
            ProposalEntity pram = offer(b, "bruno", "town", "A pram from the town");
            WaitFor.condition("A keeps B's offer and shows it on its board",
                    () -> new PageClient(a.base()).get("/board/block3").body().contains("A pram from the town"));

            for (String path : new String[] {"/board/block3/proposals.csv", "/board/block3/proposals.json",
                    "/board/block3/feed.atom", "/board/block3/print"}) {
                String body = get(a, path);
                assertTrue(body.contains("Soup from Block 3"), path + ": " + body);
                assertFalse(body.contains("A pram from the town"), path + " holds no copy from B: " + body);
            }
            String atB = get(b, "/board/town/proposals.csv");
            assertTrue(atB.contains("A pram from the town") && atB.contains(pram.getUri()), atB);
            assertEquals(404, TestHttp.send(HttpRequest.newBuilder(URI.create(a.base() + "/board/town/feed.atom"))
                    .GET().build()).statusCode(), "B's community is not A's to publish");
        }
    }

    private static String get(TestServers.Instance i, String path) {
        return TestHttp.send(HttpRequest.newBuilder(URI.create(i.base() + path)).GET().build()).body();
    }

    private static ProposalEntity offer(TestServers.Instance i, String member, String group, String title) {
        return i.server().proposals().service().create(member, ProposalDraft.builder().community(group)
                .purpose(Purpose.OFFER).language("en").title(title).description(title).categories("prams")
                .audience(Audience.PUBLIC).build());
    }
}
