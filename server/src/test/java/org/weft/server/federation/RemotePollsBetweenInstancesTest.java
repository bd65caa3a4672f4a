package org.weft.server.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.weft.server.api.ApiClient;
import org.weft.server.persistence.InboundActivityEntity;
import org.weft.server.persistence.OutboundActivityEntity;
import org.weft.server.testing.TestClock;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;
import org.weft.server.ui.PageClient;
import org.weft.web.i18n.Messages;

/**
 * A poll on one Weft instance seen and voted in from another. A's community Block 3 opens a poll for members and
 * approved followers; B's community Town links to it, and Carla, a member of B, follows Block 3 from B and a moderator
 * of A approves her on A's followers page. B shows the poll on Town's polls page, in French for Carla; she votes from
 * B's page (no JavaScript) and B sends, from her own actor, Mastodon's vote; A counts it once; B shows A's new counts
 * once A's Update arrives; her second device cannot vote again; Dina, another member of B, is not told Carla's choice;
 * and once A closes the poll, B shows it closed and refuses a vote from a form loaded before.
 */
class RemotePollsBetweenInstancesTest {
    private static final String PASSWORD = "a long enough password";
    private static final Pattern REMOTE_POLL = Pattern.compile("href=\"(/remote-polls/[0-9]+)\"");

    @Test
    void aMemberOfBVotesInAPollOfALinkedCommunityOnAAndBShowsAsCounts() throws Exception {
        // A running clock: deliveries between the two are signed at the real time and checked against it, and a delivery
        // retried after a busy moment must come due. It moves a few seconds only (a moderator closes the poll).
        TestClock clock = new TestClock();
        try (TestServers.Instance a = TestServers.start(Map.of(), clock);
             TestServers.Instance b = TestServers.start(Map.of(), clock)) {
            a.server().localActors().createGroup("block3", "Block 3", null);
            ApiClient amina = ApiClient.newMember(a, "amina", "Amina");
            a.server().moderators().add("block3", "amina", Optional.empty());
            b.server().localActors().createGroup("town", "Town", null);
            b.server().localActors().createMember("carla", "Carla", PASSWORD, false);
            b.server().localActors().createMember("dina", "Dina", PASSWORD, false);
            String block3 = a.base() + "/groups/block3";
            String carla = b.base() + "/users/carla";

            b.server().matching().links().link("town", "@block3@" + a.domain());
            b.server().follows().follow("carla", "@block3@" + a.domain());
            WaitFor.condition("Block 3 accepts Town and Carla", () -> b.server().matching().links().links("town").stream()
                    .anyMatch(l -> l.actorUri().equals(block3) && l.accepted()) && accepted(b, "carla"));
            // Amina approves Carla on A's followers page, as a moderator does.
            PageClient aminaPages = new PageClient(a.base());
            aminaPages.login("amina", PASSWORD);
            String followers = aminaPages.get("/moderate/block3/followers").body();
            Map<String, String> approve = new LinkedHashMap<>(PageClient.hiddenFields(followers,
                    "/moderate/block3/followers/decide"));
            approve.put("follower", carla);
            approve.put("decision", "approve");
            assertEquals(303, aminaPages.post("/moderate/block3/followers/decide", approve).statusCode());

            JsonNode opened = ApiClient.expect(201, amina.post("/groups/block3/polls",
                    PollFederationTest.open("followers", false, clock)));
            String pollUri = opened.path("uri").asText();
            Instant endsAt = Instant.parse(opened.path("endsAt").asText());

            // B keeps the Question and shows it on Town's polls page, in Carla's language.
            Messages fr = Messages.forLanguage("fr");
            PageClient carlaPages = new PageClient(b.base()).language("fr");
            carlaPages.login("carla", PASSWORD);
            String list = WaitFor.value("Town's polls page lists Block 3's poll", () -> {
                String body = carlaPages.get("/groups/town/polls").body();
                return body.contains("Which day should the shared fridge be cleaned?") ? body : null;
            });
            assertTrue(list.contains(fr.get("remotePoll.listTitle")), list);
            String host = Messages.isolateLeftToRight(a.domain());
            assertTrue(list.contains(fr.get("remotePoll.from", Messages.isolate("Block 3"), host)), list);
            Matcher link = REMOTE_POLL.matcher(list);
            assertTrue(link.find(), list);
            String page = link.group(1);
            String shown = carlaPages.get(page).body();
            assertTrue(shown.contains(fr.get("remotePoll.title", Messages.isolate("Block 3"), host)), shown);
            assertTrue(shown.contains(fr.get("poll.openUntil", fr.date(endsAt))), shown);
            assertTrue(shown.contains(fr.get("poll.voterCount", 0)) && shown.contains("type=\"radio\""), shown);
            assertTrue(shown.contains(fr.get("remotePoll.privacy", host)),
                    "the form says A's server learns her choice: " + shown);

            // Carla has two devices; both load the page with the form.
            PageClient carlaPhone = new PageClient(b.base()).language("fr");
            carlaPhone.login("carla", PASSWORD);
            String onPhone = carlaPhone.get(page).body();
            PageClient dinaPages = new PageClient(b.base());
            dinaPages.login("dina", PASSWORD);
            String dinaBefore = dinaPages.get(page).body();

            Map<String, String> vote = new LinkedHashMap<>(PageClient.hiddenFields(shown, page + "/vote"));
            vote.put("choice", "0");
            HttpResponse<String> voted = carlaPages.post(page + "/vote", vote);
            assertEquals(303, voted.statusCode(), voted.body());
            String after = carlaPages.get(voted.headers().firstValue("Location").orElseThrow()).body();
            assertTrue(after.contains(fr.get("notice.remotePollVoted")), after);
            assertTrue(after.contains(fr.get("poll.youVoted", Messages.isolate("Friday"))), after);
            assertFalse(after.contains(page + "/vote\""), "no form once she voted");

            // What B sent: one Create of Mastodon's vote shape, from Carla, to Block 3 alone, through the queue.
            WaitFor.deliveriesDrained(b);
            List<OutboundActivityEntity> sent = b.server().db().inTransaction(s -> s.createSelectionQuery(
                    "from OutboundActivityEntity where activityType = 'Create' and actor.uri = :c",
                    OutboundActivityEntity.class).setParameter("c", carla).getResultList());
            assertEquals(1, sent.size());
            JsonNode create = TestHttp.json(sent.get(0).getBody());
            JsonNode note = create.path("object");
            assertEquals(carla, create.path("actor").asText());
            assertEquals("Note", note.path("type").asText());
            assertEquals("Friday", note.path("name").asText());
            assertEquals(pollUri, note.path("inReplyTo").asText());
            assertEquals(carla, note.path("attributedTo").asText());
            assertEquals(List.of(block3), List.of(note.path("to").path(0).asText()));
            assertEquals(1, note.path("to").size());
            assertFalse(create.toString().contains("#Public"), "a vote is never public");

            // A counts it once.
            InboundActivityEntity atA = WaitFor.inboundDone(a, create.path("id").asText());
            assertNull(atA.getLastError());
            JsonNode counted = ApiClient.expect(200, amina.get(PollFederationTest.path(pollUri)));
            assertEquals(1, counted.path("votersCount").asInt());
            assertEquals(1, counted.path("options").path(0).path("votes").asInt());

            // Her phone's form, loaded before: refused on B, and nothing more is sent.
            Map<String, String> again = new LinkedHashMap<>(PageClient.hiddenFields(onPhone, page + "/vote"));
            again.put("choice", "1");
            HttpResponse<String> second = carlaPhone.post(page + "/vote", again);
            assertEquals(409, second.statusCode());
            assertTrue(second.body().contains(fr.get("poll.alreadyVoted")), second.body());
            WaitFor.deliveriesDrained(b);
            assertEquals(1L, (long) b.server().db().inTransaction(s -> s.createSelectionQuery(
                    "select count(*) from OutboundActivityEntity where activityType = 'Create' and actor.uri = :c",
                    Long.class).setParameter("c", carla).getSingleResult()));

            // A's coalesced Update reaches B: the counts there are A's.
            clock.advance(Duration.ofSeconds(4));
            String updated = WaitFor.value("B shows A's new counts", () -> {
                String body = carlaPages.get(page).body();
                return body.contains(fr.get("poll.voterCount", 1)) ? body : null;
            });
            assertTrue(updated.contains(fr.number(1) + " (" + fr.percent(100) + ")"), updated);
            String dinaSees = dinaPages.get(page).body();
            assertTrue(dinaSees.contains(Messages.forLanguage("en").get("poll.voterCount", 1)), dinaSees);
            assertFalse(dinaSees.contains("Carla") || dinaSees.contains(Messages.forLanguage("en").get("poll.youVoted",
                    Messages.isolate("Friday"))), "Dina is not told what Carla chose");

            // Amina closes the poll on A: final there, and shown closed on B; Dina's old form is refused.
            Instant closedAt = Instant.parse(ApiClient.expect(200, amina.post(PollFederationTest.path(pollUri) + "/close",
                    "{\"reason\":\"Decided at the meeting\"}")).path("closedAt").asText());
            String closed = WaitFor.value("B shows the poll closed", () -> {
                String body = dinaPages.get(page).body();
                return body.contains(Messages.forLanguage("en").get("remotePoll.closedOn",
                        Messages.forLanguage("en").date(closedAt))) ? body : null;
            });
            assertFalse(closed.contains(page + "/vote\""), "no vote form on a closed poll");
            Map<String, String> late = new LinkedHashMap<>(PageClient.hiddenFields(dinaBefore, page + "/vote"));
            late.put("choice", "1");
            HttpResponse<String> refused = dinaPages.post(page + "/vote", late);
            assertEquals(409, refused.statusCode());
            WaitFor.deliveriesDrained(b);
            assertEquals(0L, (long) b.server().db().inTransaction(s -> s.createSelectionQuery(
                    "select count(*) from OutboundActivityEntity where activityType = 'Create' and actor.uri like :d",
                    Long.class).setParameter("d", "%/users/dina").getSingleResult()));
        }
    }

    private static boolean accepted(TestServers.Instance b, String member) {
        return b.server().db().inTransaction(s -> s.createSelectionQuery("select count(*) from FollowEntity f where"
                + " f.follower.username = :m and f.state = 'ACCEPTED'", Long.class).setParameter("m", member)
                .getSingleResult()) > 0;
    }
}
