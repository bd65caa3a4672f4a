package org.weft.server.domain.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.weft.server.domain.account.ApiTokens;
import org.weft.server.domain.proposal.ProposalDraft;
import org.weft.server.model.Audience;
import org.weft.server.model.ProposalStatus;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.InboundActivityEntity;
import org.weft.server.persistence.MatchEntity;
import org.weft.server.persistence.MatchRepository;
import org.weft.server.persistence.OutboundActivityEntity;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.persistence.ProposalRepository;
import org.weft.server.queue.DeliveryQueue;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;
import org.weft.server.ui.PageClient;
import org.weft.web.i18n.Messages;

/**
 * Links that stay true (issue 14 item 4), on three instances: A's community links to B's; C's community follows A's,
 * but nobody on A follows C. Unlinking withdraws, on A, the copies A held only through the link and the matches they
 * made, and A's member is told, in her language, on her pages and through the API; a request A's member posts after
 * the unlink matches neither B's old offer nor C's. What B withdraws while the link is down is gone on A once the link
 * is back, and what B still offers is held and matched again. The matcher itself checks the link, not only the copy.
 */
class LinksStayTrueTest {
    private static final String PASSWORD = "a long enough password";

    @Test
    void unlinkingWithdrawsTheCopiesAndTheirMatchesAndTellsTheMember() throws Exception {
        int portB = TestServers.freePort();
        try (TestServers.Instance b = TestServers.start(origin(portB));
             TestServers.Instance c = TestServers.start();
             TestServers.Instance a = TestServers.start(Map.of("WEFT_FEDERATION_LINK_ALLOW", "localhost:" + portB))) {
            a.server().localActors().createGroup("block3", "Block 3", null);
            a.server().localActors().createMember("amina", "Amina", PASSWORD, false);
            b.server().localActors().createGroup("town", "Town", null);
            b.server().localActors().createMember("bruno", "Bruno", PASSWORD, false);
            c.server().localActors().createGroup("city", "City", null);
            c.server().localActors().createMember("chen", "Chen", PASSWORD, false);
            linkAndWait(a, "block3", b, "town");
            b.server().matching().links().link("town", "@block3@" + a.domain()); // the link is mutual
            c.server().matching().links().link("city", "@block3@" + a.domain()); // C follows A; A does not follow C
            WaitFor.condition("A's community accepts C's follow", () -> a.server().matching().links().links("block3")
                    .stream().anyMatch(l -> l.actorUri().endsWith("/groups/city") && l.theyFollow()));

            ProposalEntity offer = offer(b, "bruno", "town", "A pram, almost new", Audience.PUBLIC);
            ProposalEntity copy = WaitFor.value("A keeps B's offer", () -> find(a, offer.getUri()));
            ProposalEntity request = request(a, "We need a pram");
            MatchEntity match = WaitFor.value("the request matches B's offer", () -> onlyMatch(a, request.getId()));
            assertEquals(copy.getId(), match.getOfferId());
            String token = new ApiTokens(a.server().db(), Clock.systemUTC()).create("amina", "test");
            JsonNode linked = api(a, "/api/v1/me/matches", token).path("matches");
            assertEquals(1, linked.size());
            assertFalse(linked.get(0).path("unlinked").asBoolean(true), "still linked: " + linked);
            // B's edits keep the copy current, and the matcher still knows which link holds it.
            b.server().proposals().service().edit("bruno", offer.getId(),
                    ProposalDraft.builder().title("A pram, almost new, with a rain cover").build());
            WaitFor.condition("A's copy follows B's edit",
                    () -> find(a, offer.getUri()).getTitle().equals("A pram, almost new, with a rain cover"));
            a.server().matching().matcher().settled().get(20, TimeUnit.SECONDS);
            Long town = a.server().db().inTransaction(s -> s.createSelectionQuery(
                    "select id from ActorEntity where uri = :u", Long.class).setParameter("u", b.base() + "/groups/town")
                    .getSingleResult());
            assertEquals(town, a.server().matching().matcher().index().get(copy.getId()).viaCommunityId());
            PageClient amina = new PageClient(a.base()).language("fr");
            amina.login("amina", PASSWORD);
            Messages french = Messages.forLanguage("fr");
            // Titles are people's words, isolated inside the sentence (U+2068 … U+2069).
            assertTrue(amina.get("/me/notifications").body().contains(
                    french.get("notification.match", 1, Messages.isolate("We need a pram"))), "the match was announced in French");

            a.server().matching().links().unlink("block3", "@town@" + b.domain());
            assertNotNull(find(a, offer.getUri()).getDetachedAt(), "the copy is no longer held, from the unlink on");
            WaitFor.condition("the match is withdrawn", () -> state(a, match.getId()) == MatchEntity.State.WITHDRAWN);

            // Amina's view: the match is gone from her list, and she is told, in her language, on the page and the API.
            assertEquals(0, api(a, "/api/v1/me/matches", token).path("matches").size());
            JsonNode told = notificationOf(api(a, "/api/v1/me/notifications", token), "match-gone");
            assertNotNull(told, "a match-gone notification");
            assertEquals(request.getId(), told.path("proposalId").asLong(), "about her own request");
            String matchesPage = amina.get("/me/matches").body();
            assertFalse(matchesPage.contains("A pram, almost new"), matchesPage);
            assertTrue(matchesPage.contains("Mes correspondances"), "the page itself, in French: " + matchesPage);
            // Listing every state, it is there, said in French to be no longer linked, leading to no page it could be
            // answered from (the copy's page here is gone) and offering nothing to do.
            Document everyState = Jsoup.parse(amina.get("/me/matches?state=all").body());
            Element card = everyState.getElementById("match-" + match.getId());
            assertNotNull(card, everyState.html());
            assertTrue(card.text().contains("A pram, almost new"), card.html());
            assertEquals(french.get("matches.unlinked"), card.select(".closed").text(), card.html());
            assertTrue(card.select("a[href=" + "/remote-proposals/" + copy.getId() + "]").isEmpty(), card.html());
            assertEquals(List.of("/proposals/"), card.select("a").stream().map(link -> link.attr("href"))
                    .map(href -> URI.create(href).getPath().replaceAll("[^/]+$", "")).toList(),
                    "only her own request is a link: " + card.html());
            assertTrue(card.select("form, button").isEmpty(), card.html());
            // Her client reads the same fact: withdrawn, and because the link ended.
            JsonNode all = api(a, "/api/v1/me/matches?state=all", token).path("matches");
            assertEquals(1, all.size(), all.toString());
            assertEquals(match.getId(), all.get(0).path("id").asLong());
            assertEquals("withdrawn", all.get(0).path("state").asText());
            assertTrue(all.get(0).path("unlinked").asBoolean(), all.toString());
            String notices = amina.get("/me/notifications").body();
            assertTrue(notices.contains(french.get("notification.match-gone", Messages.isolate("We need a pram"))), notices);
            // Nor is the copy shown anywhere any more: not in the search, not by its id.
            assertFalse(api(a, "/api/v1/proposals?purpose=offer", token).toString().contains(offer.getUri()));
            assertEquals(404, status(a, "/api/v1/proposals/" + copy.getId(), token));
            // B sees the link end: A's community no longer follows its own.
            WaitFor.condition("B sees A's community leave", () -> b.server().matching().links().links("town").stream()
                    .noneMatch(l -> l.actorUri().endsWith("/groups/block3") && l.theyFollow()));

            // C delivers its own identical offer straight to A's inbox (its Create and its community's Announce): A
            // processes both and keeps nothing, since nobody on A follows C.
            ProposalEntity offerC = offer(c, "chen", "city", "A pram, almost new", Audience.PUBLIC);
            WaitFor.deliveriesDrained(c);
            for (String activityId : replayTo(c, offerC.getUri(), a.base() + "/inbox")) {
                assertEquals(InboundActivityEntity.State.DONE, WaitFor.inboundDone(a, activityId).getState());
            }
            assertNull(find(a, offerC.getUri()), "C's offer is not kept on A");

            // A new request after the unlink matches neither B's old offer nor C's. The matcher takes changes one at a
            // time, in order: once it has settled, the new request has been matched against the index as it is now.
            ProposalEntity second = request(a, "Still need a pram");
            a.server().matching().matcher().settled().get(20, TimeUnit.SECONDS);
            assertEquals(List.of(), matchesOf(a, second.getId()), "nothing matches after the unlink");
            assertEquals(0, api(a, "/api/v1/me/matches", token).path("matches").size());
        }
    }

    @Test
    void whatBWithdrawsWhileUnlinkedIsGoneOnceTheLinkIsBack() throws Exception {
        try (TestServers.Instance b = TestServers.start(); TestServers.Instance a = TestServers.start()) {
            a.server().localActors().createGroup("block3", "Block 3", null);
            a.server().localActors().createMember("amina", "Amina", PASSWORD, false);
            b.server().localActors().createGroup("town", "Town", null);
            b.server().localActors().createMember("bruno", "Bruno", PASSWORD, false);
            linkAndWait(a, "block3", b, "town");
            // B links back, so A's community is an approved follower of B's and receives its community-only posts too.
            linkAndWait(b, "town", a, "block3");

            ProposalEntity kept = offer(b, "bruno", "town", "A pram we keep offering", Audience.PUBLIC);
            ProposalEntity given = offer(b, "bruno", "town", "A pram given away meanwhile", Audience.PUBLIC);
            ProposalEntity quiet = offer(b, "bruno", "town", "A pram for the town only", Audience.COMMUNITY);
            List<ProposalEntity> offers = List.of(kept, given, quiet);
            offers.forEach(o -> WaitFor.value("A keeps " + o.getTitle(), () -> find(a, o.getUri())));
            ProposalEntity request = request(a, "We need a pram");
            WaitFor.condition("the request matches all three", () -> newMatches(a, request.getId()) == 3);

            a.server().matching().links().unlink("block3", "@town@" + b.domain());
            WaitFor.condition("the three matches are withdrawn", () -> newMatches(a, request.getId()) == 0);
            // B withdraws two of them while A no longer follows it (B may still tell A's server, which once had them).
            b.server().proposals().service().changeStatus("bruno", given.getId(), ProposalStatus.WITHDRAWN);
            b.server().proposals().service().changeStatus("bruno", quiet.getId(), ProposalStatus.WITHDRAWN);
            WaitFor.deliveriesDrained(b);
            for (ProposalEntity o : offers) {
                ProposalEntity onA = find(a, o.getUri());
                assertNotNull(onA.getDetachedAt(), "and holds it no longer: " + o.getTitle());
            }
            // The community-only one is not in B's public outbox: the backfill finds it among the copies A detached.
            assertFalse(outboxOf(b, "town").contains(quiet.getUri()));

            linkAndWait(a, "block3", b, "town");
            WaitFor.condition("the withdrawn ones answer 410 and are gone on A", () -> find(a, given.getUri()).isDeleted()
                    && find(a, quiet.getUri()).isDeleted());
            WaitFor.condition("the one still offered is held again", () -> find(a, kept.getUri()).getDetachedAt() == null);
            MatchEntity again = WaitFor.value("and matches again", () -> matchesOf(a, request.getId()).stream()
                    .filter(m -> m.getState() == MatchEntity.State.NEW).findFirst().orElse(null));
            assertEquals(find(a, kept.getUri()).getId(), again.getOfferId());
            a.server().matching().matcher().settled().get(20, TimeUnit.SECONDS);
            assertEquals(1, newMatches(a, request.getId()), "the withdrawn ones stay withdrawn");
            String token = new ApiTokens(a.server().db(), Clock.systemUTC()).create("amina", "test");
            JsonNode listed = api(a, "/api/v1/me/matches", token).path("matches");
            assertEquals(1, listed.size());
            assertEquals(kept.getUri(), listed.get(0).path("other").path("uri").asText());
        }
    }

    /**
     * The matcher checks the link itself: a copy whose link is gone does not match even when nothing marked the copy
     * (here A's follow row is removed behind the services' back, as a restore of an older backup might leave it).
     */
    @Test
    void theMatcherMatchesOnlyCopiesWhoseCommunityIsLinkedNow() throws Exception {
        try (TestServers.Instance b = TestServers.start(); TestServers.Instance a = TestServers.start()) {
            a.server().localActors().createGroup("block3", "Block 3", null);
            a.server().localActors().createMember("amina", "Amina", PASSWORD, false);
            b.server().localActors().createGroup("town", "Town", null);
            b.server().localActors().createMember("bruno", "Bruno", PASSWORD, false);
            linkAndWait(a, "block3", b, "town");
            ProposalEntity offer = offer(b, "bruno", "town", "A pram, almost new", Audience.PUBLIC);
            WaitFor.value("A keeps B's offer", () -> find(a, offer.getUri()));
            ProposalEntity first = request(a, "We need a pram");
            WaitFor.condition("it matches while the link stands", () -> newMatches(a, first.getId()) == 1);

            int removed = a.server().db().inTransaction(s -> s.createMutationQuery(
                    "delete from FollowEntity f where f.follower.local = true").executeUpdate());
            assertEquals(1, removed);
            assertNull(find(a, offer.getUri()).getDetachedAt(), "nothing told the copy");
            ProposalEntity second = request(a, "Another pram, please");
            a.server().matching().matcher().settled().get(20, TimeUnit.SECONDS);
            assertEquals(List.of(), matchesOf(a, second.getId()), "the copy's community is not linked now");
        }
    }

    private static void linkAndWait(TestServers.Instance from, String group, TestServers.Instance to, String other)
            throws Exception {
        from.server().matching().links().link(group, "@" + other + "@" + to.domain());
        WaitFor.condition(other + " accepts the link", () -> from.server().matching().links().links(group).stream()
                .anyMatch(l -> l.actorUri().endsWith("/groups/" + other) && l.accepted()));
    }

    private static Map<String, String> origin(int port) {
        return Map.of("WEFT_PORT", String.valueOf(port), "WEFT_BASE_URL", "http://localhost:" + port);
    }

    private static ProposalEntity offer(TestServers.Instance i, String member, String group, String title,
                                        Audience audience) {
        return i.server().proposals().service().create(member, ProposalDraft.builder().community(group)
                .purpose(Purpose.OFFER).language("en").title(title).description(title).categories("prams")
                .audience(audience).build());
    }

    private static ProposalEntity request(TestServers.Instance a, String title) {
        return a.server().proposals().service().create("amina", ProposalDraft.builder().community("block3")
                .purpose(Purpose.REQUEST).language("en").title(title).description("For our baby.").categories("prams")
                .build());
    }

    private static ProposalEntity find(TestServers.Instance i, String uri) {
        return i.server().db().inTransaction(s -> ProposalRepository.byUri(s, uri).orElse(null));
    }

    private static MatchEntity onlyMatch(TestServers.Instance i, long proposalId) {
        List<MatchEntity> found = matchesOf(i, proposalId);
        return found.size() == 1 ? found.get(0) : null;
    }

    private static List<MatchEntity> matchesOf(TestServers.Instance i, long proposalId) {
        return i.server().db().inTransaction(s -> MatchRepository.involving(s, proposalId));
    }

    private static long newMatches(TestServers.Instance i, long proposalId) {
        return matchesOf(i, proposalId).stream().filter(m -> m.getState() == MatchEntity.State.NEW).count();
    }

    private static MatchEntity.State state(TestServers.Instance i, long matchId) {
        return i.server().db().inTransaction(s -> s.find(MatchEntity.class, matchId).getState());
    }

    /** The ids of what the first page of a community's outbox lists. */
    private static List<String> outboxOf(TestServers.Instance i, String group) {
        JsonNode page = TestHttp.activityJson(i.base() + "/groups/" + group + "/outbox?page=1");
        List<String> objects = new ArrayList<>();
        page.path("orderedItems").forEach(item -> objects.add(item.path("object").isTextual()
                ? item.path("object").asText() : item.path("object").path("id").asText()));
        return objects;
    }

    /**
     * Has {@code from} deliver again, to {@code inbox}, the Create and Announce it sent for the proposal {@code uri}: its
     * own stored activities, signed and posted by its own delivery worker. Returns their ids.
     */
    private static List<String> replayTo(TestServers.Instance from, String uri, String inbox) {
        List<String> ids = from.server().db().inTransaction(s -> {
            List<OutboundActivityEntity> sent = s.createSelectionQuery("from OutboundActivityEntity where activityType in"
                            + " ('Create', 'Announce') and body like :uri", OutboundActivityEntity.class)
                    .setParameter("uri", "%\"" + uri + "\"%").getResultList();
            sent.forEach(activity -> DeliveryQueue.enqueue(s, activity, List.of(URI.create(inbox)), Instant.now()));
            return sent.stream().map(OutboundActivityEntity::getActivityUri).toList();
        });
        assertEquals(2, ids.size(), "the Create and the Announce: " + ids);
        from.server().deliveryWorker().poke();
        return ids;
    }

    private static JsonNode notificationOf(JsonNode list, String kind) {
        for (JsonNode n : list.path("items")) {
            if (kind.equals(n.path("kind").asText())) {
                return n;
            }
        }
        return null;
    }

    private static JsonNode api(TestServers.Instance i, String path, String token) {
        var response = TestHttp.send(request(i, path, token));
        assertEquals(200, response.statusCode(), response.body());
        return TestHttp.json(response.body());
    }

    private static int status(TestServers.Instance i, String path, String token) {
        return TestHttp.send(request(i, path, token)).statusCode();
    }

    private static HttpRequest request(TestServers.Instance i, String path, String token) {
        return HttpRequest.newBuilder(URI.create(i.base() + path)).header("Authorization", "Bearer " + token).GET().build();
    }
}
