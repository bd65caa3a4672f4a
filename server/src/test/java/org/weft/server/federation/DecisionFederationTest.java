package org.weft.server.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.weft.activitypub.jsonld.JsonLdCodec;
import org.weft.server.api.ApiClient;
import org.weft.server.domain.actor.ActorRenderer;
import org.weft.server.domain.actor.ActorUpdates;
import org.weft.server.domain.actor.CommunityTexts;
import org.weft.server.domain.decision.DecisionOutcomes;
import org.weft.server.domain.moderation.ModerationLog;
import org.weft.server.domain.poll.PollFederation;
import org.weft.server.domain.poll.PollService;
import org.weft.server.domain.poll.PollWire;
import org.weft.server.persistence.Database;
import org.weft.server.queue.Outbox;
import org.weft.server.testing.MastodonPeer;
import org.weft.server.testing.TestClock;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;
import org.weft.server.ui.PageClient;
import org.weft.web.i18n.Messages;

/**
 * A decision seen from outside: Amina, a moderator, puts new rules to a vote; rosa's Mastodon server receives the
 * {@code Question} with the proposed text in its content and the options "For" and "Against", and rosa votes from
 * there; Dina votes on this server. At the end time the rules change exactly once, however many nodes run the closing
 * job at that moment (two more on the same database here), the followers get one final {@code Update} with
 * {@code closed}, and Dina (in Arabic) and a visitor see the new rules and the decision with its counts, never who
 * voted.
 */
class DecisionFederationTest {
    private static final String OLD_RULES = "Be kind. Share what you can.";
    private static final String NEW_RULES = "Be kind.\n\nThe shared fridge is cleaned on Fridays & everyone helps.";
    private static final String PASSWORD = "a long enough password";

    @Test
    void aFollowerVotesOnNewRulesWhichApplyOnceAtTheEndTime() throws Exception {
        TestClock clock = new TestClock(Instant.parse("2026-11-20T09:00:00Z"));
        try (TestServers.Instance weft = TestServers.start(Map.of(), clock);
             MastodonPeer mastodon = new MastodonPeer(weft.base())) {
            weft.server().localActors().createGroup("block3", "Block 3", null);
            ApiClient amina = ApiClient.newMember(weft, "amina", "Amina");
            ApiClient dina = ApiClient.newMember(weft, "dina", "Dina Haddad");
            weft.server().moderators().add("block3", "amina", Optional.empty());
            new CommunityTexts(weft.server().db(), new ActorUpdates(weft.server().outbox(),
                    new ActorRenderer(weft.server().urls())), clock).save("block3", "", OLD_RULES);
            String group = weft.base() + "/groups/block3";
            PollFederationTest.follow(weft, mastodon, mastodon.rosa(), group, clock);
            weft.server().followers().approve("block3", mastodon.rosa());

            String body = "{\"rules\":" + TestHttp.json("\"" + NEW_RULES.replace("\n", "\\n") + "\"")
                    + ",\"voters\":\"followers\",\"endsAt\":\"" + clock.instant().plus(Duration.ofDays(3)) + "\"}";
            String pollUri = ApiClient.expect(201, amina.post("/groups/block3/decisions", body)).path("uri").asText();

            // The follower's server: the Question carries the proposed text in full, and the fixed options.
            WaitFor.deliveriesDrained(weft);
            List<LoggedRequest> creates = PollFederationTest.sent(mastodon, "Create");
            assertEquals(1, creates.size());
            JsonNode question = TestHttp.json(creates.get(0).getBodyAsString()).path("object");
            assertEquals("Question", question.path("type").asText());
            String content = question.path("content").asText();
            assertTrue(content.contains("Should these become the rules of"), content);
            assertTrue(content.contains("<p>Be kind.</p><p>The shared fridge is cleaned on Fridays &amp; everyone helps.</p>"),
                    content);
            assertEquals("For", question.path("oneOf").path(0).path("name").asText());
            assertEquals("Against", question.path("oneOf").path(1).path("name").asText());
            assertEquals(2, question.path("oneOf").size());

            // Rosa votes For from Mastodon; Dina For and Amina Against here: two to one.
            assertNull(WaitFor.inboundDone(weft, PollFederationTest.vote(weft, mastodon, mastodon.rosa(), 1, "For", pollUri, clock)).getLastError());
            ApiClient.expect(200, dina.post(path(pollUri) + "/votes", "{\"choices\":[0]}"));
            ApiClient.expect(200, amina.post(path(pollUri) + "/votes", "{\"choices\":[1]}"));

            // Before the end, Dina sees the old rules and the decision still open.
            PageClient dinaPages = new PageClient(weft.base()).language("ar");
            dinaPages.login("dina", PASSWORD);
            Messages ar = Messages.forLanguage("ar");
            assertTrue(dinaPages.get("/groups/block3").body().contains(OLD_RULES));
            String openPage = dinaPages.get("/groups/block3/decisions").body();
            assertTrue(openPage.contains(ar.get("decision.outcome.open", ar.date(clock.instant().plus(Duration.ofDays(3))))),
                    openPage);

            // The end time: the server's own timer and two more nodes on the same database close it at once.
            clock.advance(Duration.ofDays(3));
            PollService nodeTwo = node(weft.server().db(), weft, clock);
            PollService nodeThree = node(weft.server().db(), weft, clock);
            CountDownLatch start = new CountDownLatch(1);
            CompletableFuture<Integer> two = CompletableFuture.supplyAsync(() -> await(start, nodeTwo::closeEnded));
            CompletableFuture<Integer> three = CompletableFuture.supplyAsync(() -> await(start, nodeThree::closeEnded));
            start.countDown();
            int closedByNodes = two.get() + three.get();
            assertTrue(closedByNodes <= 1, "at most one of the two closed it: " + closedByNodes);
            JsonNode closed = WaitFor.value("the final Update", () -> PollFederationTest.sent(mastodon, "Update").stream()
                    .map(r -> TestHttp.json(r.getBodyAsString())).filter(u -> u.path("object").has("closed"))
                    .findFirst().orElse(null));
            assertEquals(3, closed.path("object").path("votersCount").asInt());
            assertEquals(2, closed.path("object").path("oneOf").path(0).path("replies").path("totalItems").asInt());
            assertTrue(closed.path("object").path("content").asText().contains("Fridays &amp; everyone helps"));
            assertEquals(0, nodeTwo.closeEnded(), "run again later: nothing left to close");
            WaitFor.deliveriesDrained(weft);
            assertEquals(1, PollFederationTest.sent(mastodon, "Update").stream().filter(r -> TestHttp.json(r.getBodyAsString())
                    .path("object").has("closed")).count(), "one final Update, not one per node");
            JsonNode log = TestHttp.json(TestHttp.get(weft.base() + "/moderation-log/block3?format=json",
                    "application/json").body());
            List<String> kinds = new ArrayList<>();
            log.path("items").forEach(i -> kinds.add(i.path("kind").asText() + " " + i.path("target").asText()));
            assertEquals(List.of("decision_adopted " + pollUri), kinds, "decided once, and logged once");

            // Dina, in Arabic, after Amina's poll closed: the new rules on the community's page, the decision with its
            // counts in Arabic digits on the decisions page, and no one's name.
            String community = dinaPages.get("/groups/block3").body();
            assertTrue(community.contains("The shared fridge is cleaned on Fridays &amp; everyone helps.")
                    && !community.contains("Share what you can"), community);
            assertTrue(community.contains("href=\"/groups/block3/decisions\""), "the community page leads to its decisions");
            String page = dinaPages.get("/groups/block3/decisions").body();
            assertTrue(page.contains("dir=\"rtl\""), "Arabic reads right to left");
            assertTrue(page.contains(ar.get("decision.listTitle", Messages.isolate("Block 3"))), page);
            assertTrue(page.contains(ar.get("decision.outcome.adopted")), page);
            assertTrue(page.contains(ar.get("decision.counts", ar.number(2), ar.number(1))) && ar.number(2).equals("٢"), page);
            assertTrue(page.contains(ar.get("poll.voterCount", 3)), page);
            assertTrue(page.contains(ar.get("decision.majority.simple")), page);
            assertTrue(page.contains(path(pollUri)), "it links to the vote");
            assertFalse(page.contains(ar.get("decision.openTitle")), "Dina may not propose rules here");
            for (String who : List.of("Dina", "Amina", "rosa", "amina")) {
                assertFalse(page.contains(who), "who voted is never shown: " + who);
            }
            // A visitor, in English: the same decision, and the proposed text in full on the poll's page.
            String visitor = new PageClient(weft.base()).get("/groups/block3/decisions").body();
            Messages en = Messages.forLanguage("en");
            assertTrue(visitor.contains(en.get("decision.outcome.adopted"))
                    && visitor.contains(en.get("decision.counts", "2", "1")), visitor);
            String logPage = TestHttp.get(weft.base() + "/moderation-log/block3", "text/html").body();
            assertTrue(logPage.contains(en.get("moderationLog.kind.decisionAdopted"))
                    && logPage.contains(en.get("moderationLog.byVote")), "decided by the vote, not by an operator");
            String pollPage = new PageClient(weft.base()).get(path(pollUri)).body();
            assertTrue(pollPage.contains(en.get("poll.proposedRules")) && pollPage.contains("everyone helps"), pollPage);
        }
    }

    /** Another node on the same database: its own services, the same rows. */
    private static PollService node(Database db, TestServers.Instance weft, Clock clock) {
        ModerationLog log = new ModerationLog(db);
        Outbox outbox = new Outbox(weft.server().urls(), new JsonLdCodec(), clock);
        return new PollService(db, weft.server().urls(), new PollFederation(new PollWire(weft.server().urls()), outbox),
                log, clock, new DecisionOutcomes(log));
    }

    private static int await(CountDownLatch start, java.util.function.IntSupplier job) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return job.getAsInt();
    }

    private static String path(String pollUri) {
        return URI.create(pollUri).getRawPath();
    }
}
