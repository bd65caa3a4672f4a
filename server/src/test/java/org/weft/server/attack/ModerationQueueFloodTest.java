package org.weft.server.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.weft.server.api.ApiClient.expect;
import static org.weft.server.attack.WaitingQueueHtml.cards;
import static org.weft.server.attack.WaitingQueueHtml.section;
import static org.weft.server.attack.WaitingQueueHtml.shownPosts;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.weft.activitypub.jsonld.JsonLdCodec;
import org.weft.server.api.ApiClient;
import org.weft.server.domain.moderation.ModerationService;
import org.weft.server.domain.proposal.CommunityBoosts;
import org.weft.server.domain.proposal.ProposalDraft;
import org.weft.server.model.ModerationActionKind;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.ModerationActionEntity;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.queue.Outbox;
import org.weft.server.testing.HeldPosts;
import org.weft.server.testing.MastodonPeer;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;
import org.weft.server.ui.PageClient;
import org.weft.web.i18n.Messages;

/**
 * One remote account floods a community's queue of waiting posts (1,050 signed posts over HTTP, more than a batch of
 * the turn-down and more than a page of the matcher's poll of decisions), then three other people's posts arrive.
 * Seen by each person, over time:
 * <ul>
 *   <li>the moderator: the page shows the total, the flooding account once (its count, its last post) and the three
 *   others' posts on the first page; its own posts one by one are paged 50 at a time; one click keeps all 1,050 off
 *   the board, and the page is then three posts long;</li>
 *   <li>the flooder: nothing of it reaches the board or is announced, before or after;</li>
 *   <li>a member reading the board: the board is as it was;</li>
 *   <li>the log's reader: one line, "1,050 waiting posts turned down", on the account, in English and Arabic and JSON;</li>
 *   <li>afterwards, a decision taken elsewhere (the command line) is still heard by the server and matched.</li>
 * </ul>
 * A member who does not moderate can neither look nor turn anything down. Blocking an account in a community turns
 * down its waiting posts there too, after asking first.
 */
class ModerationQueueFloodTest {
    private static final int FLOOD = 1_050;
    private static final String PASSWORD = "correct horse battery";

    @Test
    void aFloodFromOneAccountIsOneEntryAndOneClickKeepsItAllOffTheBoard() throws Exception {
        // The inbox quotas would stop this sender first; turned off to see the moderators' queue alone.
        try (TestServers.Instance weft = TestServers.start(Map.of("WEFT_INBOX_ACTOR_ACTIVITIES_PER_HOUR", "0",
                "WEFT_INBOX_HOST_ACTIVITIES_PER_HOUR", "0", "WEFT_INBOX_HOST_RATE", "0"));
             MastodonPeer mastodon = new MastodonPeer(weft.base())) {
            var actors = weft.server().localActors();
            actors.createGroup("block3", "Block 3", null);
            for (String name : List.of("amina", "carla")) {
                actors.createMember(name, name, PASSWORD, false);
            }
            weft.server().moderators().add("block3", "amina", Optional.empty());
            weft.server().proposals().service().create("carla", ProposalDraft.builder().community("block3")
                    .purpose(Purpose.REQUEST).language("en").title("We need a tent").description("For a family of five.")
                    .categories("tents").build());
            HeldPosts posts = HeldPosts.following(weft, mastodon, "block3");
            PageClient carla = new PageClient(weft.base());
            carla.login("carla", PASSWORD);
            String boardBefore = cards(carla.get("/board/block3").body());
            assertTrue(boardBefore.contains("We need a tent"), boardBefore);

            // The flood: 1,050 offers from one account nobody here follows, eight at a time.
            String flooder = mastodon.serveUser("flood");
            URI inbox = URI.create(weft.base() + "/inbox");
            String group = weft.base() + "/groups/block3";
            try (ExecutorService senders = Executors.newFixedThreadPool(8)) {
                List<Future<HttpResponse<String>>> answers = new ArrayList<>();
                for (int i = 0; i < FLOOD; i++) {
                    String body = TentOffers.create(mastodon.origin(), flooder, "flood-" + i, "Flood tent " + i, group);
                    answers.add(senders.submit(() -> mastodon.deliverAs(flooder, inbox, body)));
                }
                for (Future<HttpResponse<String>> answer : answers) {
                    assertEquals(202, answer.get().statusCode(), answer.get().body());
                }
            }
            WaitFor.condition(FLOOD + " Creates processed", Duration.ofSeconds(300),
                    () -> Attacks.inboundPending(weft, flooder) == 0);
            long flooderId = weft.server().db().inTransaction(s -> ActorRepository.byUri(s, flooder)).orElseThrow().getId();
            assertEquals(FLOOD, waitingOf(weft, flooderId), "every flood post waits");

            // Then three other people's posts, which must not drown: the oldest page would hold only the flood's.
            ProposalEntity ngozi = posts.receiveFrom("ngozi", HeldPosts.UNSURE);
            ProposalEntity rosa = posts.receive(HeldPosts.UNSURE.replace("kettle", "toaster"));
            String sam = mastodon.serveUser("sam");
            String samOffer = TentOffers.create(mastodon.origin(), sam, "sam-1", "A spare tent for four", group);
            assertEquals(202, mastodon.deliverAs(sam, inbox, samOffer).statusCode());
            WaitFor.inboundDone(weft, TestHttp.json(samOffer).path("id").asText());
            ProposalEntity samPost = byUri(weft, TestHttp.json(samOffer).path("object").path("id").asText());
            // In the page's order: by publication time as each server wrote it (FEP-0837's to the second), then number.
            List<Long> others = Stream.of(ngozi, rosa, samPost)
                    .sorted(Comparator.comparing(ProposalEntity::getPublishedAt).thenComparing(ProposalEntity::getId))
                    .map(ProposalEntity::getId).toList();
            for (long id : others) {
                assertEquals(ProposalEntity.Moderation.PENDING, find(weft, id).getModeration());
            }

            // The moderator's first page: the total, the flooder once, and the three others' posts.
            Messages en = Messages.forLanguage("en");
            PageClient amina = new PageClient(weft.base()).language("en");
            amina.login("amina", PASSWORD);
            String page = amina.get("/moderate/block3/posts").body();
            assertTrue(page.contains(en.get("moderation.postsTotal", FLOOD + 3)), "the total: " + FLOOD + 3);
            String account = section(page, "account-" + flooderId);
            assertTrue(account.contains(en.get("moderation.accountCount", FLOOD)), account);
            assertTrue(account.contains(en.get("moderation.turnDownAll", FLOOD)), account);
            assertTrue(account.contains(lastTitle(weft, flooderId)), "its last post as a sample: " + account);
            assertTrue(account.contains("?account=" + flooderId), "its posts one by one");
            assertEquals(others, shownPosts(page), "the others' posts, oldest first, and no flood post");
            assertFalse(page.contains("rel=\"next\""), "one page: the flood is one entry");
            assertFalse(page.contains("moderation."), "no raw message key");

            Messages ar = Messages.forLanguage("ar");
            PageClient aminaAr = new PageClient(weft.base()).language("ar");
            aminaAr.login("amina", PASSWORD);
            String arabic = aminaAr.get("/moderate/block3/posts").body();
            assertTrue(arabic.contains(ar.get("moderation.accountCount", FLOOD)) && arabic.contains(ar.get(
                    "moderation.postsTotal", FLOOD + 3)) && arabic.contains("dir=\"rtl\""), "Arabic, with its plurals");
            assertFalse(arabic.contains("moderation."), "no raw message key");

            // Its posts one by one, 50 a page, oldest first, each page starting just past the last.
            Set<Long> seen = new HashSet<>();
            String next = "/moderate/block3/posts?account=" + flooderId;
            int pages = 0;
            while (next != null && pages < 3) {
                String one = amina.get(next).body();
                List<Long> ids = shownPosts(one);
                assertEquals(50, ids.size(), next);
                assertTrue(ids.stream().noneMatch(seen::contains), "no post twice");
                assertTrue(ids.stream().noneMatch(others::contains), "only the flooder's");
                seen.addAll(ids);
                Matcher more = Pattern.compile("href=\"([^\"]+)\" rel=\"next\"").matcher(one);
                next = more.find() ? more.group(1).replace("&amp;", "&") : null;
                pages++;
            }
            assertEquals(150, seen.size());
            assertTrue(next != null && next.contains("account=" + flooderId), "more pages of the flood remain: " + next);

            // Someone who does not moderate the community can neither look nor turn anything down.
            assertEquals(403, carla.get("/moderate/block3/posts").statusCode());
            assertEquals(403, carla.submit("/me/matches", "/moderate/block3/posts/turn-down",
                    Map.of("account", "" + flooderId)).statusCode());
            assertEquals(FLOOD, waitingOf(weft, flooderId), "nothing turned down");

            // One click: all 1,050 are kept off the board; the others' posts still wait; the page is short.
            HttpResponse<String> done = amina.submit("/moderate/block3/posts", "/moderate/block3/posts/turn-down",
                    Map.of("account", "" + flooderId));
            assertEquals(303, done.statusCode());
            assertEquals(0, waitingOf(weft, flooderId));
            assertEquals(FLOOD, weft.server().db().inTransaction(s -> s.createSelectionQuery("select count(*) from"
                    + " ProposalEntity p where p.author.id = :a and p.moderation = :r and p.moderatedAt is not null",
                    Long.class).setParameter("a", flooderId).setParameter("r", ProposalEntity.Moderation.REJECTED)
                    .getSingleResult()).intValue(), "each turned down as a single decision is");
            for (long id : others) {
                assertEquals(ProposalEntity.Moderation.PENDING, find(weft, id).getModeration(), "the others still wait");
            }
            String after = amina.get(done.headers().firstValue("location").orElseThrow()).body();
            assertTrue(after.contains(en.get("notice.postsTurnedDown")), after);
            assertTrue(after.contains(en.get("moderation.postsTotal", 3)));
            assertFalse(after.contains("waiting-account"), "no account shown grouped any more");
            assertEquals(others, shownPosts(after));

            // The flooder: nothing reached the board, nothing was announced; the board reads as before.
            String boardAfter = cards(carla.get("/board/block3").body());
            assertEquals(boardBefore, boardAfter, "a member reading the board sees it unchanged");
            assertFalse(carla.get("/board/block3").body().contains("Flood tent"));
            assertFalse(TestHttp.get(weft.base() + "/board/block3", "text/html").body().contains("Flood tent"));
            assertEquals(0L, (long) weft.server().db().inTransaction(s -> s.createSelectionQuery("select count(*) from"
                    + " OutboundActivityEntity o where o.activityType = 'Announce' and o.body like '%/proposals/flood-%'",
                    Long.class).getSingleResult()), "no flood post announced");

            // The log's reader: one line for the 1,050, on the account, in English, Arabic and JSON.
            List<ModerationActionEntity> log = weft.server().safety().log().forCommunity(
                    weft.server().db().inTransaction(s -> ActorRepository.byUri(s, group)).orElseThrow().getId());
            assertEquals(1, log.size(), "one line, not 1,050");
            assertEquals(ModerationActionKind.POSTS_TURNED_DOWN, log.get(0).getKind());
            assertEquals(flooder, log.get(0).getTarget());
            String logPage = TestHttp.get(weft.base() + "/moderation-log/block3", "text/html").body();
            assertTrue(logPage.contains(en.get("moderationLog.kind.postsTurnedDown", FLOOD)) && logPage.contains(flooder),
                    logPage);
            assertTrue(logPage.contains("1,050 waiting posts turned down"), "the number as a reader reads it");
            String arabicLog = new PageClient(weft.base()).language("ar").get("/moderation-log/block3").body();
            assertTrue(arabicLog.contains(ar.get("moderationLog.kind.postsTurnedDown", FLOOD)), arabicLog);
            JsonNode json = TestHttp.json(TestHttp.get(weft.base() + "/moderation-log/block3?format=json",
                    "application/json").body()).path("items");
            assertEquals(1, json.size(), json.toString());
            assertEquals("posts_turned_down", json.get(0).path("kind").asText());
            assertEquals(FLOOD, json.get(0).path("count").asInt());

            // Later, the command line (another process) puts sam's tent on the board: the server still hears decisions
            // past the 1,050 taken at one instant, and matches it with carla's request.
            ModerationService cli = new ModerationService(weft.server().db(), new CommunityBoosts(new Outbox(
                    weft.server().urls(), new JsonLdCodec(), Clock.systemUTC()), weft.server().urls()), Clock.systemUTC());
            cli.approve(samPost.getId());
            WaitFor.condition("sam's tent is matched with carla's request", Duration.ofSeconds(30), () -> {
                weft.server().hearModerationDecisions();
                return count(weft, "select count(*) from MatchEntity") == 1;
            });
            assertTrue(cards(carla.get("/board/block3").body()).contains("A spare tent for four"));
            assertEquals(0, count(weft, "select count(*) from MatchEntity m where m.offerId in (select p.id from ProposalEntity p"
                    + " where p.uri like '%/proposals/flood-%')"),
                    "no flood post ever matched");
        }
    }

    @Test
    void blockingAnAccountAsksFirstThenKeepsItsWaitingPostsOffTheBoard() throws Exception {
        try (TestServers.Instance weft = TestServers.start(); MastodonPeer mastodon = new MastodonPeer(weft.base())) {
            var actors = weft.server().localActors();
            actors.createGroup("block3", "Block 3", null);
            actors.createGroup("port", "Port", null);
            actors.createMember("amina", "amina", PASSWORD, false);
            weft.server().moderators().add("block3", "amina", Optional.empty());
            String flooder = mastodon.serveUser("flood");
            URI inbox = URI.create(weft.base() + "/inbox");
            for (int i = 0; i < 4; i++) {
                for (String community : List.of("block3", "port")) {
                    String body = TentOffers.create(mastodon.origin(), flooder, community + "-" + i,
                            "Flood tent " + community + i, weft.base() + "/groups/" + community);
                    assertEquals(202, mastodon.deliverAs(flooder, inbox, body).statusCode());
                    WaitFor.inboundDone(weft, TestHttp.json(body).path("id").asText());
                }
            }
            long flooderId = weft.server().db().inTransaction(s -> ActorRepository.byUri(s, flooder)).orElseThrow().getId();
            assertEquals(4, waitingOf(weft, flooderId, "block3"));

            PageClient amina = new PageClient(weft.base()).language("en");
            amina.login("amina", PASSWORD);
            Messages en = Messages.forLanguage("en");
            HttpResponse<String> asked = amina.submit("/moderate/block3/posts", "/moderate/block3/posts/block",
                    Map.of("account", "" + flooderId));
            assertEquals(200, asked.statusCode(), "asks first");
            assertTrue(asked.body().contains(en.get("confirm.blockWaitingAccount")), asked.body());
            assertEquals(4, waitingOf(weft, flooderId, "block3"), "asking changes nothing");

            HttpResponse<String> blocked = amina.submit("/moderate/block3/posts", "/moderate/block3/posts/block",
                    Map.of("account", "" + flooderId, "confirm", "yes"));
            assertEquals(303, blocked.statusCode());
            assertEquals(0, waitingOf(weft, flooderId, "block3"), "its waiting posts are kept off the board");
            assertEquals(4, waitingOf(weft, flooderId, "port"), "only in the community that blocked it");
            assertTrue(weft.server().safety().accounts().blockedBy(weft.server().db().inTransaction(s ->
                    ActorRepository.byUri(s, weft.base() + "/groups/block3")).orElseThrow().getId()).stream()
                    .anyMatch(b -> b.getBlocked().getId() == flooderId));
            JsonNode log = TestHttp.json(TestHttp.get(weft.base() + "/moderation-log/block3?format=json",
                    "application/json").body()).path("items");
            List<String> kinds = new ArrayList<>();
            log.forEach(item -> kinds.add(item.path("kind").asText() + " " + item.path("target").asText() + " "
                    + item.path("count").asInt()));
            assertEquals(2, kinds.size(), kinds.toString());
            assertTrue(kinds.contains("account_blocked " + flooder + " 0") && kinds.contains("posts_turned_down " + flooder
                    + " 4"), kinds.toString());
            WaitFor.condition("the Block reaches Mastodon", () -> mastodon.inboxPosts().stream()
                    .anyMatch(r -> "Block".equals(TestHttp.json(r.getBodyAsString()).path("type").asText())));
        }
    }

    /**
     * The block form and the one account's page name an account by its number and show its address, so a moderator of
     * block3 gets them only for an account block3 has met. Amina probes with the number of a flooder who posted only
     * to port, of a member of this server who posted nothing, and of none, asking, confirming and opening the account's
     * page: the 404 of an account that does not exist, in Spanish, never the address, and nothing is blocked or turned
     * down. The account whose posts wait in block3 is still asked about.
     */
    @Test
    void aModeratorMayNameOnlyAnAccountHerCommunityHasMet() throws Exception {
        try (TestServers.Instance weft = TestServers.start(); MastodonPeer mastodon = new MastodonPeer(weft.base())) {
            var actors = weft.server().localActors();
            actors.createGroup("block3", "Block 3", null);
            actors.createGroup("port", "Port", null);
            actors.createMember("amina", "amina", PASSWORD, false);
            ApiClient hana = ApiClient.newMember(weft, "hana", "Hana");
            weft.server().moderators().add("block3", "amina", Optional.empty());
            String elsewhere = mastodon.serveUser("flood");
            String here = mastodon.serveUser("spam");
            URI inbox = URI.create(weft.base() + "/inbox");
            for (int i = 0; i < 2; i++) {
                for (String[] sent : List.of(new String[] {elsewhere, "port"}, new String[] {here, "block3"})) {
                    String body = TentOffers.create(mastodon.origin(), sent[0], sent[1] + "-" + i,
                            "Flood tent " + sent[1] + i, weft.base() + "/groups/" + sent[1]);
                    assertEquals(202, mastodon.deliverAs(sent[0], inbox, body).statusCode());
                    WaitFor.inboundDone(weft, TestHttp.json(body).path("id").asText());
                }
            }
            long elsewhereId = weft.server().db().inTransaction(s -> ActorRepository.byUri(s, elsewhere)).orElseThrow().getId();
            long hereId = weft.server().db().inTransaction(s -> ActorRepository.byUri(s, here)).orElseThrow().getId();
            long hanaId = weft.server().db().inTransaction(s -> ActorRepository.byUri(s, weft.base() + "/users/hana"))
                    .orElseThrow().getId();
            assertEquals(2, waitingOf(weft, elsewhereId, "port"));

            PageClient amina = new PageClient(weft.base()).language("es");
            amina.login("amina", PASSWORD);
            String notFound = Messages.forLanguage("es").get("error.notFound");
            for (long account : List.of(elsewhereId, hanaId, 999999L)) {
                List<HttpResponse<String>> probes = List.of(
                        amina.submit("/moderate/block3/posts", "/moderate/block3/posts/block", Map.of("account", "" + account)),
                        amina.submit("/moderate/block3/posts", "/moderate/block3/posts/block",
                                Map.of("account", "" + account, "confirm", "yes")),
                        amina.submit("/moderate/block3/posts", "/moderate/block3/posts/turn-down",
                                Map.of("account", "" + account)),
                        amina.get("/moderate/block3/posts?account=" + account));
                for (HttpResponse<String> probed : probes) {
                    assertEquals(404, probed.statusCode(), account + " " + probed.uri() + ": " + probed.body());
                    assertTrue(probed.body().contains(notFound), "the not-found page, in Spanish: " + probed.body());
                    assertFalse(probed.body().contains(elsewhere) || probed.body().contains("/users/hana"),
                            "no address: " + probed.body());
                }
            }
            long block3 = weft.server().db().inTransaction(s ->
                    ActorRepository.byUri(s, weft.base() + "/groups/block3")).orElseThrow().getId();
            assertTrue(weft.server().safety().accounts().blockedBy(block3).isEmpty(), "nobody blocked in block3");
            assertEquals(2, waitingOf(weft, elsewhereId, "port"), "port's posts still wait");

            HttpResponse<String> asked = amina.submit("/moderate/block3/posts", "/moderate/block3/posts/block",
                    Map.of("account", "" + hereId));
            assertEquals(200, asked.statusCode(), asked.body());
            assertTrue(asked.body().contains(here), "asked about the account whose posts wait here: " + asked.body());

            // An account reported to block3 is one it has met too: rosa answered Hana's offer there, and Hana reports it.
            JsonNode offer = expect(201, hana.post("/proposals", """
                    {"community": "block3", "purpose": "offer", "title": "A pram to lend", "categories": ["prams"],
                     "kind": "loan"}"""));
            String reply = mastodon.fixture("mastodon/create-note-reply.json")
                    .replace(weft.base() + "/proposals/7f3c9a", offer.path("uri").asText());
            assertEquals(202, mastodon.deliver(inbox, reply).statusCode());
            String answer = WaitFor.value("rosa's answer", () -> weft.server().db().inTransaction(s -> s.createSelectionQuery(
                    "select r.uri from ResponseEntity r", String.class).getResultStream().findFirst().orElse(null)));
            long rosaId = weft.server().db().inTransaction(s -> ActorRepository.byUri(s, mastodon.actor())).orElseThrow()
                    .getId();
            assertEquals(404, amina.submit("/moderate/block3/posts", "/moderate/block3/posts/block",
                    Map.of("account", "" + rosaId)).statusCode(), "not before the report");
            weft.server().safety().reports().fromMember(hanaId, answer, "Wants money first");
            HttpResponse<String> reported = amina.submit("/moderate/block3/posts", "/moderate/block3/posts/block",
                    Map.of("account", "" + rosaId));
            assertEquals(200, reported.statusCode(), reported.body());
            assertTrue(reported.body().contains(mastodon.actor()), reported.body());
        }
    }

    private static long waitingOf(TestServers.Instance weft, long authorId) {
        return waitingOf(weft, authorId, "block3");
    }

    private static long waitingOf(TestServers.Instance weft, long authorId, String community) {
        return weft.server().db().inTransaction(s -> s.createSelectionQuery("select count(*) from ProposalEntity p"
                        + " where p.author.id = :a and p.group.username = :g and p.moderation = :m", Long.class)
                .setParameter("a", authorId).setParameter("g", community)
                .setParameter("m", ProposalEntity.Moderation.PENDING).getSingleResult());
    }

    /** The title of the flooder's last post to arrive, as the page shows it. */
    private static String lastTitle(TestServers.Instance weft, long authorId) {
        return weft.server().db().inTransaction(s -> s.createSelectionQuery("select p.title from ProposalEntity p"
                + " where p.author.id = :a order by p.id desc", String.class).setParameter("a", authorId)
                .setMaxResults(1).getSingleResult());
    }




    private static ProposalEntity byUri(TestServers.Instance weft, String uri) {
        return weft.server().db().inTransaction(s -> s.createSelectionQuery("from ProposalEntity where uri = :u",
                ProposalEntity.class).setParameter("u", uri).getSingleResult());
    }

    private static ProposalEntity find(TestServers.Instance weft, long id) {
        return weft.server().db().inTransaction(s -> s.find(ProposalEntity.class, id));
    }

    private static long count(TestServers.Instance weft, String query) {
        return weft.server().db().inTransaction(s -> s.createSelectionQuery(query, Long.class).getSingleResult());
    }
}
