package org.weft.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.weft.server.api.ApiClient.expect;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.weft.server.api.ApiClient;
import org.weft.server.model.ActorKind;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.testing.TestServers;
import org.weft.web.i18n.Messages;

/**
 * The waiting-posts page never names the member behind anonymous requests: only posts from other servers wait for a
 * moderator there, so hana's three anonymous requests, posted at once in a community whose moderators review every
 * post, go straight to its board under the community's name, and the moderator's queue lists neither them nor hana
 * (no account entry with her address, no link to her posts, no "block this account"), in the moderator's language.
 */
class WaitingPostsAnonymousRequestsTest {
    private static final String PASSWORD = "a long enough password";

    @Test
    void threeAnonymousRequestsByOneMemberNeverNameHerInTheQueue() {
        try (TestServers.Instance weft = TestServers.start()) {
            weft.server().localActors().createGroup("block8", "Block 8", null);
            weft.server().localActors().createMember("mo", "Mo Moderator", PASSWORD, false);
            weft.server().moderators().add("block8", "mo", Optional.empty());
            weft.server().moderators().reviewFreeText("block8", true, Optional.empty());
            ApiClient hana = ApiClient.newMember(weft, "hana", "Hana Asker");
            List<String> titles = List.of("A ride to the clinic", "Nappies for a baby", "Someone to talk to");
            for (String title : titles) {
                expect(201, hana.post("/proposals", """
                        {"community": "block8", "purpose": "request", "audience": "anonymous", "title": "%s",
                         "categories": ["kitchenware"], "kind": "gift"}""".formatted(title)));
            }
            String hanaUri = weft.server().db().inTransaction(s -> ActorRepository.local(s, ActorKind.PERSON, "hana")
                    .orElseThrow().getUri());
            long hanaId = weft.server().db().inTransaction(s -> ActorRepository.local(s, ActorKind.PERSON, "hana")
                    .orElseThrow().getId());

            Messages uk = Messages.forLanguage("uk");
            PageClient mo = new PageClient(weft.base()).language("uk");
            mo.login("mo", PASSWORD);
            HttpResponse<String> queue = mo.get("/moderate/block8/posts");
            assertEquals(200, queue.statusCode(), queue.body());
            String page = queue.body();
            assertTrue(page.contains(uk.get("moderation.postsEmpty")), "nothing waits: " + page);
            assertFalse(page.contains(uk.get("moderation.accountsTitle")), "no accounts section: " + page);
            assertFalse(page.contains(hanaUri) || page.contains("/users/hana") || page.contains("Hana Asker"),
                    "hana is not named: " + page);
            assertFalse(page.contains("?account=" + hanaId) || page.contains("name=\"account\""),
                    "no link to her posts, no form to act on her account: " + page);
            for (String title : titles) {
                assertFalse(page.contains(title), "her requests do not wait: " + page);
            }
            String board = mo.get("/board/block8").body();
            for (String title : titles) {
                assertTrue(board.contains(title), "on the board at once: " + board);
            }
            assertFalse(board.contains("Hana Asker") || board.contains(hanaUri), "under the community's name: " + board);
        }
    }
}
