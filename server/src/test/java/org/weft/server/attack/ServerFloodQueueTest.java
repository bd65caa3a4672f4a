package org.weft.server.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
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
import org.weft.server.domain.moderation.DomainBlocks;
import org.weft.server.domain.moderation.ModerationService;
import org.weft.server.domain.proposal.CommunityBoosts;
import org.weft.server.domain.proposal.ProposalDraft;
import org.weft.server.model.DomainSeverity;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.FollowEntity;
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
 * A spam server floods a community's queue of waiting posts from many accounts, two posts each (under the three at
 * which one account is shown once), beside an account of another server that floods alone and three people's posts.
 * Seen by each person, over time:
 * <ul>
 *   <li>the moderator: the server once (how many posts, from how many accounts, its last post), the lone flooder as
 *   its account, the three others' posts on the first page; one click, with a public reason, keeps every post of the
 *   server off the board and nothing else;</li>
 *   <li>the spam server: nothing of it reaches the board, is announced or matched;</li>
 *   <li>a member reading the board: the board is as it was;</li>
 *   <li>the log's reader: one line with the count, on the server's name, with the reason;</li>
 *   <li>afterwards: a post approved elsewhere is still heard by the matcher.</li>
 * </ul>
 * Then the community blocks the server (after asking): its waiting posts are turned down, its follower removed and
 * told, its later posts and follows refused in this community only, until the block is lifted. And the operator's
 * suspension of a server turns down its posts waiting in every community.
 */
class ServerFloodQueueTest {
    /** Accounts of the spam server, each sending {@link #EACH} posts: more posts than a batch of the turn-down. */
    private static final int BOTS = 120;
    private static final int EACH = 2;
    /** One account of the spam server sends more: shown inside its server's entry, not as an account of its own. */
    private static final int LOUD = 4;
    /** An account of another server floods alone: shown as its account (one account is not a server's flood). */
    private static final int SOLO = 12;
    private static final int SPAM = BOTS * EACH + LOUD;
    private static final String PASSWORD = "correct horse battery";
    /** The inbox quotas would stop these senders first (429); turned off to see the moderators' queue alone. */
    private static final Map<String, String> NO_QUOTAS = Map.of("WEFT_INBOX_ACTOR_ACTIVITIES_PER_HOUR", "0",
            "WEFT_INBOX_HOST_ACTIVITIES_PER_HOUR", "0", "WEFT_INBOX_HOST_RATE", "0");

    @Test
    void aFloodSpreadOverManyAccountsOfOneServerIsOneEntryAndOneClick() throws Exception {
        try (TestServers.Instance weft = TestServers.start(NO_QUOTAS);
             MastodonPeer spam = new MastodonPeer(weft.base());
             MastodonPeer lone = new MastodonPeer(weft.base());
             MastodonPeer mastodon = new MastodonPeer(weft.base())) {
            setUp(weft);
            weft.server().proposals().service().create("carla", ProposalDraft.builder().community("block3")
                    .purpose(Purpose.REQUEST).language("en").title("We need a tent").description("For a family of five.")
                    .categories("tents").build());
            HeldPosts posts = HeldPosts.following(weft, mastodon, "block3");
            PageClient carla = new PageClient(weft.base());
            carla.login("carla", PASSWORD);
            String boardBefore = cards(carla.get("/board/block3").body());
            assertTrue(boardBefore.contains("We need a tent"), boardBefore);

            // The flood: 120 accounts of one server, two offers each, and one of them four; then a lone flooder.
            String group = weft.base() + "/groups/block3";
            List<String[]> sends = new ArrayList<>();
            for (int i = 0; i < BOTS; i++) {
                String bot = spam.serveUser("bot" + i);
                for (int j = 0; j < EACH; j++) {
                    sends.add(new String[] {bot, TentOffers.create(spam.origin(), bot, "bot" + i + "-" + j,
                            "Spam tent " + i + "-" + j, group)});
                }
            }
            String loud = spam.serveUser("loud");
            for (int j = 0; j < LOUD; j++) {
                sends.add(new String[] {loud, TentOffers.create(spam.origin(), loud, "loud-" + j, "Loud tent " + j, group)});
            }
            deliverAll(weft, spam, sends);
            String soloActor = lone.serveUser("solo");
            List<String[]> soloSends = new ArrayList<>();
            for (int j = 0; j < SOLO; j++) {
                soloSends.add(new String[] {soloActor, TentOffers.create(lone.origin(), soloActor, "solo-" + j,
                        "Solo tent " + j, group)});
            }
            deliverAll(weft, lone, soloSends);
            String server = URI.create(spam.origin()).getAuthority();
            WaitFor.condition("every spam post waits", Duration.ofSeconds(300),
                    () -> waitingFrom(weft, server, "block3") == SPAM);
            WaitFor.condition("every solo post waits", () -> waitingFrom(weft, URI.create(lone.origin()).getAuthority(),
                    "block3") == SOLO);

            // Then three other people's posts, which must not drown: the oldest page would hold only the flood's.
            ProposalEntity ngozi = posts.receiveFrom("ngozi", HeldPosts.UNSURE);
            ProposalEntity rosa = posts.receive(HeldPosts.UNSURE.replace("kettle", "toaster"));
            String sam = mastodon.serveUser("sam");
            String samOffer = TentOffers.create(mastodon.origin(), sam, "sam-1", "A spare tent for four", group);
            assertEquals(202, mastodon.deliverAs(sam, URI.create(weft.base() + "/inbox"), samOffer).statusCode());
            WaitFor.inboundDone(weft, TestHttp.json(samOffer).path("id").asText());
            ProposalEntity samPost = byUri(weft, TestHttp.json(samOffer).path("object").path("id").asText());
            List<Long> others = Stream.of(ngozi, rosa, samPost)
                    .sorted(Comparator.comparing(ProposalEntity::getPublishedAt).thenComparing(ProposalEntity::getId))
                    .map(ProposalEntity::getId).toList();
            long loudId = actorId(weft, loud);
            long soloId = actorId(weft, soloActor);

            // The moderator's first page: the server once, the lone flooder as its account, the three others' posts.
            Messages en = Messages.forLanguage("en");
            PageClient amina = new PageClient(weft.base()).language("en");
            amina.login("amina", PASSWORD);
            String page = amina.get("/moderate/block3/posts").body();
            int total = SPAM + SOLO + 3;
            assertTrue(page.contains(en.get("moderation.postsTotal", total)), "the total: " + total);
            String entry = section(page, "server-" + server);
            assertTrue(entry.contains(en.get("moderation.serverCount", SPAM,
                    en.get("moderation.serverAccounts", BOTS + 1))), entry);
            assertTrue(entry.contains(SPAM + " posts waiting from " + (BOTS + 1) + " accounts"), "as a reader reads it");
            assertTrue(entry.contains(en.get("moderation.turnDownServer", SPAM)), entry);
            assertTrue(entry.contains(lastTitle(weft, server)), "its last post as a sample: " + entry);
            assertTrue(entry.contains("?server=" + server), "its posts one by one");
            assertEquals("", section(page, "account-" + loudId), "the loud account is inside its server's entry");
            assertTrue(section(page, "account-" + soloId).contains(en.get("moderation.accountCount", SOLO)),
                    "a server with one flooding account is shown as that account");
            assertFalse(page.contains("id=\"server-" + URI.create(lone.origin()).getAuthority()), "and not as a server");
            assertEquals(others, shownPosts(page), "the others' posts, oldest first, and no flood post");
            assertFalse(page.contains("rel=\"next\""), "one page: the flood is two entries");
            assertFalse(page.contains("moderation."), "no raw message key");

            Messages ar = Messages.forLanguage("ar");
            PageClient aminaAr = new PageClient(weft.base()).language("ar");
            aminaAr.login("amina", PASSWORD);
            String arabic = aminaAr.get("/moderate/block3/posts").body();
            assertTrue(arabic.contains(ar.get("moderation.serverCount", SPAM,
                    ar.get("moderation.serverAccounts", BOTS + 1)))
                    && arabic.contains(ar.get("moderation.turnDownServer", SPAM)) && arabic.contains("dir=\"rtl\""),
                    "Arabic, with its plurals");
            assertFalse(arabic.contains("moderation."), "no raw message key");

            // Its posts one by one, 50 a page, oldest first, only the server's.
            Set<Long> seen = new HashSet<>();
            String next = "/moderate/block3/posts?server=" + server;
            for (int pages = 0; pages < 2; pages++) {
                String one = amina.get(next).body();
                List<Long> ids = shownPosts(one);
                assertEquals(50, ids.size(), next);
                assertTrue(ids.stream().noneMatch(seen::contains) && ids.stream().noneMatch(others::contains));
                seen.addAll(ids);
                Matcher more = Pattern.compile("href=\"([^\"]+)\" rel=\"next\"").matcher(one);
                assertTrue(more.find(), "more of the server's posts");
                next = more.group(1).replace("&amp;", "&");
                assertTrue(next.contains("server=" + server), next);
            }
            assertEquals(seen.size(), (long) weft.server().db().inTransaction(s -> s.createSelectionQuery(
                    "select count(*) from ProposalEntity p where p.id in (:ids) and p.author.domain = :d", Long.class)
                    .setParameterList("ids", seen).setParameter("d", server).getSingleResult()).intValue());

            // Someone who does not moderate the community can neither look nor turn anything down.
            assertEquals(403, carla.submit("/me/matches", "/moderate/block3/posts/turn-down-server",
                    Map.of("server", server)).statusCode());
            assertEquals(SPAM, waitingFrom(weft, server, "block3"), "nothing turned down");

            // One click, with a reason: every post of the server is kept off the board, and nothing else.
            HttpResponse<String> done = amina.submit("/moderate/block3/posts", "/moderate/block3/posts/turn-down-server",
                    Map.of("server", server, "reason", "A spam server"));
            assertEquals(303, done.statusCode());
            assertEquals(0, waitingFrom(weft, server, "block3"));
            assertEquals(SPAM, count(weft, "select count(*) from ProposalEntity p where p.author.domain = '" + server
                    + "' and p.moderation = 'REJECTED' and p.moderatedAt is not null"), "each as a single decision");
            assertEquals(SOLO, waitingFrom(weft, URI.create(lone.origin()).getAuthority(), "block3"), "the lone one waits");
            for (long id : others) {
                assertEquals(ProposalEntity.Moderation.PENDING, find(weft, id).getModeration(), "the others still wait");
            }
            String after = amina.get(done.headers().firstValue("location").orElseThrow()).body();
            assertTrue(after.contains(en.get("notice.serverPostsTurnedDown")), after);
            assertTrue(after.contains(en.get("moderation.postsTotal", SOLO + 3)));
            assertFalse(after.contains("waiting-server"), "no server shown grouped any more");
            assertEquals(others, shownPosts(after));

            // The spam server: nothing reached the board or was announced; the board reads as before.
            assertEquals(boardBefore, cards(carla.get("/board/block3").body()), "the board is unchanged");
            assertFalse(TestHttp.get(weft.base() + "/board/block3", "text/html").body().contains("Spam tent"));
            assertEquals(0L, count(weft, "select count(*) from OutboundActivityEntity o where o.activityType = 'Announce'"
                    + " and o.body like '%" + spam.origin() + "%'"), "no spam post announced");

            // The log's reader: one line, on the server, with the count and the reason.
            JsonNode log = TestHttp.json(TestHttp.get(weft.base() + "/moderation-log/block3?format=json",
                    "application/json").body()).path("items");
            assertEquals(1, log.size(), log.toString());
            assertEquals("posts_turned_down", log.get(0).path("kind").asText());
            assertEquals(server, log.get(0).path("target").asText());
            assertEquals(SPAM, log.get(0).path("count").asInt());
            assertEquals("A spam server", log.get(0).path("reason").asText());
            String logPage = TestHttp.get(weft.base() + "/moderation-log/block3", "text/html").body();
            assertTrue(logPage.contains(SPAM + " waiting posts turned down") && logPage.contains("A spam server"), logPage);

            // Later, the command line puts sam's tent on the board: the decisions after the flood's are still heard.
            ModerationService cli = new ModerationService(weft.server().db(), new CommunityBoosts(new Outbox(
                    weft.server().urls(), new JsonLdCodec(), Clock.systemUTC()), weft.server().urls()), Clock.systemUTC());
            cli.approve(samPost.getId());
            WaitFor.condition("sam's tent is matched with carla's request", Duration.ofSeconds(30), () -> {
                weft.server().hearModerationDecisions();
                return count(weft, "select count(*) from MatchEntity") == 1;
            });
            assertTrue(cards(carla.get("/board/block3").body()).contains("A spare tent for four"));
            assertEquals(0, count(weft, "select count(*) from MatchEntity m where m.offerId in (select p.id from"
                    + " ProposalEntity p where p.author.domain = '" + server + "')"), "no spam post ever matched");
        }
    }

    @Test
    void blockingTheServerAsksFirstThenRefusesItInThisCommunityOnlyUntilLifted() throws Exception {
        try (TestServers.Instance weft = TestServers.start(NO_QUOTAS);
             MastodonPeer spam = new MastodonPeer(weft.base())) {
            setUp(weft);
            URI inbox = URI.create(weft.base() + "/inbox");
            String group = weft.base() + "/groups/block3";
            // One account of the server follows the community; six others flood it, two posts each, and two of them
            // post once in another community.
            String fan = spam.serveUser("fan");
            String follow = follow(fan, "fan-1", group);
            assertEquals(202, spam.deliverAs(fan, inbox, follow).statusCode());
            WaitFor.condition("fan follows block3", () -> follows(weft, fan) == 1);
            for (int i = 0; i < 6; i++) {
                String bot = spam.serveUser("bot" + i);
                for (int j = 0; j < 2; j++) {
                    deliver(weft, spam, bot, TentOffers.create(spam.origin(), bot, "b" + i + "-" + j, "Spam tent", group));
                }
                if (i < 2) {
                    deliver(weft, spam, bot, TentOffers.create(spam.origin(), bot, "p" + i, "Spam tent",
                            weft.base() + "/groups/port"));
                }
            }
            String server = URI.create(spam.origin()).getAuthority();
            assertEquals(12, waitingFrom(weft, server, "block3"));

            PageClient amina = new PageClient(weft.base()).language("en");
            amina.login("amina", PASSWORD);
            Messages en = Messages.forLanguage("en");
            String entry = section(amina.get("/moderate/block3/posts").body(), "server-" + server);
            assertTrue(entry.contains(en.get("moderation.serverCount", 12, en.get("moderation.serverAccounts", 6)))
                    && entry.contains("/block-server"), entry);

            // Asking first changes nothing.
            HttpResponse<String> asked = amina.submit("/moderate/block3/posts", "/moderate/block3/posts/block-server",
                    Map.of("server", server, "reason", "A spam farm"));
            assertEquals(200, asked.statusCode(), "asks first");
            assertTrue(asked.body().contains(en.get("confirm.blockServer", Messages.isolateLeftToRight(server))), asked.body());
            assertTrue(asked.body().contains("A spam farm"), "the reason is carried to the confirmation");
            assertEquals(12, waitingFrom(weft, server, "block3"), "asking changes nothing");
            assertEquals(1, follows(weft, fan));
            PageClient carla = new PageClient(weft.base());
            carla.login("carla", PASSWORD);
            HttpResponse<String> notHers = carla.submit("/me/matches", "/moderate/block3/posts/block-server",
                    Map.of("server", server, "confirm", "yes"));
            assertEquals(403, notHers.statusCode(), "not a moderator");
            assertTrue(notHers.body().contains(Messages.forLanguage("en").get("followers.forbidden")), notHers.body());
            assertFalse(notHers.body().contains("does not moderate"), "no developer's words: " + notHers.body());

            HttpResponse<String> blocked = amina.submit("/moderate/block3/posts", "/moderate/block3/posts/block-server",
                    Map.of("server", server, "reason", "A spam farm", "confirm", "yes"));
            assertEquals(303, blocked.statusCode());
            assertEquals(0, waitingFrom(weft, server, "block3"), "its waiting posts are kept off the board");
            assertEquals(2, waitingFrom(weft, server, "port"), "only in the community that blocked it");
            assertEquals(0, follows(weft, fan), "its follower is removed");
            String followId = TestHttp.json(follow).path("id").asText();
            JsonNode reject = WaitFor.value("fan's server is told: a Reject of the follow", () -> spam.inboxPosts().stream()
                    .map(r -> TestHttp.json(r.getBodyAsString()))
                    .filter(j -> "Reject".equals(j.path("type").asText())
                            && followId.equals(j.path("object").path("id").asText())).findFirst().orElse(null));
            assertEquals(group, reject.path("actor").asText());
            String page = amina.get(blocked.headers().firstValue("location").orElseThrow()).body();
            assertTrue(page.contains(en.get("notice.serverBlocked")) && page.contains("id=\"refused-" + server + "\""), page);
            List<String> lines = logLines(weft, "block3");
            assertEquals(List.of("posts_turned_down " + server + " 12 null", "server_blocked " + server + " 0 A spam farm"),
                    lines.stream().sorted().toList(), lines.toString());
            assertEquals(List.of(), logLines(weft, "port"), "nothing in the other community's log");

            // From now on, any account of that server, even one never seen, is refused here, as a blocked account is.
            String late = spam.serveUser("late");
            String latePost = TentOffers.create(spam.origin(), late, "late-1", "Spam tent again", group);
            assertEquals(202, deliver(weft, spam, late, latePost).statusCode(), "taken at the door, as a blocked account's");
            assertNull(proposal(weft, latePost), "not kept");
            String lateFollow = follow(late, "late-f", group);
            assertEquals(202, deliver(weft, spam, late, lateFollow).statusCode());
            assertEquals(0, follows(weft, late), "cannot follow");
            String elsewhere = TentOffers.create(spam.origin(), late, "late-2", "Spam tent", weft.base() + "/groups/port");
            deliver(weft, spam, late, elsewhere);
            assertEquals(ProposalEntity.Moderation.PENDING, Optional.ofNullable(proposal(weft, elsewhere))
                    .map(ProposalEntity::getModeration).orElse(null), "another community still hears it");
            assertFalse(TestHttp.get(weft.base() + "/board/block3", "text/html").body().contains("Spam tent"));

            // Lifted: a new post waits again.
            HttpResponse<String> lifted = amina.submit("/moderate/block3/posts", "/moderate/block3/posts/unblock-server",
                    Map.of("server", server));
            assertEquals(303, lifted.statusCode());
            assertTrue(logLines(weft, "block3").contains("server_unblocked " + server + " 0 null"));
            String again = TentOffers.create(spam.origin(), late, "late-3", "Spam tent", group);
            deliver(weft, spam, late, again);
            assertEquals(ProposalEntity.Moderation.PENDING, Optional.ofNullable(proposal(weft, again))
                    .map(ProposalEntity::getModeration).orElse(null), "it waits again");
        }
    }

    @Test
    void suspendingAServerTurnsDownItsWaitingPostsInEveryCommunity() throws Exception {
        try (TestServers.Instance weft = TestServers.start(NO_QUOTAS);
             MastodonPeer spam = new MastodonPeer(weft.base())) {
            setUp(weft);
            for (int i = 0; i < 2; i++) {
                String bot = spam.serveUser("bot" + i);
                for (String community : List.of("block3", "port")) {
                    deliver(weft, spam, bot, TentOffers.create(spam.origin(), bot, community + i, "Spam tent",
                            weft.base() + "/groups/" + community));
                }
            }
            String server = URI.create(spam.origin()).getAuthority();
            assertEquals(2, waitingFrom(weft, server, "block3"));
            assertEquals(2, waitingFrom(weft, server, "port"));

            weft.server().safety().domains().block(new DomainBlocks.Block(server, DomainSeverity.SUSPEND, false, "Spam",
                    false));
            assertEquals(0, waitingFrom(weft, server, "block3"));
            assertEquals(0, waitingFrom(weft, server, "port"));
            PageClient amina = new PageClient(weft.base()).language("en");
            amina.login("amina", PASSWORD);
            String page = amina.get("/moderate/block3/posts").body();
            assertTrue(page.contains(Messages.forLanguage("en").get("moderation.postsEmpty")), page);
            assertTrue(logLines(weft, "port").contains("domain_suspended " + server + " 0 Spam"));
        }
    }

    /** Communities block3 (amina moderates it) and port; carla, a member. */
    private static void setUp(TestServers.Instance weft) {
        var actors = weft.server().localActors();
        actors.createGroup("block3", "Block 3", null);
        actors.createGroup("port", "Port", null);
        for (String name : List.of("amina", "carla")) {
            actors.createMember(name, name, PASSWORD, false);
        }
        weft.server().moderators().add("block3", "amina", Optional.empty());
    }

    /** Delivers each (actor, activity), eight at a time, and waits until all are handled. */
    private static void deliverAll(TestServers.Instance weft, MastodonPeer peer, List<String[]> sends) throws Exception {
        URI inbox = URI.create(weft.base() + "/inbox");
        try (ExecutorService senders = Executors.newFixedThreadPool(8)) {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (String[] send : sends) {
                answers.add(senders.submit(() -> peer.deliverAs(send[0], inbox, send[1])));
            }
            for (Future<HttpResponse<String>> answer : answers) {
                assertEquals(202, answer.get().statusCode(), answer.get().body());
            }
        }
        for (String[] send : sends) {
            WaitFor.inboundDone(weft, TestHttp.json(send[1]).path("id").asText());
        }
    }

    private static HttpResponse<String> deliver(TestServers.Instance weft, MastodonPeer peer, String actor, String body) {
        HttpResponse<String> answer = peer.deliverAs(actor, URI.create(weft.base() + "/inbox"), body);
        WaitFor.inboundDone(weft, TestHttp.json(body).path("id").asText());
        return answer;
    }

    private static String follow(String actor, String n, String group) {
        return TestHttp.JSON.createObjectNode().put("@context", "https://www.w3.org/ns/activitystreams")
                .put("id", actor + "/follows/" + n).put("type", "Follow").put("actor", actor).put("object", group)
                .toString();
    }

    private static long waitingFrom(TestServers.Instance weft, String server, String community) {
        return weft.server().db().inTransaction(s -> s.createSelectionQuery("select count(*) from ProposalEntity p"
                        + " where p.author.domain = :d and p.group.username = :g and p.moderation = :m", Long.class)
                .setParameter("d", server).setParameter("g", community)
                .setParameter("m", ProposalEntity.Moderation.PENDING).getSingleResult());
    }

    private static long follows(TestServers.Instance weft, String actor) {
        return weft.server().db().inTransaction(s -> s.createSelectionQuery(
                "select count(*) from FollowEntity f where f.follower.uri = :r and f.state = :a", Long.class)
                .setParameter("r", actor).setParameter("a", FollowEntity.State.ACCEPTED).getSingleResult());
    }

    /** Each line of a community's public log as JSON gives it: "kind target count reason". */
    private static List<String> logLines(TestServers.Instance weft, String community) {
        JsonNode items = TestHttp.json(TestHttp.get(weft.base() + "/moderation-log/" + community + "?format=json",
                "application/json").body()).path("items");
        List<String> lines = new ArrayList<>();
        items.forEach(i -> lines.add(i.path("kind").asText() + " " + i.path("target").asText() + " "
                + i.path("count").asInt() + " " + (i.path("reason").isNull() ? "null" : i.path("reason").asText())));
        return lines;
    }

    private static long actorId(TestServers.Instance weft, String uri) {
        return weft.server().db().inTransaction(s -> ActorRepository.byUri(s, uri)).orElseThrow().getId();
    }

    /** The title of the server's last post to arrive, as the page shows it. */
    private static String lastTitle(TestServers.Instance weft, String server) {
        return weft.server().db().inTransaction(s -> s.createSelectionQuery("select p.title from ProposalEntity p"
                + " where p.author.domain = :d order by p.id desc", String.class).setParameter("d", server)
                .setMaxResults(1).getSingleResult());
    }




    /** The post a Create carries, or null when none was kept. */
    private static ProposalEntity proposal(TestServers.Instance weft, String create) {
        String uri = TestHttp.json(create).path("object").path("id").asText();
        return weft.server().db().inTransaction(s -> s.createSelectionQuery("from ProposalEntity where uri = :u",
                ProposalEntity.class).setParameter("u", uri).uniqueResult());
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
