package org.weft.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.weft.server.api.ApiClient.expect;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.weft.server.api.ApiClient;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.testing.MastodonPeer;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;

/**
 * Alma, on Mastodon, floods Bea: answers to two of her offers, and more words under one of them (messages in its
 * conversation). Once Alma is blocked, by the community's moderator (her account, or her whole server) or by Bea
 * herself, what she sent stops being in front of Bea: its notifications are read (still there, nothing deleted), and
 * her answers still waiting are on neither the offers' pages nor the API's lists, with their messages and without an
 * Accept, nor counted in the API's count of responses, nor in the offers' public {@code replies} collections. Zaid's answer, a member's, stays as it was. Lifting the block brings Alma's answers back.
 */
class BlockedFloodTest {
    private static final String PASSWORD = "a long enough password";

    @Test
    void theCommunitysBlockTakesTheFloodAwayFromTheMember() throws IOException {
        try (TestServers.Instance weft = TestServers.start(); MastodonPeer alma = new MastodonPeer(weft.base())) {
            Flood flood = Flood.start(weft, alma);
            weft.server().localActors().createMember("mona", "Mona", PASSWORD, false);
            weft.server().moderators().add("block3", "mona", Optional.empty());
            weft.server().safety().accounts().blockForCommunity("block3", alma.actor(), Optional.of(memberId(weft, "mona")),
                    "Floods our members");

            flood.assertOutOfSight();
            weft.server().safety().accounts().unblockForCommunity("block3", alma.actor(), Optional.empty());
            flood.assertBack();
        }
    }

    @Test
    void theCommunityRefusingHerServerTakesTheFloodAwayFromTheMember() throws IOException {
        try (TestServers.Instance weft = TestServers.start(); MastodonPeer alma = new MastodonPeer(weft.base())) {
            Flood flood = Flood.start(weft, alma);
            weft.server().localActors().createMember("mona", "Mona", PASSWORD, false);
            weft.server().moderators().add("block3", "mona", Optional.empty());
            String server = weft.server().db().inTransaction(s -> ActorRepository.byUri(s, alma.actor()).orElseThrow()
                    .getDomain());
            weft.server().safety().servers().block(memberId(weft, "mona"), "block3", server, "A server of floods");

            flood.assertOutOfSight();
            weft.server().safety().servers().unblock(memberId(weft, "mona"), "block3", server);
            flood.assertBack();
        }
    }

    @Test
    void aMembersOwnBlockTakesTheFloodAwayFromHer() throws IOException {
        try (TestServers.Instance weft = TestServers.start(); MastodonPeer alma = new MastodonPeer(weft.base())) {
            Flood flood = Flood.start(weft, alma);
            weft.server().safety().accounts().blockForMember(memberId(weft, "bea"), alma.actor());

            flood.assertOutOfSight();
            weft.server().safety().accounts().unblockForMember(memberId(weft, "bea"), alma.actor());
            flood.assertBack();
        }
    }

    /** Bea's two offers, Alma's answers to both with three more words under the first, and Zaid's answer to the first. */
    private record Flood(TestServers.Instance weft, ApiClient bea, List<Long> offers, List<String> pages, long zaids,
                         int notifications) {
        static Flood start(TestServers.Instance weft, MastodonPeer alma) {
            weft.server().localActors().createGroup("block3", "Block 3", null);
            ApiClient bea = ApiClient.newMember(weft, "bea", "Bea");
            List<Long> offers = new ArrayList<>();
            List<String> pages = new ArrayList<>();
            URI inbox = URI.create(weft.base() + "/inbox");
            for (String title : List.of("A pram to lend", "A kettle")) {
                JsonNode offer = expect(201, bea.post("/proposals", """
                        {"community": "block3", "purpose": "offer", "title": "%s", "categories": ["prams"],
                         "kind": "loan"}""".formatted(title)));
                offers.add(offer.path("id").asLong());
                pages.add(URI.create(offer.path("uri").asText()).getPath());
                String reply = alma.fixture("mastodon/create-note-reply.json")
                        .replace(weft.base() + "/proposals/7f3c9a", offer.path("uri").asText())
                        .replace("116205830011223344", "1162058300112200" + offers.size());
                assertEquals(202, alma.deliver(inbox, reply).statusCode());
            }
            long pram = offers.get(0);
            // Her answers are kept before her further words come: a reply that overtook her answer would be taken
            // for the answer itself.
            long almas = WaitFor.value("alma's answers reach bea", () -> {
                JsonNode items = expect(200, bea.get("/proposals/" + pram + "/responses")).path("items");
                return items.isEmpty() || expect(200, bea.get("/proposals/" + offers.get(1) + "/responses"))
                        .path("items").isEmpty() ? null : items.get(0).path("id").asLong();
            });
            for (int i = 1; i <= 3; i++) {
                String more = alma.fixture("mastodon/create-note-reply.json")
                        .replace(weft.base() + "/proposals/7f3c9a", weft.base() + pages.get(0))
                        .replace("116205830011223344", "1162058300112210" + i).replace("Thursday slot", "flood " + i);
                assertEquals(202, alma.deliver(inbox, more).statusCode());
            }
            WaitFor.condition("her three messages are in the conversation", () -> expect(200,
                    bea.get("/responses/" + almas + "/messages")).toString().contains("flood 3"));
            weft.server().localActors().createMember("zaid", "Zaid", PASSWORD, false);
            long zaids = weft.server().proposals().responses().respond("zaid", pram, "I could use it on Friday").getId();
            int notifications = expect(200, bea.get("/me/notifications?size=50")).path("total").asInt();
            assertTrue(unread(bea).size() > 1, "alma's answers and messages are news to bea");
            return new Flood(weft, bea, offers, pages, zaids, notifications);
        }

        void assertOutOfSight() {
            List<JsonNode> unread = unread(bea);
            assertEquals(1, unread.size(), "zaid's answer alone is news: " + unread);
            assertEquals(zaids, unread.get(0).path("responseId").asLong(), unread.toString());
            assertEquals(notifications, expect(200, bea.get("/me/notifications?size=50")).path("total").asInt(),
                    "read, not deleted");

            JsonNode onPram = expect(200, bea.get("/proposals/" + offers.get(0) + "/responses")).path("items");
            assertEquals(1, onPram.size(), "zaid's answer alone: " + onPram);
            assertEquals(zaids, onPram.get(0).path("id").asLong());
            assertEquals(0, expect(200, bea.get("/proposals/" + offers.get(1) + "/responses")).path("items").size());
            assertEquals(List.of(1, 0), responsesCounts(), "the counts agree with the lists");
            assertEquals(List.of(0, 0), publicReplies(weft), "nor handed to other servers under her offers");

            PageClient page = new PageClient(weft.base());
            page.login("bea", PASSWORD);
            String pram = page.get(pages.get(0)).body();
            assertTrue(pram.contains("I could use it on Friday") && pram.contains("/responses/" + zaids + "/accept"),
                    "zaid's answer, with its Accept: " + pram);
            assertFalse(pram.contains("Thursday slot") || pram.contains("flood 1"), "nothing of alma's: " + pram);
            assertEquals(1, pram.split("/accept\"", -1).length - 1, "one Accept, zaid's: " + pram);
            String kettle = page.get(pages.get(1)).body();
            assertFalse(kettle.contains("Thursday slot") || kettle.contains("/accept\""), kettle);
            assertFalse(new PageClient(weft.base()).get(pages.get(1)).body().contains("Thursday slot"),
                    "nor does a visitor read it");
        }

        void assertBack() {
            assertEquals(2, expect(200, bea.get("/proposals/" + offers.get(0) + "/responses")).path("items").size(),
                    "nothing was lost");
            assertEquals(1, expect(200, bea.get("/proposals/" + offers.get(1) + "/responses")).path("items").size());
            assertEquals(List.of(2, 1), responsesCounts());
            assertEquals(List.of(1, 1), publicReplies(weft));
        }

        /** How many public replies each offer's {@code replies} collection counts, and how many its first page lists. */
        private List<Integer> publicReplies(TestServers.Instance weft) {
            List<Integer> counts = new ArrayList<>();
            for (String page : pages) {
                String replies = weft.base() + page + "/replies";
                int total = TestHttp.activityJson(replies).path("totalItems").asInt();
                assertEquals(total, TestHttp.activityJson(replies + "?page=1").path("orderedItems").size(), replies);
                counts.add(total);
            }
            return counts;
        }

        /**
         * How many responses the API says each offer has, in the author's view: of one proposal, and in the community's
         * listing (both must agree).
         */
        private List<Integer> responsesCounts() {
            List<Integer> counts = new ArrayList<>();
            JsonNode listing = expect(200, bea.get("/proposals?community=block3")).path("items");
            for (long offer : offers) {
                int one = expect(200, bea.get("/proposals/" + offer)).path("responsesCount").asInt();
                for (JsonNode item : listing) {
                    if (item.path("id").asLong() == offer) {
                        assertEquals(one, item.path("responsesCount").asInt(), "listed as on its own: " + item);
                    }
                }
                counts.add(one);
            }
            return counts;
        }

        private static List<JsonNode> unread(ApiClient member) {
            List<JsonNode> items = new ArrayList<>();
            expect(200, member.get("/me/notifications?unread=true&size=50")).path("items").forEach(items::add);
            return items;
        }
    }

    private static long memberId(TestServers.Instance weft, String username) {
        return weft.server().db().inTransaction(s -> ActorRepository.localByUsername(s, username).orElseThrow().getId());
    }
}
