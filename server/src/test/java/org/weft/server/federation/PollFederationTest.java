package org.weft.server.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.weft.server.api.ApiClient;
import org.weft.server.persistence.InboundActivityEntity;
import org.weft.server.testing.IndependentRfc9421;
import org.weft.server.testing.MastodonPeer;
import org.weft.server.testing.RemoteFollows;
import org.weft.server.testing.TestClock;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;

/**
 * A community's poll seen from Mastodon: the followers' server receives the {@code Question} in the shape Mastodon
 * serves its own polls (the fixture, field by field), signed by the community, through the delivery queue; votes from
 * rosa (the fixture's {@code Create(Note{name, inReplyTo})}, signed with her key) count once; votes from a follower
 * nobody approved, in a members-only poll, or after the end are refused and change no count; the counts reach
 * followers as one coalesced {@code Update(Question)}, and the final one carries {@code closed}. Nobody's vote is named.
 */
class PollFederationTest {
    private static final String QUESTION = "Which day should the shared fridge be cleaned?";

    @Test
    void aPollReachesMastodonAsAQuestionAndItsVotesCountOnce() {
        TestClock clock = new TestClock(Instant.parse("2026-11-20T09:00:00Z"));
        try (TestServers.Instance weft = TestServers.start(Map.of(), clock);
             MastodonPeer mastodon = new MastodonPeer(weft.base())) {
            weft.server().localActors().createGroup("block3", "Block 3", null);
            ApiClient amina = ApiClient.newMember(weft, "amina", "Amina");
            ApiClient dina = ApiClient.newMember(weft, "dina", "Dina");
            weft.server().moderators().add("block3", "amina", Optional.empty());
            String group = weft.base() + "/groups/block3";
            String rosa = mastodon.rosa();
            String tom = mastodon.serveUser("tom");
            follow(weft, mastodon, rosa, group, clock);
            follow(weft, mastodon, tom, group, clock);
            weft.server().followers().approve("block3", rosa);

            // Dina moderates nothing and the community does not let members open polls: refused, nothing stored.
            JsonNode refused = ApiClient.expect(403, dina.post("/groups/block3/polls", open("followers", false, clock)));
            assertEquals("forbidden", refused.path("error").asText());
            assertEquals(0, ApiClient.expect(200, dina.get("/groups/block3/polls")).path("polls").size());
            WaitFor.deliveriesDrained(weft);
            assertTrue(sent(mastodon, "Create").isEmpty(), "nothing was sent for the refused poll");

            JsonNode poll = ApiClient.expect(201, amina.post("/groups/block3/polls", open("followers", false, clock)));
            String pollUri = poll.path("uri").asText();
            WaitFor.deliveriesDrained(weft);
            List<LoggedRequest> creates = sent(mastodon, "Create");
            assertEquals(1, creates.size(), "one Create for the one server of the followers");
            assertEquals(group + "#main-key", IndependentRfc9421.keyIdOf(creates.get(0)::getHeader),
                    "signed by the community");
            JsonNode create = TestHttp.json(creates.get(0).getBodyAsString());
            assertEquals(group, create.path("actor").asText());
            JsonNode question = create.path("object");
            JsonNode expected = TestHttp.json(mastodon.fixture("mastodon/moderation-and-polls/question.json"));
            // Field by field against Mastodon's own Question: the fields Mastodon reads to show a poll.
            assertEquals(expected.path("type"), question.path("type"));
            assertEquals(pollUri, question.path("id").asText());
            assertEquals(group, question.path("attributedTo").asText());
            assertEquals(expected.path("content"), question.path("content"));
            assertEquals(expected.path("endTime"), question.path("endTime"));
            assertEquals(expected.path("to"), question.path("to"));
            assertEquals(group + "/followers", question.path("cc").path(0).asText());
            assertTrue(create.path("@context").toString().contains("toot:votersCount"), create.path("@context").toString());
            assertEquals(0, question.path("votersCount").asInt());
            assertTrue(question.path("votersCount").isIntegralNumber());
            assertTrue(question.path("anyOf").isMissingNode(), "single choice is oneOf only");
            assertFalse(question.has("closed"));
            assertEquals(expected.path("oneOf").size(), question.path("oneOf").size());
            for (int i = 0; i < 2; i++) {
                JsonNode want = expected.path("oneOf").path(i);
                JsonNode got = question.path("oneOf").path(i);
                assertEquals(want.path("type"), got.path("type"));
                assertEquals(want.path("name"), got.path("name"));
                assertEquals(want.path("replies").path("type"), got.path("replies").path("type"));
                assertEquals(0, got.path("replies").path("totalItems").asInt());
                assertTrue(got.path("replies").path("totalItems").isIntegralNumber());
            }
            assertEquals(question.path("oneOf"), TestHttp.activityJson(pollUri).path("oneOf"),
                    "the poll's id serves the same Question to servers");

            // Rosa votes Friday: counted. Again (Sunday, as Mastodon cannot, but a server might): refused.
            String first = vote(weft, mastodon, rosa, 1, "Friday", pollUri, clock);
            assertNull(WaitFor.inboundDone(weft, first).getLastError());
            InboundActivityEntity second = WaitFor.inboundDone(weft, vote(weft, mastodon, rosa, 2, "Sunday", pollUri, clock));
            assertTrue(second.getLastError().contains("ALREADY_VOTED"), second.getLastError());
            // Tom follows but nobody approved him: refused.
            InboundActivityEntity fromTom = WaitFor.inboundDone(weft, vote(weft, mastodon, tom, 3, "Sunday", pollUri, clock));
            assertTrue(fromTom.getLastError().contains("NOT_ALLOWED"), fromTom.getLastError());
            // An option the poll does not have: refused.
            weft.server().followers().approve("block3", tom);
            InboundActivityEntity unknown = WaitFor.inboundDone(weft, vote(weft, mastodon, tom, 4, "Monday", pollUri, clock));
            assertTrue(unknown.getLastError().contains("UNKNOWN_OPTION"), unknown.getLastError());

            // Dina votes Sunday through the API; a second vote, from any client, is refused.
            JsonNode afterDina = ApiClient.expect(200, dina.post(path(pollUri) + "/votes", "{\"choices\":[1]}"));
            assertEquals(List.of(1), List.of(afterDina.path("mine").path(0).asInt()));
            assertEquals("poll_already_voted", ApiClient.expect(409, dina.post(path(pollUri) + "/votes",
                    "{\"choices\":[0]}")).path("error").asText());

            // What Amina, another member, sees: the counts, not who chose what.
            JsonNode seen = ApiClient.expect(200, amina.get(path(pollUri)));
            assertEquals(2, seen.path("votersCount").asInt());
            assertEquals(1, seen.path("options").path(0).path("votes").asInt());
            assertEquals(1, seen.path("options").path(1).path("votes").asInt());
            assertEquals(0, seen.path("mine").size());
            String body = amina.get(path(pollUri)).body();
            assertFalse(body.contains("rosa") || body.contains("dina") || body.contains("tom"), body);

            // The counts reach Mastodon as one Update for all three votes, once the coalescing wait is over.
            WaitFor.deliveriesDrained(weft);
            assertTrue(sent(mastodon, "Update").isEmpty(), "the clock has not moved: no Update is due yet");
            clock.advance(Duration.ofSeconds(4));
            JsonNode update = WaitFor.value("an Update of the counts", () -> sent(mastodon, "Update").stream()
                    .map(r -> TestHttp.json(r.getBodyAsString())).findFirst().orElse(null));
            assertEquals(2, update.path("object").path("votersCount").asInt());
            assertEquals(1, update.path("object").path("oneOf").path(0).path("replies").path("totalItems").asInt());
            assertEquals(1, update.path("object").path("oneOf").path(1).path("replies").path("totalItems").asInt());
            assertFalse(update.path("object").toString().contains(rosa), "no voter is named");
            WaitFor.deliveriesDrained(weft);
            assertEquals(1, sent(mastodon, "Update").size(), "three votes, one Update");

            // The end time passes: the poll is final, followers get it with closed, and a late vote is refused.
            clock.advance(Duration.ofDays(3));
            JsonNode closed = WaitFor.value("the final Update", () -> sent(mastodon, "Update").stream()
                    .map(r -> TestHttp.json(r.getBodyAsString())).filter(u -> u.path("object").has("closed"))
                    .findFirst().orElse(null));
            assertEquals("2026-11-23T09:00:00Z", closed.path("object").path("closed").asText());
            InboundActivityEntity late = WaitFor.inboundDone(weft, vote(weft, mastodon, tom, 5, "Friday", pollUri, clock));
            assertTrue(late.getLastError().contains("CLOSED"), late.getLastError());
            assertEquals("poll_closed", ApiClient.expect(409, amina.post(path(pollUri) + "/votes", "{\"choices\":[0]}"))
                    .path("error").asText());
            JsonNode last = ApiClient.expect(200, amina.get(path(pollUri)));
            assertEquals(2, last.path("votersCount").asInt());
            assertFalse(last.path("open").asBoolean());
            assertTrue(TestHttp.activityJson(pollUri).has("closed"));
        }
    }

    @Test
    void aMembersOnlyPollRefusesFollowersAndAModeratorClosesItEarlyInTheLog() {
        TestClock clock = new TestClock(Instant.parse("2026-11-20T09:00:00Z"));
        try (TestServers.Instance weft = TestServers.start(Map.of(), clock);
             MastodonPeer mastodon = new MastodonPeer(weft.base())) {
            weft.server().localActors().createGroup("block3", "Block 3", null);
            ApiClient amina = ApiClient.newMember(weft, "amina", "Amina");
            ApiClient dina = ApiClient.newMember(weft, "dina", "Dina");
            weft.server().moderators().add("block3", "amina", Optional.empty());
            String group = weft.base() + "/groups/block3";
            follow(weft, mastodon, mastodon.rosa(), group, clock);
            weft.server().followers().approve("block3", mastodon.rosa());

            // Amina lets members open polls; Dina opens a members-only one.
            ApiClient.expect(204, amina.send("PUT", "/groups/block3/poll-setting", ApiClient.JSON,
                    "{\"membersMayOpen\":true}".getBytes(StandardCharsets.UTF_8)));
            String pollUri = ApiClient.expect(201, dina.post("/groups/block3/polls", open("members", true, clock)))
                    .path("uri").asText();
            WaitFor.deliveriesDrained(weft);
            JsonNode question = TestHttp.json(sent(mastodon, "Create").get(0).getBodyAsString()).path("object");
            assertEquals(2, question.path("anyOf").size(), "multiple choice is anyOf");

            InboundActivityEntity rosa = WaitFor.inboundDone(weft,
                    vote(weft, mastodon, mastodon.rosa(), 1, "Friday", pollUri, clock));
            assertTrue(rosa.getLastError().contains("NOT_ALLOWED"), rosa.getLastError());
            JsonNode both = ApiClient.expect(200, dina.post(path(pollUri) + "/votes", "{\"choices\":[0,1]}"));
            assertEquals(1, both.path("votersCount").asInt(), "rosa's vote was not counted; dina counts once");
            assertEquals(1, both.path("options").path(0).path("votes").asInt());

            // Bad input changes nothing: no choice, an option that does not exist.
            assertEquals("poll_choice_missing", ApiClient.expect(400, amina.post(path(pollUri) + "/votes",
                    "{\"choices\":[]}")).path("error").asText());
            assertEquals("poll_choice_unknown", ApiClient.expect(400, amina.post(path(pollUri) + "/votes",
                    "{\"choices\":[7]}")).path("error").asText());
            assertEquals(1, ApiClient.expect(200, amina.get(path(pollUri))).path("votersCount").asInt());

            // Only a moderator closes early; it is final at once and written to the public log.
            assertEquals("forbidden", ApiClient.expect(403, dina.post(path(pollUri) + "/close", null))
                    .path("error").asText());
            JsonNode closed = ApiClient.expect(200, amina.post(path(pollUri) + "/close", "{\"reason\":\"Decided at the meeting\"}"));
            assertTrue(closed.path("closedEarly").asBoolean());
            JsonNode log = TestHttp.json(TestHttp.get(weft.base() + "/moderation-log/block3?format=json", "application/json")
                    .body());
            JsonNode line = log.path("items").path(0);
            assertEquals("poll_closed", line.path("kind").asText());
            assertEquals(pollUri, line.path("target").asText());
            assertEquals("Decided at the meeting", line.path("reason").asText());
            JsonNode update = WaitFor.value("the closed Question", () -> sent(mastodon, "Update").stream()
                    .map(r -> TestHttp.json(r.getBodyAsString())).filter(u -> u.path("object").has("closed"))
                    .findFirst().orElse(null));
            assertEquals(1, update.path("object").path("votersCount").asInt());
            assertEquals("poll_closed", ApiClient.expect(409, amina.post(path(pollUri) + "/votes", "{\"choices\":[0]}"))
                    .path("error").asText());
        }
    }

    @Test
    void aPollThatBreaksARuleIsRefusedAndNothingIsStored() {
        TestClock clock = new TestClock(Instant.parse("2026-11-20T09:00:00Z"));
        try (TestServers.Instance weft = TestServers.start(Map.of(), clock);
             MastodonPeer mastodon = new MastodonPeer(weft.base())) {
            weft.server().localActors().createGroup("block3", "Block 3", null);
            ApiClient amina = ApiClient.newMember(weft, "amina", "Amina");
            weft.server().moderators().add("block3", "amina", Optional.empty());
            follow(weft, mastodon, mastodon.rosa(), weft.base() + "/groups/block3", clock);
            String end = "\"" + clock.instant().plus(Duration.ofDays(1)) + "\"";
            Map<String, String> bad = Map.of(
                    "{\"question\":\"Which day?\",\"options\":[\"Friday\"],\"endsAt\":" + end + "}", "poll_options_count",
                    "{\"question\":\" \",\"options\":[\"Friday\",\"Sunday\"],\"endsAt\":" + end + "}", "poll_question_missing",
                    "{\"question\":\"Which day?\",\"options\":[\"Friday\",\"friday\"],\"endsAt\":" + end + "}",
                    "poll_option_twice",
                    "{\"question\":\"Which day?\",\"options\":[\"Friday\",\"Sunday\"],\"endsAt\":\""
                            + clock.instant().plusSeconds(60) + "\"}", "poll_end_out_of_range",
                    "{\"question\":\"Which day?\",\"options\":[\"Friday\",\"Sunday\"],\"endsAt\":" + end
                            + ",\"voters\":\"everyone\"}", "field_choice");
            for (Map.Entry<String, String> e : bad.entrySet()) {
                assertEquals(e.getValue(), ApiClient.expect(400, amina.post("/groups/block3/polls", e.getKey()))
                        .path("error").asText(), e.getKey());
            }
            assertEquals(0, ApiClient.expect(200, amina.get("/groups/block3/polls")).path("polls").size());
            assertEquals(404, amina.post("/groups/nowhere/polls", open("members", false, clock)).statusCode());
            WaitFor.deliveriesDrained(weft);
            assertTrue(sent(mastodon, "Create").isEmpty(), "nothing was sent");
        }
    }

    /** A poll opening body ending three days after the clock's now (the fixture's end time). */
    static String open(String voters, boolean multiple, TestClock clock) {
        return "{\"question\":\"" + QUESTION + "\",\"options\":[\"Friday\",\"Sunday\"],\"multiple\":" + multiple
                + ",\"voters\":\"" + voters + "\",\"endsAt\":\"" + clock.instant().plus(Duration.ofDays(3)) + "\"}";
    }

    static String path(String pollUri) {
        return URI.create(pollUri).getRawPath();
    }

    /** A follow signed at the test clock's time (the clock stands still, so a real-time Date would be refused). */
    static void follow(TestServers.Instance weft, MastodonPeer peer, String actor, String target, TestClock clock) {
        String id = peer.origin() + "/follows/" + actor.hashCode();
        String json = "{\"@context\":\"https://www.w3.org/ns/activitystreams\",\"id\":\"" + id + "\",\"type\":\"Follow\","
                + "\"actor\":\"" + actor + "\",\"object\":\"" + target + "\"}";
        assertEquals(202, peer.deliver(URI.create(weft.base() + "/inbox"), json.getBytes(StandardCharsets.UTF_8),
                clock.instant().atZone(ZoneOffset.UTC), peer.key(), actor + "#main-key").statusCode());
        WaitFor.inboundDone(weft, id);
    }

    /** The fixture's vote, from {@code actor}, for {@code option}, in the poll; returns the Create's id. */
    static String vote(TestServers.Instance weft, MastodonPeer peer, String actor, int n, String option, String pollUri,
                       TestClock clock) {
        ObjectNode create = (ObjectNode) TestHttp.json(peer.fixture("mastodon/moderation-and-polls/vote.json")
                .replace(weft.base() + "/polls/3c1e", pollUri).replace(peer.rosa(), actor));
        String id = actor + "#votes/" + n;
        create.put("id", id + "/activity");
        ((ObjectNode) create.path("object")).put("id", id).put("name", option);
        assertEquals(202, peer.deliver(URI.create(weft.base() + "/groups/block3/inbox"),
                create.toString().getBytes(StandardCharsets.UTF_8), clock.instant().atZone(ZoneOffset.UTC), peer.key(),
                actor + "#main-key").statusCode());
        return id + "/activity";
    }

    /** What the peer received of the given type, oldest first. */
    static List<LoggedRequest> sent(MastodonPeer peer, String type) {
        return peer.inboxPosts().stream().filter(r -> type.equals(TestHttp.json(r.getBodyAsString()).path("type").asText()))
                .sorted((a, b) -> a.getLoggedDate().compareTo(b.getLoggedDate())).toList();
    }
}
