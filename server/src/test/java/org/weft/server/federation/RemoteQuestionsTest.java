package org.weft.server.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.weft.server.persistence.InboundActivityEntity;
import org.weft.server.testing.FediversePeer;
import org.weft.server.testing.MastodonPeer;
import org.weft.server.testing.MisskeyPeer;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;
import org.weft.server.ui.PageClient;
import org.weft.web.i18n.Messages;

/**
 * Questions from Mastodon and Misskey, signed as they sign (the fixtures, with the fixtures' keys): kept only from an
 * actor a community here follows, shown on that community's polls page with the reported counts and hostile markup
 * gone; only the sender updates or deletes one, an older {@code updated} never wins, malformed ones are refused with
 * the reason and store nothing; a member's vote goes to rosa's server in Mastodon's shape; a Misskey Update of a
 * Question (no {@code updated}) brings a poll in too; an actor's {@code Delete} of itself takes its polls and the votes
 * members sent in them, and an address that is no poll is the ordinary not-found page.
 */
class RemoteQuestionsTest {
    private static final String PASSWORD = "a long enough password";
    private static final Pattern REMOTE_POLL = Pattern.compile("href=\"(/remote-polls/[0-9]+)\"");
    private static final Messages EN = Messages.forLanguage("en");

    @Test
    void aMastodonPollReachesAMemberAndOnlyRosaChangesIt() {
        try (TestServers.Instance weft = TestServers.start(); MastodonPeer mastodon = new MastodonPeer(weft.base())) {
            weft.server().localActors().createGroup("block3", "Block 3", null);
            weft.server().localActors().createMember("dina", "Dina", PASSWORD, false);
            String rosa = mastodon.rosa();
            String tom = mastodon.serveUser("tom");
            Instant ends = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);

            // Nobody here follows rosa: her poll is not kept (nothing to show it beside).
            ObjectNode question = question(mastodon, ends);
            InboundActivityEntity stranger = deliver(weft, mastodon, rosa, create(question, 1));
            assertTrue(stranger.getLastError() != null, "not kept");
            assertEquals(0, remotePolls(weft));

            follow(weft, mastodon, "block3", rosa);
            question.put("content", "<p>Which day should the shared fridge be cleaned?<script>alert('x')</script>"
                    + "<img src=\"x\" onerror=\"alert(2)\"></p>");
            assertNull(deliver(weft, mastodon, rosa, create(question, 2)).getLastError());

            PageClient dina = new PageClient(weft.base());
            dina.login("dina", PASSWORD);
            String list = dina.get("/groups/block3/polls").body();
            assertTrue(list.contains(EN.get("remotePoll.listTitle")) && list.contains(Messages.isolate("Rosa Dlamini")), list);
            Matcher link = REMOTE_POLL.matcher(list);
            assertTrue(link.find(), list);
            String page = link.group(1);
            String shown = dina.get(page).body();
            assertTrue(shown.contains("Which day should the shared fridge be cleaned?"), shown);
            assertFalse(shown.contains("<script") || shown.contains("onerror") || shown.contains("<img"), shown);
            assertTrue(shown.contains(EN.get("poll.voterCount", 4)), shown);
            assertTrue(shown.contains(EN.number(3) + " (" + EN.percent(75) + ")"), shown);
            assertTrue(shown.contains(EN.get("poll.openUntil", EN.date(ends))), shown);

            // Tom claims rosa's poll, and deletes it: refused, nothing changes.
            ObjectNode forged = question.deepCopy().put("attributedTo", tom);
            counts(forged, 99, 99);
            InboundActivityEntity claimed = deliver(weft, mastodon, tom, update(forged, tom, 3));
            assertTrue(claimed.getLastError().contains("only its sender"), claimed.getLastError());
            InboundActivityEntity deleted = deliver(weft, mastodon, tom, delete(tom, question.path("id").asText(), 4));
            assertTrue(deleted.getLastError().contains("did not send it"), deleted.getLastError());
            assertTrue(dina.get(page).body().contains(EN.get("poll.voterCount", 4)));

            // Rosa's newer counts win; an older or undated Update after them does not.
            ObjectNode newer = question.deepCopy().put("updated", Instant.now().toString());
            counts(newer, 5, 1);
            newer.put("votersCount", 6);
            assertNull(deliver(weft, mastodon, rosa, update(newer, rosa, 5)).getLastError());
            ObjectNode older = question.deepCopy().put("updated", Instant.now().minus(Duration.ofHours(1)).toString());
            counts(older, 7, 7);
            older.put("votersCount", 14);
            assertTrue(deliver(weft, mastodon, rosa, update(older, rosa, 6)).getLastError().contains("older"));
            ObjectNode undated = question.deepCopy();
            undated.put("votersCount", 15);
            assertTrue(deliver(weft, mastodon, rosa, update(undated, rosa, 7)).getLastError().contains("older"));
            assertTrue(dina.get(page).body().contains(EN.get("poll.voterCount", 6)));

            // Malformed Questions: refused with the reason, nothing stored.
            Map<String, String> malformed = new LinkedHashMap<>();
            malformed.put("both", "needs exactly one of oneOf and anyOf");
            malformed.put("noName", "an option without a name");
            malformed.put("badCount", "not a count");
            malformed.put("badEnd", "not a time");
            malformed.put("elsewhere", "not on its sender's server");
            int n = 10;
            for (Map.Entry<String, String> e : malformed.entrySet()) {
                ObjectNode bad = question(mastodon, ends).put("id", rosa + "/statuses/" + (900 + n));
                switch (e.getKey()) {
                    case "both" -> bad.set("anyOf", bad.path("oneOf").deepCopy());
                    case "noName" -> ((ObjectNode) bad.path("oneOf").path(0)).remove("name");
                    case "badCount" -> ((ObjectNode) bad.path("oneOf").path(0).path("replies")).put("totalItems", "many");
                    case "badEnd" -> bad.put("endTime", "next Friday");
                    default -> bad.put("id", "https://elsewhere.example/statuses/1");
                }
                InboundActivityEntity row = deliver(weft, mastodon, rosa, create(bad, n++));
                assertTrue(row.getLastError() != null && row.getLastError().contains(e.getValue()),
                        e.getKey() + ": " + row.getLastError());
            }
            assertEquals(1, remotePolls(weft), "only rosa's good poll is kept");

            // Dina votes Sunday: rosa's server receives Mastodon's vote, from Dina, to rosa alone.
            String form = dina.get(page).body();
            Map<String, String> vote = new LinkedHashMap<>(PageClient.hiddenFields(form, page + "/vote"));
            vote.put("choice", "1");
            HttpResponse<String> voted = dina.post(page + "/vote", vote);
            assertEquals(303, voted.statusCode(), voted.body());
            JsonNode sent = WaitFor.value("the vote reaches rosa's server", () -> mastodon.inboxPosts().stream()
                    .map(r -> TestHttp.json(r.getBodyAsString())).filter(j -> "Create".equals(j.path("type").asText()))
                    .findFirst().orElse(null));
            assertEquals(weft.base() + "/users/dina", sent.path("actor").asText());
            assertEquals("Sunday", sent.path("object").path("name").asText());
            assertEquals(question.path("id").asText(), sent.path("object").path("inReplyTo").asText());
            assertEquals(rosa, sent.path("object").path("to").path(0).asText());
            assertTrue(dina.get(page).body().contains(EN.get("poll.youVoted", Messages.isolate("Sunday"))));

            // Rosa closes it, then deletes it: shown closed, then gone with Dina's vote.
            ObjectNode closed = newer.deepCopy().put("closed", Instant.now().toString());
            assertNull(deliver(weft, mastodon, rosa, update(closed, rosa, 30)).getLastError());
            String closedPage = dina.get(page).body();
            assertTrue(closedPage.contains(EN.get("remotePoll.closedOn", EN.date(Instant.now()))), closedPage);
            assertNull(deliver(weft, mastodon, rosa, delete(rosa, question.path("id").asText(), 31)).getLastError());
            assertEquals(404, dina.get(page).statusCode());
            assertEquals(0, remotePolls(weft));
        }
    }

    @Test
    void aMisskeyQuestionUpdateFromAFollowedAccountIsShown() {
        try (TestServers.Instance weft = TestServers.start(); MisskeyPeer misskey = new MisskeyPeer(weft.base())) {
            weft.server().localActors().createGroup("block3", "Block 3", null);
            follow(weft, misskey, "block3", misskey.actor());
            String fixture = misskey.fixture("misskey/update-question.json");
            assertEquals(202, misskey.deliver(URI.create(weft.base() + "/inbox"), fixture).statusCode());
            InboundActivityEntity row = WaitFor.inboundDone(weft, TestHttp.json(fixture).path("id").asText());
            assertNull(row.getLastError());
            String list = TestHttp.get(weft.base() + "/groups/block3/polls", "text/html").body();
            Matcher link = REMOTE_POLL.matcher(list);
            assertTrue(link.find(), list);
            String page = TestHttp.get(weft.base() + link.group(1), "text/html").body();
            assertTrue(page.contains("Who can drive the pantry boxes on Saturday?"), page);
            assertTrue(page.contains("Morning") && page.contains(EN.get("poll.voterCount", 3)), page);
            assertTrue(page.contains(EN.get("poll.ended", EN.date(Instant.parse("2026-11-22T09:00:00Z")))), page);
        }
    }

    @Test
    void aDeletedActorsPollGoesWithItsVotesAndAnAddressThatIsNoPollIsNotFound() {
        try (TestServers.Instance weft = TestServers.start(); MastodonPeer mastodon = new MastodonPeer(weft.base())) {
            weft.server().localActors().createGroup("block3", "Block 3", null);
            weft.server().localActors().createMember("dina", "Dina", PASSWORD, false);
            Messages ar = Messages.forLanguage("ar");
            String rosa = mastodon.rosa();
            follow(weft, mastodon, "block3", rosa);
            ObjectNode question = question(mastodon, Instant.now().plus(Duration.ofDays(3)));
            assertNull(deliver(weft, mastodon, rosa, create(question, 1)).getLastError());
            PageClient dina = new PageClient(weft.base()).language("ar");
            dina.login("dina", PASSWORD);
            Matcher link = REMOTE_POLL.matcher(dina.get("/groups/block3/polls").body());
            assertTrue(link.find());
            String page = link.group(1);

            // Addresses that are no poll: the ordinary page in Arabic, never an error's text; a vote posted there neither.
            String form = dina.get(page).body();
            String csrf = PageClient.csrf(form);
            for (String id : new String[] {"abc", "-1", "99999999999999999999", "999999999999999999", "1.5", "%20"}) {
                HttpResponse<String> shown = dina.get("/remote-polls/" + id);
                assertEquals(404, shown.statusCode(), id);
                assertTrue(shown.body().contains(ar.get("error.notFound")) && shown.body().contains("lang=\"ar\""), id);
                assertFalse(shown.body().contains("Exception") || shown.body().contains("No remote poll"), shown.body());
                HttpResponse<String> voted = dina.post("/remote-polls/" + id + "/vote", Map.of("csrf", csrf, "choice", "0"));
                assertEquals(404, voted.statusCode(), id);
                assertTrue(voted.body().contains(ar.get("error.notFound")), id);
            }

            Map<String, String> vote = new LinkedHashMap<>(PageClient.hiddenFields(form, page + "/vote"));
            vote.put("choice", "0");
            assertEquals(303, dina.post(page + "/vote", vote).statusCode());
            assertEquals(1L, count(weft, "RemotePollVoteEntity"));

            // Rosa deletes her account: her poll goes with its options and Dina's vote.
            assertNull(deliver(weft, mastodon, rosa, delete(rosa, rosa, 2)).getLastError());
            String list = dina.get("/groups/block3/polls").body();
            assertFalse(list.contains(page + "\"") || list.contains(Messages.isolate("Rosa Dlamini")), list);
            HttpResponse<String> gone = dina.get(page);
            assertEquals(404, gone.statusCode());
            assertTrue(gone.body().contains(ar.get("error.notFound")), gone.body());
            assertEquals(0, remotePolls(weft));
            assertEquals(0L, count(weft, "RemotePollOptionEntity"));
            assertEquals(0L, count(weft, "RemotePollVoteEntity"));
        }
    }

    /** {@code local} follows {@code actor}, and the actor's server accepts, signed as that actor. */
    static void follow(TestServers.Instance weft, FediversePeer peer, String local, String actor) {
        try {
            weft.server().follows().follow(local, actor);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        String followId = weft.server().db().inTransaction(s -> s.createSelectionQuery("select f.activityUri from"
                + " FollowEntity f where f.follower.username = :l and f.followee.uri = :a", String.class)
                .setParameter("l", local).setParameter("a", actor).getSingleResult());
        String accept = "{\"@context\":\"https://www.w3.org/ns/activitystreams\",\"id\":\"" + actor + "#accepts/"
                + Math.abs(followId.hashCode()) + "\",\"type\":\"Accept\",\"actor\":\"" + actor + "\",\"object\":{\"id\":\""
                + followId + "\",\"type\":\"Follow\",\"actor\":\"" + weft.base() + "/groups/" + local + "\",\"object\":\""
                + actor + "\"}}";
        assertEquals(202, peer.deliver(URI.create(weft.base() + "/inbox"), accept).statusCode());
        WaitFor.inboundDone(weft, TestHttp.json(accept).path("id").asText());
    }

    /** The fixture's Question, ending at {@code ends}. */
    static ObjectNode question(MastodonPeer mastodon, Instant ends) {
        ObjectNode q = (ObjectNode) TestHttp.json(mastodon.fixture("mastodon/moderation-and-polls/question.json"));
        q.put("endTime", ends.toString());
        return q;
    }

    static String create(ObjectNode question, int n) {
        return wrap("Create", question.path("attributedTo").asText(), question, n);
    }

    private static String update(ObjectNode question, String actor, int n) {
        return wrap("Update", actor, question, n);
    }

    private static String wrap(String type, String actor, ObjectNode question, int n) {
        ObjectNode activity = TestHttp.JSON.createObjectNode();
        activity.set("@context", question.path("@context"));
        activity.put("id", actor + "#activities/" + type + "/" + n + "/" + System.nanoTime());
        activity.put("type", type).put("actor", actor);
        activity.set("to", question.path("to"));
        activity.set("object", question);
        return activity.toString();
    }

    private static String delete(String actor, String object, int n) {
        return "{\"@context\":\"https://www.w3.org/ns/activitystreams\",\"id\":\"" + actor + "#delete/" + n + "/"
                + System.nanoTime() + "\",\"type\":\"Delete\",\"actor\":\"" + actor + "\",\"object\":{\"id\":\"" + object
                + "\",\"type\":\"Tombstone\"}}";
    }

    private static void counts(ObjectNode question, int friday, int sunday) {
        ((ObjectNode) question.path("oneOf").path(0).path("replies")).put("totalItems", friday);
        ((ObjectNode) question.path("oneOf").path(1).path("replies")).put("totalItems", sunday);
    }

    /** Delivers {@code json} signed as {@code actor} (the fixtures' test key) and waits for its processing. */
    static InboundActivityEntity deliver(TestServers.Instance weft, MastodonPeer peer, String actor, String json) {
        assertEquals(202, peer.deliverAs(actor, URI.create(weft.base() + "/inbox"), json).statusCode(), json);
        return WaitFor.inboundDone(weft, TestHttp.json(json).path("id").asText());
    }

    private static long count(TestServers.Instance weft, String entity) {
        return weft.server().db().inTransaction(s -> s.createSelectionQuery("select count(*) from " + entity, Long.class)
                .getSingleResult());
    }

    static long remotePolls(TestServers.Instance weft) {
        return weft.server().db().inTransaction(s -> s.createSelectionQuery("select count(*) from RemotePollEntity",
                Long.class).getSingleResult());
    }
}
