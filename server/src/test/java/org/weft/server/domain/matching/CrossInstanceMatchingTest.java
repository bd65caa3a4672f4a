package org.weft.server.domain.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.weft.server.domain.InvalidInputException;
import org.weft.server.domain.account.ApiTokens;
import org.weft.server.domain.follow.CommunityLink;
import org.weft.server.domain.proposal.ProposalDraft;
import org.weft.server.model.ProposalStatus;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.DeliveryEntity;
import org.weft.server.persistence.FollowEntity;
import org.weft.server.persistence.MatchEntity;
import org.weft.server.persistence.MatchRepository;
import org.weft.server.persistence.OutboundActivityEntity;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.persistence.ProposalRepository;
import org.weft.server.queue.DeliveryQueue;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;

/**
 * Three Weft instances: A's community links to B's, not to C's (which A's allow-list refuses). A request on A
 * matches B's offer and never C's identical one, even when C links to A and delivers its offer to A's inbox;
 * withdrawing B's offer withdraws the match; an offer that ends is withdrawn by A's expiry and does not match
 * afterwards; each member sees the match through the API and can dismiss it for themselves.
 */
class CrossInstanceMatchingTest {

    @Test
    void aRequestOnAMatchesAnOfferOnALinkedInstanceOnly() throws Exception {
        int portB = TestServers.freePort();
        try (TestServers.Instance b = TestServers.start(origin(portB));
             TestServers.Instance c = TestServers.start();
             TestServers.Instance a = TestServers.start(Map.of("WEFT_FEDERATION_LINK_ALLOW", "localhost:" + portB))) {
            a.server().localActors().createGroup("block3", "Block 3", null);
            a.server().localActors().createMember("amina", "Amina", "a long enough password", false);
            b.server().localActors().createGroup("town", "Town", null);
            b.server().localActors().createMember("bruno", "Bruno", "a long enough password", false);
            c.server().localActors().createGroup("city", "City", null);
            c.server().localActors().createMember("chen", "Chen", "a long enough password", false);

            InvalidInputException refused = assertThrows(InvalidInputException.class,
                    () -> a.server().matching().links().link("block3", "@city@" + c.domain()));
            assertTrue(refused.getMessage().contains("not allowed"), refused.getMessage());
            assertEquals(0L, followsFrom(a));

            a.server().matching().links().link("block3", "@town@" + b.domain());
            WaitFor.condition("B's community accepts the link", () -> accepted(a) == 1);
            b.server().matching().links().link("town", "@block3@" + a.domain()); // B follows back
            WaitFor.condition("the link is mutual", () -> a.server().matching().links().links("block3").stream()
                    .anyMatch(CommunityLink::mutual));

            // C links to A the other way round, which A cannot refuse (its allow-list limits only the follows it sends).
            c.server().matching().links().link("city", "@block3@" + a.domain());
            WaitFor.condition("A's community accepts C's follow", () -> accepted(c) == 1);

            ProposalEntity offerB = offer(b, "bruno", "town", "A pram, almost new", null);
            ProposalEntity offerC = offer(c, "chen", "city", "A pram, almost new", null);
            WaitFor.value("A keeps B's offer", () -> find(a, offerB.getUri()));

            ProposalEntity request = a.server().proposals().service().create("amina", ProposalDraft.builder()
                    .community("block3").purpose(Purpose.REQUEST).language("en").title("We need a pram")
                    .description("For our baby, for a few weeks.").categories("prams").build());
            MatchEntity match = WaitFor.value("the request matches B's offer", () -> onlyMatch(a, request.getId()));
            assertEquals(find(a, offerB.getUri()).getId(), match.getOfferId());
            assertEquals(MatchEntity.State.NEW, match.getState());
            assertTrue(Reason.decodeAll(match.getReasons()).contains(new Reason(ReasonCode.SAME_CATEGORY, "prams")),
                    match.getReasons());

            // C's offer does not come to A through the link C made. C then delivers its own signed Create of the offer,
            // and its community's Announce, straight to A's inbox (as a server A once followed would): A verifies and
            // stores both, and processes them, but keeps no copy, since nobody on A follows C or its community.
            WaitFor.deliveriesDrained(c);
            List<String> pushed = deliverToInbox(c, offerC.getUri(), a.base() + "/inbox");
            pushed.forEach(activityId -> WaitFor.inboundDone(a, activityId));
            WaitFor.deliveriesDrained(c);
            assertEquals(2L, deliveredTo(c, a.base() + "/inbox", pushed), "A took both (202) before deciding what to keep");
            assertEquals(null, find(a, offerC.getUri()), "C's offer is not kept on A");
            assertEquals(match.getId(), onlyMatch(a, request.getId()).getId(), "the request's one match is B's offer");
            // B holds A's request too (B's community follows A's), so B finds the same pair for its own member:
            // each instance tells its own side, and neither tells the other's server anything.
            MatchEntity onB = WaitFor.value("B matches A's request to Bruno's offer", () -> onlyMatch(b, offerB.getId()));
            assertEquals(find(b, request.getUri()).getId(), onB.getRequestId());

            String token = new ApiTokens(a.server().db(), Clock.systemUTC()).create("amina", "test");
            JsonNode listed = api(a, "GET", "/api/v1/me/matches", token).path("matches");
            assertEquals(1, listed.size());
            assertEquals("We need a pram", listed.get(0).path("mine").path("title").asText());
            assertEquals(offerB.getUri(), listed.get(0).path("other").path("uri").asText());
            assertTrue(listed.get(0).path("reasonText").asText().startsWith("same category: prams and pushchairs"),
                    listed.get(0).path("reasonText").asText());
            assertTrue(listed.get(0).path("other").path("author").isMissingNode(), "nothing names the other member");
            assertEquals(1L, (long) a.server().db().inTransaction(s -> s.createSelectionQuery(
                    "select count(*) from NotificationEntity where kind = 'match' and proposalId = :p", Long.class)
                    .setParameter("p", request.getId()).getSingleResult()));

            b.server().proposals().service().changeStatus("bruno", offerB.getId(), ProposalStatus.WITHDRAWN);
            WaitFor.condition("withdrawing B's offer withdraws the match on A",
                    () -> state(a, match.getId()) == MatchEntity.State.WITHDRAWN);
            assertEquals(0, api(a, "GET", "/api/v1/me/matches", token).path("matches").size());

            // An offer that ends soon matches while it is open; when its end passes, A's expiry withdraws the match.
            // Its end leaves time for B to deliver it and A to match it; on a machine too slow for that, the wait for
            // the match fails (it does not pass without the expiry having been tried).
            Instant soon = Instant.now().plusSeconds(8);
            ProposalEntity shortOffer = offer(b, "bruno", "town", "Another pram, today only", soon);
            ProposalEntity shortCopy = WaitFor.value("A keeps the short offer", () -> find(a, shortOffer.getUri()));
            MatchEntity shortMatch = WaitFor.value("the short offer matches the request before it ends",
                    () -> matchesOf(a, request.getId()).stream().filter(m -> m.getOfferId().equals(shortCopy.getId())
                            && m.getState() == MatchEntity.State.NEW).findFirst().orElse(null));
            assertEquals(shortOffer.getUri(), api(a, "GET", "/api/v1/me/matches", token).path("matches").get(0)
                    .path("other").path("uri").asText());
            WaitFor.condition("the short offer has ended", () -> Instant.now().isAfter(soon));
            long appliedBefore = a.server().matching().matcher().applied();
            a.server().matching().matcher().expireDue();
            ProposalEntity second = a.server().proposals().service().create("amina", ProposalDraft.builder()
                    .community("block3").purpose(Purpose.REQUEST).title("Still need a pram").categories("prams").build());
            WaitFor.condition("the matcher has applied the expiry and the second request",
                    () -> a.server().matching().matcher().applied() >= appliedBefore + 2);
            assertEquals(MatchEntity.State.WITHDRAWN, state(a, shortMatch.getId()), "the expiry withdrew the match");
            assertEquals(ProposalStatus.OPEN, find(a, shortOffer.getUri()).getStatus(),
                    "A withdrew it by its own clock: B had told A nothing");
            assertEquals(0, api(a, "GET", "/api/v1/me/matches", token).path("matches").size());
            assertEquals(0, matchesOf(a, second.getId()).size(), "an expired offer never matches");

            b.server().matching().links().unlink("town", "@block3@" + a.domain());
            String town = b.base() + "/groups/town";
            WaitFor.condition("B's unlinking shows on A", () -> a.server().matching().links().links("block3").stream()
                    .noneMatch(l -> l.actorUri().equals(town) && l.theyFollow()));
        }
    }

    @Test
    void aMemberDismissesAMatchForThemselvesAndCannotTouchOthers() throws Exception {
        try (TestServers.Instance a = TestServers.start()) {
            a.server().localActors().createGroup("block3", "Block 3", null);
            a.server().localActors().createMember("amina", "Amina", "a long enough password", false);
            a.server().localActors().createMember("omar", "Omar", "a long enough password", false);
            a.server().localActors().createMember("eve", "Eve", "a long enough password", false);
            ProposalEntity offer = offer(a, "omar", "block3", "Bread every morning", null, "bread");
            ProposalEntity request = a.server().proposals().service().create("amina", ProposalDraft.builder()
                    .community("block3").purpose(Purpose.REQUEST).title("Bread please").categories("bread").build());
            MatchEntity match = WaitFor.value("local request and local offer match", () -> onlyMatch(a, request.getId()));
            assertEquals(offer.getId(), match.getOfferId());
            assertEquals(1, matchNotifications(a, "amina"), "Amina is told");
            assertEquals(1, matchNotifications(a, "omar"), "so is Omar");

            ApiTokens tokens = new ApiTokens(a.server().db(), Clock.systemUTC());
            String eve = tokens.create("eve", "test");
            assertEquals(404, status(a, "POST", "/api/v1/matches/" + match.getId() + "/dismiss", eve));
            assertEquals(401, status(a, "GET", "/api/v1/me/matches", "not-a-token"));
            String amina = tokens.create("amina", "test");
            String omar = tokens.create("omar", "test");
            assertEquals("dismissed", api(a, "POST", "/api/v1/matches/" + match.getId() + "/dismiss", amina)
                    .path("state").asText());
            assertEquals(0, api(a, "GET", "/api/v1/me/matches", amina).path("matches").size());
            JsonNode all = api(a, "GET", "/api/v1/me/matches?state=all", amina).path("matches");
            assertEquals(1, all.size());
            assertEquals("dismissed", all.get(0).path("state").asText());

            // Omar, the other member of the pair, still has the match: in his list, as new, and his notification.
            JsonNode omars = api(a, "GET", "/api/v1/me/matches", omar).path("matches");
            assertEquals(1, omars.size(), "Amina's dismissal is hers alone: " + omars);
            assertEquals("new", omars.get(0).path("state").asText());
            assertEquals("Bread please", omars.get(0).path("other").path("title").asText());
            assertEquals(1, matchNotifications(a, "omar"));
            assertEquals(1, matchNotifications(a, "amina"), "dismissing deletes no notification");

            // Counted before the edit: the matcher may apply it before the next line runs.
            long before = a.server().matching().matcher().applied();
            a.server().proposals().service().edit("amina", request.getId(),
                    ProposalDraft.builder().title("Bread, please").build());
            WaitFor.condition("the edit is applied", () -> a.server().matching().matcher().applied() > before);
            assertEquals(0, api(a, "GET", "/api/v1/me/matches", amina).path("matches").size(), "still dismissed");
            assertEquals(1, api(a, "GET", "/api/v1/me/matches", omar).path("matches").size(), "still Omar's");

            // Omar promises his offer, then opens it again: the pair is withdrawn, then new again. Omar is told again;
            // Amina, who said no to it, is not, and it stays out of her list. (Both read their notifications first, so
            // "told" is an unread match notification, however notifications are grouped.)
            api(a, "POST", "/api/v1/me/notifications/read", omar);
            api(a, "POST", "/api/v1/me/notifications/read", amina);
            long promised = a.server().matching().matcher().applied();
            a.server().proposals().service().changeStatus("omar", offer.getId(), ProposalStatus.PROMISED);
            WaitFor.condition("the promise is applied", () -> a.server().matching().matcher().applied() > promised);
            assertEquals(MatchEntity.State.WITHDRAWN, state(a, match.getId()));
            assertEquals(0, api(a, "GET", "/api/v1/me/matches", omar).path("matches").size());
            long reopened = a.server().matching().matcher().applied();
            a.server().proposals().service().changeStatus("omar", offer.getId(), ProposalStatus.OPEN);
            WaitFor.condition("the reopening is applied", () -> a.server().matching().matcher().applied() > reopened);
            assertEquals(MatchEntity.State.NEW, state(a, match.getId()));
            assertEquals(1, api(a, "GET", "/api/v1/me/matches", omar).path("matches").size());
            assertEquals(1, unreadMatchNotifications(a, omar), "Omar is told of the match again");
            assertEquals(0, api(a, "GET", "/api/v1/me/matches", amina).path("matches").size());
            assertEquals(0, unreadMatchNotifications(a, amina), "Amina is not told again of what she dismissed");

            assertEquals("dismissed", api(a, "POST", "/api/v1/matches/" + match.getId() + "/dismiss", omar)
                    .path("state").asText());
            assertEquals(0, api(a, "GET", "/api/v1/me/matches", omar).path("matches").size());
        }
    }

    private static long unreadMatchNotifications(TestServers.Instance i, String token) {
        long unread = 0;
        for (JsonNode n : api(i, "GET", "/api/v1/me/notifications?unread=true", token).path("items")) {
            unread += "match".equals(n.path("kind").asText()) ? 1 : 0;
        }
        return unread;
    }

    private static long matchNotifications(TestServers.Instance i, String username) {
        return i.server().db().inTransaction(s -> s.createSelectionQuery("select count(*) from NotificationEntity n,"
                        + " ActorEntity m where n.memberId = m.id and m.local = true and m.username = :u and n.kind = 'match'",
                        Long.class).setParameter("u", username).getSingleResult());
    }

    private static Map<String, String> origin(int port) {
        return Map.of("WEFT_PORT", String.valueOf(port), "WEFT_BASE_URL", "http://localhost:" + port);
    }

    private static ProposalEntity offer(TestServers.Instance i, String member, String group, String title, Instant ends) {
        return offer(i, member, group, title, ends, "prams");
    }

    private static ProposalEntity offer(TestServers.Instance i, String member, String group, String title, Instant ends,
                                        String concept) {
        return i.server().proposals().service().create(member, ProposalDraft.builder().community(group).purpose(Purpose.OFFER)
                .language("en").title(title).description(title).categories(concept).endsAt(ends).build());
    }

    private static ProposalEntity find(TestServers.Instance i, String uri) {
        return i.server().db().inTransaction(s -> ProposalRepository.byUri(s, uri).orElse(null));
    }

    private static MatchEntity onlyMatch(TestServers.Instance i, long proposalId) {
        List<MatchEntity> found = i.server().db().inTransaction(s -> MatchRepository.involving(s, proposalId));
        return found.size() == 1 ? found.get(0) : null;
    }

    private static List<MatchEntity> matchesOf(TestServers.Instance i, long proposalId) {
        return i.server().db().inTransaction(s -> MatchRepository.involving(s, proposalId));
    }

    /**
     * Has {@code from} deliver again, to {@code inbox}, the Create and Announce it sent for the proposal {@code uri}: its
     * own stored activities, signed and posted by its delivery worker. Returns their ids.
     */
    private static List<String> deliverToInbox(TestServers.Instance from, String uri, String inbox) {
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

    private static long deliveredTo(TestServers.Instance i, String inbox, List<String> activityIds) {
        return i.server().db().inTransaction(s -> s.createSelectionQuery("select count(*) from DeliveryEntity d,"
                        + " OutboundActivityEntity a where d.activityId = a.id and a.activityUri in (:ids) and d.inbox = :inbox"
                        + " and d.state = :delivered", Long.class)
                .setParameterList("ids", activityIds).setParameter("inbox", inbox)
                .setParameter("delivered", DeliveryEntity.State.DELIVERED).getSingleResult());
    }

    private static MatchEntity.State state(TestServers.Instance i, long matchId) {
        return i.server().db().inTransaction(s -> s.find(MatchEntity.class, matchId).getState());
    }

    private static long followsFrom(TestServers.Instance i) {
        return i.server().db().inTransaction(s -> s.createSelectionQuery(
                "select count(*) from FollowEntity f where f.follower.local = true", Long.class).getSingleResult());
    }

    private static long accepted(TestServers.Instance i) {
        return i.server().db().inTransaction(s -> s.createSelectionQuery(
                "select count(*) from FollowEntity f where f.follower.local = true and f.state = :st", Long.class)
                .setParameter("st", FollowEntity.State.ACCEPTED).getSingleResult());
    }

    private static JsonNode api(TestServers.Instance i, String method, String path, String token) {
        var response = TestHttp.send(request(i, method, path, token));
        assertEquals(200, response.statusCode(), response.body());
        return TestHttp.json(response.body());
    }

    private static int status(TestServers.Instance i, String method, String path, String token) {
        return TestHttp.send(request(i, method, path, token)).statusCode();
    }

    private static HttpRequest request(TestServers.Instance i, String method, String path, String token) {
        return HttpRequest.newBuilder(URI.create(i.base() + path)).header("Authorization", "Bearer " + token)
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
    }
}
