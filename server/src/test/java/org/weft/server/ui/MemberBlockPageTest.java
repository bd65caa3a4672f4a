package org.weft.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.weft.server.api.ApiClient.expect;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.weft.server.api.ApiClient;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.testing.MastodonPeer;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;
import org.weft.web.i18n.Messages;

/**
 * A member blocks, from her offer's page, the Mastodon account that answered: the button asks first (nothing is
 * blocked by asking), the confirmation blocks once (the repeated form changes nothing), and then what that account
 * sends does not reach her: its next answer to her offer is not among her responses. An answer from a member of this
 * server has no such button (its moderators handle it: it can be reported).
 */
class MemberBlockPageTest {
    private static final String PASSWORD = "a long enough password";

    @Test
    void aMemberBlocksTheAccountThatAnsweredHer() {
        try (TestServers.Instance weft = TestServers.start(); MastodonPeer rosa = new MastodonPeer(weft.base())) {
            weft.server().localActors().createGroup("block5", "Block 5", null);
            ApiClient api = ApiClient.newMember(weft, "amina", "Amina");
            JsonNode offer = expect(201, api.post("/proposals", """
                    {"community": "block5", "purpose": "offer", "title": "A pram to lend", "categories": ["prams"],
                     "kind": "loan"}"""));
            String responses = "/proposals/" + offer.path("id").asLong() + "/responses";
            URI inbox = URI.create(weft.base() + "/inbox");
            String reply = rosa.fixture("mastodon/create-note-reply.json")
                    .replace(weft.base() + "/proposals/7f3c9a", offer.path("uri").asText());
            assertEquals(202, rosa.deliver(inbox, reply).statusCode());
            long responseId = WaitFor.value("rosa's reply", () -> {
                JsonNode items = expect(200, api.get(responses)).path("items");
                return items.isEmpty() ? null : items.get(0).path("id").asLong();
            });
            String page = URI.create(offer.path("uri").asText()).getPath();
            long aminaId = weft.server().db().inTransaction(s -> ActorRepository.localByUsername(s, "amina").orElseThrow()
                    .getId());

            PageClient amina = new PageClient(weft.base());
            amina.login("amina", PASSWORD);
            HttpResponse<String> asked = amina.submit(page, "/block", Map.of("response", String.valueOf(responseId)));
            assertEquals(200, asked.statusCode(), asked.body());
            assertTrue(asked.body().contains("Block this account?") && asked.body().contains(rosa.actor()), asked.body());
            assertTrue(weft.server().safety().accounts().blockedBy(aminaId).isEmpty(), "asking blocks nothing");

            Map<String, String> confirmation = PageClient.hiddenFields(asked.body(), "/block");
            HttpResponse<String> blocked = amina.post("/block", confirmation);
            assertEquals(303, blocked.statusCode(), blocked.body());
            assertEquals("/block/done", blocked.headers().firstValue("Location").orElseThrow());
            assertTrue(amina.get("/block/done").body().contains("Nothing from this account will reach you any more."));
            assertEquals(303, amina.post("/block", confirmation).statusCode(), "the repeated form is sent on");
            assertEquals(1, weft.server().safety().accounts().blockedBy(aminaId).size(), "one block");

            // rosa answers again: it does not reach amina.
            String second = reply.replace("116205830011223344", "116205830011229999").replace("Thursday slot", "Friday slot");
            assertEquals(202, rosa.deliver(inbox, second).statusCode());
            WaitFor.inboundDone(weft, TestHttp.json(second).path("id").asText());
            assertEquals(0, expect(200, api.get(responses)).path("items").size(),
                    "the second answer does not reach her, and the first waits out of sight while she blocks rosa");
            assertEquals(1L, (long) weft.server().db().inTransaction(s -> s.createSelectionQuery(
                    "select count(*) from ResponseEntity", Long.class).getSingleResult()), "the second was not kept");

            // A local member's answer has no block button, and the form refuses it (404, nothing stored).
            weft.server().localActors().createMember("zaid", "Zaid", PASSWORD, false);
            long zaidResponse = weft.server().proposals().responses().respond("zaid", offer.path("id").asLong(),
                    "I could use it on Friday").getId();
            String withZaid = amina.get(page).body();
            assertTrue(withZaid.contains("name=\"response\" value=\"" + zaidResponse + "\""), "zaid's answer can be reported");
            assertEquals(0, withZaid.split("action=\"/block\"", -1).length - 1,
                    "none under zaid's (rosa's answer is out of sight while she is blocked)");
            assertEquals(404, amina.submit(page, "/block", Map.of("response", String.valueOf(zaidResponse), "confirm", "yes"))
                    .statusCode());
            assertEquals(1, weft.server().safety().accounts().blockedBy(aminaId).size(), "nothing more blocked");

            // Later she finds rosa on her blocks page (in Arabic here) and unblocks her: what rosa sends from then on
            // reaches amina again; what rosa sent while blocked stays unseen.
            amina.language("ar");
            Messages ar = Messages.forLanguage("ar");
            String list = amina.get("/account/blocks").body();
            assertTrue(list.contains(ar.get("blocks.title")) && list.contains(rosa.actor()), list);
            assertTrue(amina.get("/account").body().contains("href=\"/account/blocks\""), "linked from the account page");
            HttpResponse<String> unblocked = amina.submit("/account/blocks", "/account/blocks/remove",
                    Map.of("account", rosa.actor()));
            assertEquals(303, unblocked.statusCode(), unblocked.body());
            String after = amina.get(unblocked.headers().firstValue("Location").orElseThrow()).body();
            assertTrue(after.contains(ar.get("blocks.unblocked")) && after.contains(ar.get("blocks.empty")), after);
            assertTrue(weft.server().safety().accounts().blockedBy(aminaId).isEmpty(), "the block is gone");
            assertEquals(404, amina.submit("/account/blocks", "/account/blocks/remove", Map.of("account", rosa.actor()))
                    .statusCode(), "nothing left to unblock");

            String third = reply.replace("116205830011223344", "116205830011227777").replace("Thursday slot", "Saturday slot");
            assertEquals(202, rosa.deliver(inbox, third).statusCode());
            WaitFor.inboundDone(weft, TestHttp.json(third).path("id").asText());
            // Her first answer is still open, so what she adds is said in its conversation (one answer from her).
            String seen = expect(200, api.get(responses)).path("items").toString();
            assertEquals(2, expect(200, api.get(responses)).path("items").size(), "rosa's answer and zaid's: " + seen);
            String added = expect(200, api.get("/responses/" + responseId + "/messages")).toString();
            assertTrue(added.contains("Saturday slot"), "the reply after the unblock: " + added);
            assertFalse(seen.contains("Friday slot") || added.contains("Friday slot"),
                    "the reply sent while blocked was dropped, and stays so");
        }
    }

    /**
     * The block form names the account that answered, so it is for the member answered alone. Oksana, a bystander,
     * probing with the id of the answer to Farid's anonymous request gets the 404 of an id that does not exist, in her
     * language, and nothing is blocked even confirmed; under a public answer she can read, she is offered no block
     * either, and the form refuses her the same way. Farid, whom the account answered, is asked as before.
     */
    @Test
    void onlyTheMemberAnsweredMayBlockFromAResponse() {
        try (TestServers.Instance weft = TestServers.start(); MastodonPeer rosa = new MastodonPeer(weft.base())) {
            weft.server().localActors().createGroup("block3", "Block 3", null);
            ApiClient farid = ApiClient.newMember(weft, "farid", "Farid");
            ApiClient amina = ApiClient.newMember(weft, "amina", "Amina");
            ApiClient.newMember(weft, "oksana", "Oksana");
            JsonNode request = expect(201, farid.post("/proposals", """
                    {"community": "block3", "purpose": "request", "audience": "anonymous", "title": "A ride to the clinic",
                     "categories": ["kitchenware"], "kind": "gift"}"""));
            JsonNode offer = expect(201, amina.post("/proposals", """
                    {"community": "block3", "purpose": "offer", "title": "A pram to lend", "categories": ["prams"],
                     "kind": "loan"}"""));
            URI inbox = URI.create(weft.base() + "/inbox");
            String toFarid = rosa.fixture("mastodon/create-note-reply.json")
                    .replace(weft.base() + "/proposals/7f3c9a", request.path("uri").asText())
                    .replace(weft.base() + "/users/amina", weft.base() + "/groups/block3");
            assertEquals(202, rosa.deliver(inbox, toFarid).statusCode());
            long secret = firstResponse(farid, "/proposals/" + request.path("id").asLong() + "/responses");
            String toAmina = rosa.fixture("mastodon/create-note-reply.json")
                    .replace("116205830011223344", "116205830011225555")
                    .replace(weft.base() + "/proposals/7f3c9a", offer.path("uri").asText());
            assertEquals(202, rosa.deliver(inbox, toAmina).statusCode());
            long open = firstResponse(amina, "/proposals/" + offer.path("id").asLong() + "/responses");
            long oksanaId = memberId(weft, "oksana");

            PageClient oksana = new PageClient(weft.base());
            oksana.login("oksana", PASSWORD);
            oksana.language("uk");
            String notFound = Messages.forLanguage("uk").get("error.notFound");
            String requestPage = URI.create(request.path("uri").asText()).getPath();
            String offerPage = URI.create(offer.path("uri").asText()).getPath();
            for (Map<String, String> probe : List.of(Map.of("response", String.valueOf(secret)),
                    Map.of("response", String.valueOf(secret), "confirm", "yes"),
                    Map.of("response", String.valueOf(open)), Map.of("response", String.valueOf(open), "confirm", "yes"),
                    Map.of("response", "999999"))) {
                HttpResponse<String> probed = oksana.submit(requestPage, "/block", probe);
                assertEquals(404, probed.statusCode(), probe + ": " + probed.body());
                assertTrue(probed.body().contains(notFound), "the not-found page, in Ukrainian: " + probed.body());
                assertFalse(probed.body().contains(rosa.actor()) || probed.body().contains("Rosa"),
                        "nobody is named: " + probed.body());
            }
            assertTrue(weft.server().safety().accounts().blockedBy(oksanaId).isEmpty(), "nothing blocked for oksana");
            String seen = oksana.get(offerPage).body();
            assertTrue(seen.contains("Thursday slot"), "she reads rosa's public answer: " + seen);
            assertFalse(seen.contains("action=\"/block\""), "and is offered no block under it");

            PageClient faridPages = new PageClient(weft.base());
            faridPages.login("farid", PASSWORD);
            HttpResponse<String> asked = faridPages.submit(requestPage, "/block", Map.of("response", String.valueOf(secret)));
            assertEquals(200, asked.statusCode(), asked.body());
            assertTrue(asked.body().contains("Block this account?") && asked.body().contains(rosa.actor()), asked.body());
        }
    }

    private static long firstResponse(ApiClient author, String responses) {
        return WaitFor.value("rosa's answer", () -> {
            JsonNode items = expect(200, author.get(responses)).path("items");
            return items.isEmpty() ? null : items.get(0).path("id").asLong();
        });
    }

    private static long memberId(TestServers.Instance weft, String username) {
        return weft.server().db().inTransaction(s -> ActorRepository.localByUsername(s, username).orElseThrow().getId());
    }

    @Test
    void anotherMemberCannotLiftHerBlock() throws IOException {
        try (TestServers.Instance weft = TestServers.start(); MastodonPeer rosa = new MastodonPeer(weft.base())) {
            weft.server().localActors().createMember("amina", "Amina", PASSWORD, false);
            weft.server().localActors().createMember("zaid", "Zaid", PASSWORD, false);
            long aminaId = weft.server().db().inTransaction(s -> ActorRepository.localByUsername(s, "amina").orElseThrow()
                    .getId());
            weft.server().safety().accounts().blockForMember(aminaId, rosa.actor());
            PageClient zaid = new PageClient(weft.base());
            zaid.login("zaid", PASSWORD);
            assertTrue(zaid.get("/account/blocks").body().contains("You have not blocked any account."), "his own list");
            assertEquals(404, zaid.submit("/account/blocks", "/account/blocks/remove", Map.of("account", rosa.actor()))
                    .statusCode());
            assertEquals(1, weft.server().safety().accounts().blockedBy(aminaId).size(), "amina's block stays");
            assertEquals(303, new PageClient(weft.base()).get("/account/blocks").statusCode(), "visitors are sent to log in");
        }
    }
}
