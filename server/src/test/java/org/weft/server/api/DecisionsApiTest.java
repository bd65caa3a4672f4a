package org.weft.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.weft.activitypub.jsonld.PlainJson;
import org.weft.server.domain.actor.ActorRenderer;
import org.weft.server.domain.actor.ActorUpdates;
import org.weft.server.domain.actor.CommunityTexts;
import org.weft.server.testing.TestClock;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;

/**
 * Decisions through the API, as members and moderators make them: a rules change applies only with the community's
 * majority, for each of the three (a tie under simple majority, exactly two thirds, one objection under consent),
 * decided when a moderator closes the poll early (which the log records, with the outcome); what is refused stores
 * nothing; the operator editing the rules while a vote is open makes it void. Counts only, never who voted.
 */
class DecisionsApiTest {
    private static final String FIRST_RULES = "Be kind. Share what you can.";
    /** The fixed options' positions: for, against, and under consent an objection. */
    private static final int FOR = 0;
    private static final int AGAINST = 1;
    private static final int OBJECT = 2;

    @Test
    void eachMajorityAppliesTheRulesOnlyWhenItIsReached() {
        TestClock clock = new TestClock(Instant.parse("2026-11-20T09:00:00Z"));
        try (TestServers.Instance weft = TestServers.start(Map.of(), clock)) {
            weft.server().localActors().createGroup("block3", "Block 3", null);
            ApiClient amina = ApiClient.newMember(weft, "amina", "Amina");
            ApiClient dina = ApiClient.newMember(weft, "dina", "Dina");
            ApiClient omar = ApiClient.newMember(weft, "omar", "Omar");
            ApiClient lina = ApiClient.newMember(weft, "lina", "Lina");
            weft.server().moderators().add("block3", "amina", Optional.empty());
            operatorRules(weft, clock, "block3", FIRST_RULES);
            ApiClient visitor = ApiClient.anonymous(weft);
            assertEquals("simple", ApiClient.expect(200, visitor.get("/groups/block3/decisions")).path("majority").asText());

            // Simple majority: a tie is not adopted; two for, one against is.
            String tie = open(amina, "Rules 2: meet on Fridays.", clock);
            JsonNode poll = ApiClient.expect(200, dina.get(path(tie)));
            assertEquals(List.of("For", "Against"), names(poll), "fixed options, from the message files");
            assertFalse(poll.path("multiple").asBoolean());
            vote(dina, tie, FOR);
            vote(omar, tie, AGAINST);
            closeEarly(amina, tie, "Meeting decided to count now");
            assertEquals(FIRST_RULES, rules(weft), "a tie changes nothing");
            decide(amina, clock, "Rules 2: meet on Fridays.", Map.of(dina, FOR, omar, FOR, lina, AGAINST));
            assertEquals("Rules 2: meet on Fridays.", rules(weft));

            // Only a moderator sets the majority; the change is logged.
            assertEquals("forbidden", ApiClient.expect(403, put(dina, "two_thirds")).path("error").asText());
            assertEquals("field_choice", ApiClient.expect(400, put(amina, "most")).path("error").asText());
            ApiClient.expect(204, put(amina, "two_thirds"));
            JsonNode set = log(weft).path("items").path(0);
            assertEquals("decision_majority_set", set.path("kind").asText());
            assertEquals("two_thirds", set.path("target").asText());

            // Two thirds: exactly two thirds is enough; one for, one against is not.
            decide(amina, clock, "Rules 3: meet on Sundays.", Map.of(dina, FOR, omar, FOR, lina, AGAINST));
            assertEquals("Rules 3: meet on Sundays.", rules(weft), "2 of 3 is two thirds");
            decide(amina, clock, "Rules 4: no meetings.", Map.of(dina, FOR, omar, AGAINST));
            assertEquals("Rules 3: meet on Sundays.", rules(weft), "1 of 2 is not two thirds");

            // Consent: one objection blocks; "against" alone does not.
            ApiClient.expect(204, put(amina, "consent"));
            String objected = open(amina, "Rules 5: meet when needed.", clock);
            assertEquals(List.of("For", "Against", "I object"), names(ApiClient.expect(200, dina.get(path(objected)))));
            voteAndClose(amina, objected, Map.of(dina, FOR, omar, FOR, lina, OBJECT));
            assertEquals("Rules 3: meet on Sundays.", rules(weft), "one objection blocks");
            decide(amina, clock, "Rules 5: meet when needed.", Map.of(dina, FOR, omar, AGAINST));
            assertEquals("Rules 5: meet when needed.", rules(weft), "against without objecting does not block");

            // What anyone sees: every decision, newest first, with its majority and counts, and nobody's vote.
            JsonNode list = ApiClient.expect(200, visitor.get("/groups/block3/decisions"));
            assertEquals("consent", list.path("majority").asText());
            List<String> outcomes = new ArrayList<>();
            list.path("decisions").forEach(d -> outcomes.add(d.path("majority").asText() + ":" + d.path("outcome").asText()));
            assertEquals(List.of("consent:adopted", "consent:rejected", "two_thirds:rejected", "two_thirds:adopted",
                    "simple:adopted", "simple:rejected"), outcomes);
            JsonNode objection = list.path("decisions").path(1);
            assertEquals("Rules 5: meet when needed.", objection.path("proposedRules").asText());
            assertEquals(objected, objection.path("poll").asText());
            assertEquals(2, objection.path("counts").path("for").asInt());
            assertEquals(0, objection.path("counts").path("against").asInt());
            assertEquals(1, objection.path("counts").path("objections").asInt());
            assertEquals(3, objection.path("counts").path("voters").asInt());
            assertTrue(objection.path("closedEarly").asBoolean());
            JsonNode tieRow = list.path("decisions").path(5);
            assertEquals(1, tieRow.path("counts").path("for").asInt());
            assertEquals(1, tieRow.path("counts").path("against").asInt());
            String body = visitor.get("/groups/block3/decisions").body();
            for (String who : List.of("dina", "omar", "lina", "Dina", "Omar", "Lina")) {
                assertFalse(body.contains(who), "who voted is never shown: " + who);
            }

            // The log: each early close, then the outcome it decided, in the same moment.
            List<String> kinds = new ArrayList<>();
            log(weft).path("items").forEach(i -> kinds.add(i.path("kind").asText()));
            assertEquals(6, kinds.stream().filter("poll_closed"::equals).count());
            assertEquals(3, kinds.stream().filter("decision_adopted"::equals).count());
            assertEquals(3, kinds.stream().filter("decision_rejected"::equals).count());
            JsonNode tieLog = log(weft).path("items");
            boolean found = false;
            for (JsonNode item : tieLog) {
                if (item.path("target").asText().equals(tie) && item.path("kind").asText().equals("poll_closed")) {
                    assertEquals("Meeting decided to count now", item.path("reason").asText());
                    found = true;
                }
            }
            assertTrue(found, "the early close of the tie is in the log with its reason");
        }
    }

    @Test
    void aRefusedProposalStoresNothing() {
        TestClock clock = new TestClock(Instant.parse("2026-11-20T09:00:00Z"));
        try (TestServers.Instance weft = TestServers.start(Map.of(), clock)) {
            weft.server().localActors().createGroup("block3", "Block 3", null);
            ApiClient amina = ApiClient.newMember(weft, "amina", "Amina");
            ApiClient dina = ApiClient.newMember(weft, "dina", "Dina");
            weft.server().moderators().add("block3", "amina", Optional.empty());
            operatorRules(weft, clock, "block3", FIRST_RULES);
            String end = clock.instant().plus(Duration.ofDays(3)).toString();
            Map<String, String> bad = Map.of(
                    body("   ", end), "decision_rules_missing",
                    body(" " + FIRST_RULES + "\n", end), "decision_rules_unchanged",
                    body("x".repeat(4001), end), "text_too_long",
                    body("Rules 2", clock.instant().plusSeconds(60).toString()), "poll_end_out_of_range");
            for (Map.Entry<String, String> e : bad.entrySet()) {
                assertEquals(e.getValue(), ApiClient.expect(400, amina.post("/groups/block3/decisions", e.getKey()))
                        .path("error").asText());
            }
            assertEquals("forbidden", ApiClient.expect(403, dina.post("/groups/block3/decisions", body("Rules 2", end)))
                    .path("error").asText(), "dina may not open polls here");
            assertEquals(404, amina.post("/groups/nowhere/decisions", body("Rules 2", end)).statusCode());
            assertEquals(0, ApiClient.expect(200, ApiClient.anonymous(weft).get("/groups/block3/decisions"))
                    .path("decisions").size());
            assertEquals(0, ApiClient.expect(200, amina.get("/groups/block3/polls")).path("polls").size());
            assertEquals(0, log(weft).path("items").size());
            assertEquals(FIRST_RULES, rules(weft));
        }
    }

    @Test
    void rulesEditedByTheOperatorWhileTheVoteIsOpenMakeTheDecisionVoid() {
        TestClock clock = new TestClock(Instant.parse("2026-11-20T09:00:00Z"));
        try (TestServers.Instance weft = TestServers.start(Map.of(), clock)) {
            weft.server().localActors().createGroup("block3", "Block 3", null);
            ApiClient amina = ApiClient.newMember(weft, "amina", "Amina");
            ApiClient dina = ApiClient.newMember(weft, "dina", "Dina");
            weft.server().moderators().add("block3", "amina", Optional.empty());
            operatorRules(weft, clock, "block3", FIRST_RULES);
            String poll = open(amina, "Rules 2: meet on Fridays.", clock);
            vote(dina, poll, 0);
            vote(amina, poll, 0);
            operatorRules(weft, clock, "block3", "Be kind. No cooking in the tents.");
            closeEarly(amina, poll, null);
            assertEquals("Be kind. No cooking in the tents.", rules(weft), "the operator's text stays");
            JsonNode decision = ApiClient.expect(200, ApiClient.anonymous(weft).get("/groups/block3/decisions"))
                    .path("decisions").path(0);
            assertEquals("void", decision.path("outcome").asText());
            assertEquals(2, decision.path("counts").path("for").asInt());
            assertEquals("decision_void", log(weft).path("items").path(0).path("kind").asText());
        }
    }

    /** The operator saves a community's rules, as the operator's page does. */
    static void operatorRules(TestServers.Instance weft, Clock clock, String community, String rules) {
        new CommunityTexts(weft.server().db(), new ActorUpdates(weft.server().outbox(),
                new ActorRenderer(weft.server().urls())), clock).save(community, "", rules);
    }

    static String rules(TestServers.Instance weft) {
        long id = weft.server().db().inTransaction(s -> org.weft.server.persistence.ActorRepository.local(s,
                org.weft.server.model.ActorKind.GROUP, "block3").orElseThrow().getId());
        return new CommunityTexts(weft.server().db(), null, Clock.systemUTC()).rules(id);
    }

    static String body(String rules, String endsAt) {
        ObjectNode o = PlainJson.object();
        o.put("rules", rules).put("voters", "members").put("endsAt", endsAt);
        return o.toString();
    }

    static String open(ApiClient who, String rules, TestClock clock) {
        return ApiClient.expect(201, who.post("/groups/block3/decisions",
                body(rules, clock.instant().plus(Duration.ofDays(3)).toString()))).path("uri").asText();
    }

    /** A decision from its opening to a moderator's early close, with each voter's choice: the count decides it. */
    private static void decide(ApiClient moderator, TestClock clock, String rules, Map<ApiClient, Integer> choices) {
        voteAndClose(moderator, open(moderator, rules, clock), choices);
    }

    private static void voteAndClose(ApiClient moderator, String pollUri, Map<ApiClient, Integer> choices) {
        choices.forEach((who, position) -> vote(who, pollUri, position));
        closeEarly(moderator, pollUri, null);
    }

    static void vote(ApiClient who, String pollUri, int position) {
        ApiClient.expect(200, who.post(path(pollUri) + "/votes", "{\"choices\":[" + position + "]}"));
    }

    static void closeEarly(ApiClient moderator, String pollUri, String reason) {
        ApiClient.expect(200, moderator.post(path(pollUri) + "/close",
                reason == null ? null : "{\"reason\":\"" + reason + "\"}"));
    }

    private static java.net.http.HttpResponse<String> put(ApiClient who, String majority) {
        return who.send("PUT", "/groups/block3/decision-majority", ApiClient.JSON,
                ("{\"majority\":\"" + majority + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    static JsonNode log(TestServers.Instance weft) {
        return TestHttp.json(TestHttp.get(weft.base() + "/moderation-log/block3?format=json", "application/json").body());
    }

    static String path(String pollUri) {
        return java.net.URI.create(pollUri).getRawPath();
    }

    private static List<String> names(JsonNode poll) {
        List<String> names = new ArrayList<>();
        poll.path("options").forEach(o -> names.add(o.path("name").asText()));
        return names;
    }
}
