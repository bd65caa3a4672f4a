package org.weft.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.weft.server.api.ApiClient;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;
import org.weft.web.i18n.Messages;

/**
 * The decisions page's forms, without JavaScript: Amina, a moderator reading Persian (right to left), sets the majority
 * to consent and proposes new rules; a proposal with no text is refused in her language and stores nothing; the poll
 * shows the proposed text and the three fixed options in Persian. Dina, a member who moderates nothing, sees neither
 * form and cannot change the majority by posting it anyway. The moderation log names each majority Amina set in the
 * reader's language (Persian, Arabic), never by the API's word.
 */
class DecisionsPageTest {
    private static final String PASSWORD = "a long enough password";

    @Test
    void aModeratorSetsTheMajorityAndProposesRulesWithTheForms() {
        try (TestServers.Instance weft = TestServers.start()) {
            weft.server().localActors().createGroup("block3", "Block 3", null);
            ApiClient.newMember(weft, "amina", "Amina");
            ApiClient.newMember(weft, "dina", "Dina");
            weft.server().moderators().add("block3", "amina", Optional.empty());
            Messages fa = Messages.forLanguage("fa");
            PageClient amina = new PageClient(weft.base()).language("fa");
            amina.login("amina", PASSWORD);

            String page = amina.get("/groups/block3/decisions").body();
            assertTrue(page.contains("dir=\"rtl\"") && page.contains(fa.get("decision.none")), page);
            assertTrue(page.contains(fa.get("decision.majorityNow", fa.get("decision.majority.simple"))), page);
            assertFalse(page.contains("<script"), "readable without JavaScript");
            Map<String, String> majority = new LinkedHashMap<>(PageClient.hiddenFields(page,
                    "/groups/block3/decisions/majority"));
            majority.put("majority", "consent");
            HttpResponse<String> set = amina.post("/groups/block3/decisions/majority", majority);
            assertEquals(303, set.statusCode(), set.body());
            String after = amina.get(set.headers().firstValue("Location").orElseThrow()).body();
            assertTrue(after.contains(fa.get("notice.decisionMajority")), after);
            assertTrue(after.contains(fa.get("decision.majorityNow", fa.get("decision.majority.consent"))), after);
            assertTrue(after.contains(fa.get("decision.consentHelp")), "consent is explained beside the form");

            // No text: refused in Persian, the form comes back, nothing is stored.
            Map<String, String> empty = new LinkedHashMap<>(PageClient.hiddenFields(after, "/groups/block3/decisions"));
            empty.put("rules", "  ");
            empty.put("voters", "members");
            empty.put("hours", "168");
            HttpResponse<String> refused = amina.post("/groups/block3/decisions", empty);
            assertEquals(400, refused.statusCode());
            assertTrue(refused.body().contains(fa.get("error.decision_rules_missing")), refused.body());
            assertTrue(refused.body().contains(fa.get("decision.none")), "nothing was stored");

            Map<String, String> propose = new LinkedHashMap<>(PageClient.hiddenFields(after, "/groups/block3/decisions"));
            propose.put("rules", "Be kind.\nThe fridge is cleaned on Fridays.");
            propose.put("voters", "members");
            propose.put("hours", "168");
            HttpResponse<String> opened = amina.post("/groups/block3/decisions", propose);
            assertEquals(303, opened.statusCode(), opened.body());
            String pollPath = URI.create(weft.base() + opened.headers().firstValue("Location").orElseThrow()).getPath();
            String poll = amina.get(pollPath).body();
            assertTrue(poll.contains(fa.get("poll.proposedRules")) && poll.contains("The fridge is cleaned on Fridays."), poll);
            assertTrue(poll.contains(fa.get("decision.option.for")) && poll.contains(fa.get("decision.option.against"))
                    && poll.contains(fa.get("decision.option.object")), poll);
            assertTrue(poll.contains("type=\"radio\""), "one choice");
            assertTrue(poll.contains("href=\"/groups/block3/decisions\""), "the poll leads to the decisions");
            String listed = amina.get("/groups/block3/decisions").body();
            assertTrue(listed.contains(pollPath) && listed.contains(fa.get("decision.majority.consent")), listed);

            // Dina sees no form, and posting one anyway changes nothing.
            PageClient dina = new PageClient(weft.base());
            dina.login("dina", PASSWORD);
            String seen = dina.get("/groups/block3/decisions").body();
            assertFalse(seen.contains("/groups/block3/decisions/majority\"") || seen.contains("name=\"rules\""), seen);
            HttpResponse<String> forbidden = dina.post("/groups/block3/decisions/majority",
                    Map.of("csrf", PageClient.csrf(seen), "majority", "simple"));
            assertEquals(403, forbidden.statusCode());
            JsonNode api = ApiClient.expect(200, ApiClient.anonymous(weft).get("/groups/block3/decisions"));
            assertEquals("consent", api.path("majority").asText());
            String log = TestHttp.get(weft.base() + "/moderation-log/block3?format=json", "application/json").body();
            assertEquals(1, TestHttp.json(log).path("items").size(), "one change of majority, logged once");
            assertEquals("consent", TestHttp.json(log).path("items").path(0).path("target").asText(), "JSON keeps the word");

            // The log names each majority in the reader's language, never by the API's word.
            Map<String, String> twoThirds = new LinkedHashMap<>(PageClient.hiddenFields(
                    amina.get("/groups/block3/decisions").body(), "/groups/block3/decisions/majority"));
            twoThirds.put("majority", "two_thirds");
            assertEquals(303, amina.post("/groups/block3/decisions/majority", twoThirds).statusCode());
            for (String language : new String[] {"fa", "ar"}) {
                Messages lang = Messages.forLanguage(language);
                String read = new PageClient(weft.base()).language(language).get("/moderation-log/block3").body();
                assertTrue(read.contains("lang=\"" + language + "\"") && read.contains(lang.get(
                        "moderationLog.kind.decisionMajoritySet")), read);
                assertTrue(read.contains(lang.get("decision.majority.consent"))
                        && read.contains(lang.get("decision.majority.two_thirds")), read);
                assertFalse(read.contains("two_thirds") || read.contains(">consent<"), read);
            }
        }
    }
}
