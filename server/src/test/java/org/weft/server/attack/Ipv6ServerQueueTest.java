package org.weft.server.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.weft.server.attack.WaitingQueueHtml.section;
import static org.weft.server.attack.WaitingQueueHtml.shownPosts;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.weft.server.model.ActorKind;
import org.weft.server.persistence.AccountBlockRepository;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.testing.ServerFloodSeed;
import org.weft.server.testing.TestServers;
import org.weft.server.ui.PageClient;
import org.weft.web.i18n.Messages;

/**
 * A server named by an IPv6 literal floods a community's queue: its accounts' ids are {@code http://[2001:db8::1]:8443/…},
 * so actors, the delivery queue and the operator's domain blocks name it {@code [2001:db8::1]:8443}. The moderator (in
 * Arabic) opens its posts from its entry, blocks it after the confirmation, sees it among the refused servers, and its
 * accounts are refused in the community from then on. A {@code server} that is no server's name (garbage, a bare IPv6
 * address, a port past 65535, an IPv4 address in brackets) is refused with a sentence in the moderator's language,
 * on the queue and on the block, and blocks nothing.
 */
class Ipv6ServerQueueTest {
    private static final String SERVER = "[2001:db8::1]:8443";
    private static final String PASSWORD = "correct horse battery";

    @Test
    void aServerNamedByAnIpv6LiteralIsOpenedAndBlockedAndGarbageIsRefused() {
        try (TestServers.Instance weft = TestServers.start()) {
            weft.server().localActors().createGroup("camp", "Camp", null);
            weft.server().localActors().createMember("amina", "amina", PASSWORD, false);
            weft.server().moderators().add("camp", "amina", Optional.empty());
            List<Long> flood = ServerFloodSeed.waiting(weft, SERVER, "camp", 5);
            Messages ar = Messages.forLanguage("ar");
            PageClient amina = new PageClient(weft.base()).language("ar");
            amina.login("amina", PASSWORD);

            // The queue shows the server once; its link opens the server's posts.
            String queue = amina.get("/moderate/camp/posts").body();
            String entry = section(queue, "server-" + SERVER);
            assertTrue(entry.contains(ar.get("moderation.serverCount", 10, ar.get("moderation.serverAccounts", 5))),
                    queue);
            Matcher link = Pattern.compile("href=\"(/moderate/camp/posts\\?server=[^\"]+)\"").matcher(entry);
            assertTrue(link.find(), entry);
            HttpResponse<String> only = amina.get(link.group(1).replace("&amp;", "&"));
            assertEquals(200, only.statusCode(), link.group(1) + ": " + only.body());
            assertTrue(only.body().contains(ar.get("moderation.onlyServer", Messages.isolateLeftToRight(SERVER))), only.body());
            assertEquals(flood.stream().sorted().toList(), shownPosts(only.body()).stream().sorted().toList());

            // Blocked after asking: the confirmation names it, and the queue lists it among the refused servers.
            HttpResponse<String> asked = amina.submit("/moderate/camp/posts", "/moderate/camp/posts/block-server",
                    Map.of("server", SERVER, "reason", "سبام"));
            assertEquals(200, asked.statusCode(), asked.body());
            assertTrue(asked.body().contains(ar.get("confirm.blockServer", Messages.isolateLeftToRight(SERVER))), asked.body());
            HttpResponse<String> blocked = amina.submit("/moderate/camp/posts", "/moderate/camp/posts/block-server",
                    Map.of("server", SERVER, "reason", "سبام", "confirm", "yes"));
            assertEquals(303, blocked.statusCode(), blocked.body());
            String after = amina.get(blocked.headers().firstValue("location").orElseThrow()).body();
            assertTrue(after.contains("id=\"refused-" + SERVER + "\""), after);
            assertEquals(0, waiting(weft), "its waiting posts are turned down");
            // The server's side: any account of it, even one not seen before, is refused in the community.
            long newcomer = weft.server().db().inTransaction(s -> ServerFloodSeed.account(s, SERVER, 99).getId());
            long camp = weft.server().db().inTransaction(s -> ActorRepository.local(s, ActorKind.GROUP, "camp")
                    .orElseThrow().getId());
            boolean refused = weft.server().db().inTransaction(s -> AccountBlockRepository.anyBlocks(s, List.of(camp),
                    newcomer));
            assertTrue(refused, "an account of the server, new here, is refused by the community");

            // What is no server's name: the moderator is told so in Arabic, and nothing is blocked.
            for (String garbage : List.of("<b>x</b>", "2001:db8::1", "[2001:db8::1]:99999", "[2001:db8::zz]:8443",
                    "[192.0.2.1]", "a b", "[2001:db8::1", "")) {
                HttpResponse<String> page = amina.get("/moderate/camp/posts?server="
                        + URLEncoder.encode(garbage, StandardCharsets.UTF_8));
                assertEquals(400, page.statusCode(), garbage);
                assertTrue(page.body().contains(ar.get("moderation.badServer")), garbage + ": " + page.body());
                assertFalse(page.body().contains("<b>x</b>"), "never echoed");
                HttpResponse<String> block = amina.submit("/moderate/camp/posts", "/moderate/camp/posts/block-server",
                        Map.of("server", garbage, "confirm", "yes"));
                assertEquals(400, block.statusCode(), garbage);
                assertTrue(block.body().contains(ar.get("moderation.badServer")), garbage + ": " + block.body());
            }
            assertEquals(List.of(SERVER), weft.server().db().inTransaction(s -> s.createSelectionQuery(
                    "select b.domain from CommunityServerBlockEntity b", String.class).getResultList()),
                    "only the real server was blocked");
        }
    }

    private static long waiting(TestServers.Instance weft) {
        return weft.server().db().inTransaction(s -> s.createSelectionQuery("select count(*) from ProposalEntity p"
                + " where p.author.domain = :d and p.moderation = :m", Long.class).setParameter("d", SERVER)
                .setParameter("m", ProposalEntity.Moderation.PENDING).getSingleResult());
    }
}
