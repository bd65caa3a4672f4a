package org.weft.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.weft.server.api.ApiClient.expect;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.weft.server.api.ApiClient;
import org.weft.server.domain.account.Operators;
import org.weft.server.domain.proposal.ProposalDraft;
import org.weft.server.model.Audience;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.persistence.ProposalRepository;
import org.weft.server.persistence.ResponseEntity;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;
import org.weft.web.i18n.Messages;

/**
 * Block 3 on A and Block 3 on B are linked both ways; a moderator of A's Block 3 then refuses server B for it. What
 * the board leaves out, the rest of A leaves out too: the API's search and its proposal by id, a conversation with
 * a member of B (closed on A, in the reader's language, and nothing more crosses either way), and the community's page,
 * which still lists the link but says it is blocked for the community.
 */
class BlockedServerElsewhereTest {
    private static final String PASSWORD = "a long enough password";

    /**
     * B's offers, one from before the block and one from after, are on no board of A: a visitor to A's API finds
     * neither in the search (nor counted) and reads each by id as the 404 its page on A answers; A's own offer stays.
     */
    @Test
    void theApiLeavesOutWhatTheBoardLeavesOut() throws Exception {
        try (TestServers.Instance a = TestServers.start(); TestServers.Instance b = TestServers.start()) {
            linkedBothWays(a, b);
            long first = copyOnA(a, offerOnB(b, "First sewing machine"));
            ApiClient visitor = ApiClient.anonymous(a);
            assertEquals(200, visitor.get("/proposals/" + first).statusCode(), "before the block, as on the board");

            blockB(a, b);
            long second = copyOnA(a, offerOnB(b, "Second sewing machine"));
            a.server().proposals().service().create("amina", ProposalDraft.builder().community("block3")
                    .purpose(Purpose.OFFER).language("en").title("Local sewing kit").categories("kitchenware")
                    .audience(Audience.PUBLIC).build());

            PageClient page = new PageClient(a.base());
            String board = page.get("/board/block3").body();
            assertTrue(board.contains("Local sewing kit") && !board.contains("sewing machine"), board);
            ApiClient member = ApiClient.newMember(a, "bob", "Bob");
            for (ApiClient reader : List.of(visitor, member)) {
                JsonNode found = expect(200, reader.get("/proposals?purpose=offer"));
                assertEquals(List.of("Local sewing kit"), found.path("items").findValuesAsText("title"), found.toString());
                assertEquals(1, found.path("total").asInt(), found.toString());
                for (long copy : new long[] {first, second}) {
                    assertEquals(404, page.get("/remote-proposals/" + copy).statusCode(), "the page on A");
                    assertEquals(404, reader.get("/proposals/" + copy).statusCode(), "and the API, alike");
                }
            }
        }
    }

    /**
     * Yusuf on B answered Farid's anonymous request on A. Once A's Block 3 refuses B, Farid reads on A that the
     * conversation is closed and why, in his language, and his message is refused and never reaches B; Yusuf's, which B
     * takes (B is not told of the block, as Mastodon tells no one), is not kept on A. Lifting the block opens it again.
     */
    @Test
    void aConversationWithAMemberOfTheBlockedServerClosesOnBothSidesOfA() throws Exception {
        try (TestServers.Instance a = TestServers.start(); TestServers.Instance b = TestServers.start()) {
            linkedBothWays(a, b);
            ApiClient farid = ApiClient.newMember(a, "farid", "Farid");
            ApiClient yusuf = ApiClient.newMember(b, "yusuf", "Yusuf");
            ProposalEntity request = a.server().proposals().service().create("farid", ProposalDraft.builder()
                    .community("block3").purpose(Purpose.REQUEST).audience(Audience.ANONYMOUS).language("en")
                    .title("A sewing machine for a week").categories("kitchenware").build());
            long copy = WaitFor.value("B keeps the request", () -> b.server().db().inTransaction(s ->
                    ProposalRepository.byUri(s, request.getUri()).map(ProposalEntity::getId).orElse(null)));
            ResponseEntity yusufs = b.server().proposals().agreements().offer("yusuf", copy, "I can lend mine.", null);
            long onA = WaitFor.value("A keeps Yusuf's offer", () -> a.server().db().inTransaction(s ->
                    s.createSelectionQuery("select id from ResponseEntity where uri = :u", Long.class)
                            .setParameter("u", yusufs.getUri()).uniqueResultOptional().orElse(null)));
            String onB = "/responses/" + yusufs.getId() + "/messages";
            expect(201, farid.post("/responses/" + onA + "/messages", "{\"text\": \"Thank you, when?\"}"));
            WaitFor.condition("B hears Farid", () -> texts(expect(200, yusuf.get(onB))).contains("Thank you, when?"));

            blockB(a, b);
            for (String language : new String[] {"en", "ar"}) {
                Messages m = Messages.forLanguage(language);
                PageClient page = new PageClient(a.base()).language(language);
                page.login("farid", PASSWORD);
                String conversation = "/conversations/" + onA;
                assertTrue(page.get(conversation).body().contains(m.get("conversation.closedBlocked")), language);
                HttpResponse<String> refused = page.submit(conversation, conversation + "/messages",
                        Map.of("text", "Are you still there?"));
                assertEquals(409, refused.statusCode(), language);
                assertTrue(refused.body().contains(m.get("conversation.closedBlocked")), refused.body());
            }
            JsonNode answer = expect(409, farid.post("/responses/" + onA + "/messages",
                    "{\"text\": \"Are you still there?\"}"));
            assertEquals("conversation_closed", answer.path("error").asText());
            JsonNode onASide = expect(200, farid.get("/responses/" + onA + "/messages"));
            assertFalse(onASide.path("open").asBoolean(true), onASide.toString());
            assertEquals("blocked", onASide.path("closed").asText(), onASide.toString());

            // B's view: its member is not told; what he writes is taken there and goes nowhere on A.
            expect(201, yusuf.post(onB, "{\"text\": \"Tomorrow at five\"}"));
            WaitFor.deliveriesDrained(b);
            WaitFor.deliveriesDrained(a);
            assertFalse(texts(expect(200, farid.get("/responses/" + onA + "/messages"))).contains("Tomorrow at five"));
            assertFalse(texts(expect(200, yusuf.get(onB))).contains("Are you still there?"), "nothing reached B");

            a.server().safety().servers().unblock(moderator(a), "block3", b.domain());
            expect(201, farid.post("/responses/" + onA + "/messages", "{\"text\": \"Open again\"}"));
            WaitFor.condition("B hears Farid again", () -> texts(expect(200, yusuf.get(onB))).contains("Open again"));
        }
    }

    /** The link stays (operators manage links) but A's community page says it is blocked for the community. */
    @Test
    void theCommunityPageMarksTheLinkToTheBlockedServer() throws Exception {
        try (TestServers.Instance a = TestServers.start(); TestServers.Instance b = TestServers.start()) {
            linkedBothWays(a, b);
            String handle = "@block3@" + b.domain();
            for (String language : new String[] {"en", "fa"}) {
                Messages m = Messages.forLanguage(language);
                String before = new PageClient(a.base()).language(language).get("/groups/block3").body();
                assertTrue(before.contains(handle + "</a> · " + m.get("link.mutual")), before);
            }
            blockB(a, b);
            for (String language : new String[] {"en", "fa"}) {
                Messages m = Messages.forLanguage(language);
                String after = new PageClient(a.base()).language(language).get("/groups/block3").body();
                assertTrue(after.contains(handle + "</a> · "
                        + m.get("link.blockedHere", m.get("link.following"))), after);
            }
            String onB = new PageClient(b.base()).get("/groups/block3").body();
            assertFalse(onB.contains(Messages.forLanguage("en").get("link.blockedHere", "")), "B blocked nothing");
        }
    }

    /** Block 3 on each side, linked both ways; Carol operates A (and so moderates its Block 3); Yusuf is on B. */
    private static void linkedBothWays(TestServers.Instance a, TestServers.Instance b) throws Exception {
        a.server().localActors().createGroup("block3", "Block 3", null);
        b.server().localActors().createGroup("block3", "Block 3", null);
        a.server().localActors().createMember("amina", "Amina", PASSWORD, false);
        a.server().localActors().createMember("carol", "Carol", PASSWORD, false);
        new Operators(a.server().db()).setAdmin("carol", true);
        link(a, b);
        link(b, a);
    }

    private static void link(TestServers.Instance from, TestServers.Instance to) throws Exception {
        from.server().matching().links().link("block3", "@block3@" + to.domain());
        // Longer than the default wait: the first federation of a fresh pair of instances is slow on a busy machine.
        WaitFor.condition("the link is accepted", Duration.ofMinutes(1), () -> from.server().matching().links().links("block3").stream()
                .anyMatch(l -> l.actorUri().startsWith(to.base()) && l.accepted()));
    }

    private static void blockB(TestServers.Instance a, TestServers.Instance b) {
        assertTrue(a.server().safety().servers().block(moderator(a), "block3", b.domain(), "Spam"));
    }

    private static String offerOnB(TestServers.Instance b, String title) {
        if (b.server().db().inTransaction(s -> ActorRepository.localByUsername(s, "sami")).isEmpty()) {
            b.server().localActors().createMember("sami", "Sami", PASSWORD, false);
        }
        return b.server().proposals().service().create("sami", ProposalDraft.builder().community("block3")
                .purpose(Purpose.OFFER).language("en").title(title).description(title).categories("kitchenware")
                .audience(Audience.PUBLIC).build()).getUri();
    }

    private static long copyOnA(TestServers.Instance a, String uri) {
        return WaitFor.value("A keeps " + uri, () -> a.server().db().inTransaction(s ->
                ProposalRepository.byUri(s, uri).map(ProposalEntity::getId).orElse(null)));
    }

    private static long moderator(TestServers.Instance a) {
        return a.server().db().inTransaction(s -> ActorRepository.localByUsername(s, "carol")).orElseThrow().getId();
    }

    private static List<String> texts(JsonNode conversation) {
        return conversation.path("items").findValuesAsText("text");
    }
}
