package org.weft.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.weft.server.api.ApiClient.expect;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.weft.server.api.ApiClient;
import org.weft.server.domain.proposal.ProposalDraft;
import org.weft.server.model.Audience;
import org.weft.server.model.ProposalStatus;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.persistence.ProposalRepository;
import org.weft.server.persistence.ResponseEntity;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;
import org.weft.web.i18n.Messages;

/**
 * A promise outlives the link it was made through. Bob, on B, answered two offers of Amina's on A (a public one and one
 * for the community only) and Amina accepted him; Carla answered the public one too and is still waiting. Then B's
 * community unlinks from A's: B holds the copies no longer, yet Bob and Carla are still parties to them. On B, "My
 * responses" and the conversation's page show the title without a link to the copy's page, which now answers 404.
 * Amina edits the public offer: B's copy follows and Bob is told, in Ukrainian; Carla, waiting, is not. She withdraws
 * both: Bob is told each is off, the copy's page says it was withdrawn, and so do the conversations, Carla's too. The
 * link is made again and B restarts: it still says withdrawn, never deleted.
 */
class PromiseAcrossUnlinkTest {
    private static final String PASSWORD = "a long enough password";
    private static final String PUSHCHAIR = "A pushchair";
    private static final String EDITED = "A pushchair with its rain cover";
    private static final String COT = "A cot for the block";

    @Test
    void thePartyHearsOfEditsAndTheWithdrawalAfterTheUnlinkAndItStaysWithdrawn() throws Exception {
        TestServers.Instance restarted = TestServers.start();
        try (TestServers.Instance a = TestServers.start()) {
            TestServers.Instance b = restarted;
            a.server().localActors().createGroup("block3", "Block 3", null);
            ApiClient amina = ApiClient.newMember(a, "amina", "Amina");
            b.server().localActors().createGroup("town", "Town", null);
            ApiClient bob = ApiClient.newMember(b, "bob", "Bob");
            ApiClient carla = ApiClient.newMember(b, "carla", "Carla");
            link(b, "town", a, "block3");
            link(a, "block3", b, "town"); // mutual, so A's community-only offers reach B's community too

            ProposalEntity pushchair = offer(a, PUSHCHAIR, Audience.PUBLIC);
            ProposalEntity cot = offer(a, COT, Audience.COMMUNITY);
            long pushchairCopy = WaitFor.value("B keeps the pushchair", () -> copyOn(b, pushchair));
            long cotCopy = WaitFor.value("B keeps the cot", () -> copyOn(b, cot));
            ResponseEntity bobsPushchair = promised(a, b, amina, pushchairCopy, "We would be glad of it.");
            ResponseEntity bobsCot = promised(a, b, amina, cotCopy, "Our baby needs one.");
            ResponseEntity carlas = b.server().proposals().agreements().offer("carla", pushchairCopy,
                    "After them, if it is free?", null);
            WaitFor.value("A keeps Carla's answer", () -> responseOn(a, carlas.getUri()));

            b.server().matching().links().unlink("town", "@block3@" + a.domain());
            WaitFor.condition("A sees B's community leave", () -> a.server().matching().links().links("block3").stream()
                    .noneMatch(l -> l.actorUri().endsWith("/groups/town") && l.theyFollow()));
            assertTrue(copy(b, pushchairCopy).isDetached() && copy(b, cotCopy).isDetached(), "B holds them no longer");

            PageClient bobPage = new PageClient(b.base()).language("uk");
            bobPage.login("bob", PASSWORD);
            Messages uk = Messages.forLanguage("uk");
            assertEquals(404, bobPage.get("/remote-proposals/" + pushchairCopy).statusCode(), "its page is gone");
            assertNoLinkTo404(bobPage, "/me/responses", PUSHCHAIR, uk);
            assertNoLinkTo404(bobPage, "/conversations/" + bobsPushchair.getId(), PUSHCHAIR, uk);
            assertNoLinkTo404(bobPage, "/conversations/" + bobsCot.getId(), COT, uk);

            // Amina edits the public offer: Bob, whose answer she accepted, hears of it; Carla, waiting, does not.
            expect(200, amina.patch("/proposals/" + pushchair.getId(), "{\"title\": \"" + EDITED + "\"}"));
            WaitFor.condition("B's copy follows the edit", () -> copy(b, pushchairCopy).getTitle().equals(EDITED));
            WaitFor.deliveriesDrained(a);
            List<JsonNode> edited = told(bob, pushchairCopy, "edited-after-accept");
            assertEquals(1, edited.size(), edited.toString());
            assertEquals(bobsPushchair.getId().longValue(), edited.get(0).path("responseId").asLong());
            assertTrue(bobPage.get("/me/notifications").body().contains(uk.get("notification.edited-after-accept",
                    Messages.isolate(EDITED))), "told in Ukrainian");
            assertEquals(List.of(), told(carla, pushchairCopy, "edited-after-accept"), "her answer is still waiting");
            assertNoLinkTo404(bobPage, "/me/responses", EDITED, uk);
            assertTrue(copy(b, pushchairCopy).isDetached(), "an edit does not bring the copy back to the board");

            // Amina withdraws both: Bob is told each is off; the copies and every conversation say withdrawn.
            expect(200, amina.post("/proposals/" + pushchair.getId() + "/status", "{\"status\": \"withdrawn\"}"));
            expect(200, amina.post("/proposals/" + cot.getId() + "/status", "{\"status\": \"withdrawn\"}"));
            WaitFor.condition("B's copies are withdrawn and deleted", () -> withdrawnAndDeleted(b, pushchairCopy)
                    && withdrawnAndDeleted(b, cotCopy));
            WaitFor.deliveriesDrained(a);
            assertSaysWithdrawn(b, bob, carla, List.of(bobsPushchair, bobsCot), carlas);

            // The link is made again: nothing turns "withdrawn" into "deleted".
            ProposalEntity meanwhile = offer(a, "A high chair posted while unlinked", Audience.PUBLIC);
            link(b, "town", a, "block3");
            WaitFor.value("the backfill brings what was posted meanwhile", () -> copyOn(b, meanwhile));
            WaitFor.deliveriesDrained(a);
            assertSaysWithdrawn(b, bob, carla, List.of(bobsPushchair, bobsCot), carlas);

            // And so after a restart (the same address and database: the members' tokens still hold).
            restarted = b.restart();
            assertSaysWithdrawn(restarted, bob, carla, List.of(bobsPushchair, bobsCot), carlas);
        } finally {
            restarted.close();
        }
    }

    /**
     * What B says of Bob's two promises and Carla's waiting answer once Amina withdrew both offers: each copy's page
     * answers 410 saying it was withdrawn; Bob was told each is off once (withdrawn, not deleted), Carla nothing; their
     * conversations say they are closed because it was withdrawn, and link to no page that answers 404.
     */
    private static void assertSaysWithdrawn(TestServers.Instance b, ApiClient bob, ApiClient carla,
                                            List<ResponseEntity> bobs, ResponseEntity carlas) {
        PageClient visitor = new PageClient(b.base());
        Messages uk = Messages.forLanguage("uk");
        PageClient bobPage = new PageClient(b.base()).language("uk");
        bobPage.login("bob", PASSWORD);
        String notifications = bobPage.get("/me/notifications").body();
        for (ResponseEntity r : bobs) {
            long copy = r.getProposal().getId();
            HttpResponse<String> page = visitor.get("/remote-proposals/" + copy);
            assertEquals(410, page.statusCode(), page.body());
            assertTrue(page.body().contains("This offer was withdrawn on"), page.body());
            List<JsonNode> off = told(bob, copy, "called-off");
            assertEquals(1, off.size(), off.toString());
            assertEquals(r.getId().longValue(), off.get(0).path("responseId").asLong());
            String title = copy(b, copy).getTitle();
            assertTrue(notifications.contains(uk.get("notification.called-off", Messages.isolate(title))),
                    notifications);
            assertFalse(notifications.contains(uk.get("notification.called-offDeleted", Messages.isolate(title))),
                    notifications);
            String conversation = assertNoLinkTo404(bobPage, "/conversations/" + r.getId(), title, uk);
            assertTrue(conversation.contains(uk.get("conversation.closedWithdrawn")), conversation);
        }
        assertEquals(List.of(), told(carla, carlas.getProposal().getId(), "called-off"), "nothing was arranged");
        PageClient carlaPage = new PageClient(b.base()).language("uk");
        carlaPage.login("carla", PASSWORD);
        String hers = assertNoLinkTo404(carlaPage, "/conversations/" + carlas.getId(), EDITED, uk);
        assertTrue(hers.contains(uk.get("conversation.closedWithdrawn")), hers);
        assertNoLinkTo404(bobPage, "/me/responses", EDITED, uk);
    }

    /**
     * The member's page at {@code path}, which shows {@code title} as plain text with the note that it is no longer on
     * the board, and links to no page of this instance that answers 404 (each link in its main part is followed).
     * Returns the page.
     */
    private static String assertNoLinkTo404(PageClient member, String path, String title, Messages m) {
        HttpResponse<String> shown = member.get(path);
        assertEquals(200, shown.statusCode(), shown.body());
        Document page = Jsoup.parse(shown.body());
        Element main = page.getElementById("main");
        assertNotNull(main, shown.body());
        assertTrue(main.text().contains(title), main.html());
        assertTrue(main.text().contains(m.get("conversation.proposalGone")), main.html());
        for (Element link : main.select("a[href^=/]")) {
            String href = link.attr("href");
            assertFalse(href.startsWith("/remote-proposals/"), path + " links the copy: " + link.outerHtml());
            assertNotEquals(404, member.get(href.replaceFirst("#.*", "")).statusCode(), path + " links a 404: " + href);
        }
        return shown.body();
    }

    /** Bob answers B's copy {@code copy} from B, and Amina accepts him with a hand-off, once B knows all of it. */
    private static ResponseEntity promised(TestServers.Instance a, TestServers.Instance b, ApiClient amina, long copy,
                                           String words) {
        ResponseEntity bobs = b.server().proposals().agreements().offer("bob", copy, words, null);
        long onA = WaitFor.value("A keeps Bob's answer", () -> responseOn(a, bobs.getUri()));
        expect(200, amina.post("/responses/" + onA + "/accept", "{\"handOff\": \"The gate at noon\"}"));
        WaitFor.condition("B learns it was accepted", () -> b.server().db().inTransaction(s -> s.find(
                ResponseEntity.class, bobs.getId()).getState()) == ResponseEntity.State.ACCEPTED);
        WaitFor.condition("B keeps the hand-off", () -> b.server().db().inTransaction(s -> s.createSelectionQuery(
                "select count(*) from ConversationMessageEntity m where m.response.id = :r", Long.class)
                .setParameter("r", bobs.getId()).getSingleResult()) == 1);
        WaitFor.condition("B's copy is promised", () -> copy(b, copy).getStatus() == ProposalStatus.PROMISED);
        return b.server().db().inTransaction(s -> s.createSelectionQuery(
                "from ResponseEntity r join fetch r.proposal where r.id = :id", ResponseEntity.class)
                .setParameter("id", bobs.getId()).getSingleResult());
    }

    private static ProposalEntity offer(TestServers.Instance a, String title, Audience audience) {
        return a.server().proposals().service().create("amina", ProposalDraft.builder().community("block3")
                .purpose(Purpose.OFFER).language("en").title(title).description(title).categories("shelter")
                .audience(audience).build());
    }

    private static boolean withdrawnAndDeleted(TestServers.Instance b, long copy) {
        ProposalEntity p = copy(b, copy);
        return p.isDeleted() && p.getStatus() == ProposalStatus.WITHDRAWN;
    }

    private static ProposalEntity copy(TestServers.Instance b, long id) {
        return b.server().db().inTransaction(s -> s.find(ProposalEntity.class, id));
    }

    private static Long copyOn(TestServers.Instance b, ProposalEntity original) {
        return b.server().db().inTransaction(s -> ProposalRepository.byUri(s, original.getUri())
                .map(ProposalEntity::getId).orElse(null));
    }

    private static Long responseOn(TestServers.Instance instance, String uri) {
        return instance.server().db().inTransaction(s -> s.createSelectionQuery(
                "select id from ResponseEntity where uri = :u", Long.class).setParameter("u", uri)
                .uniqueResultOptional().orElse(null));
    }

    /** The member's notifications of this {@code kind} about the proposal {@code copy}. */
    private static List<JsonNode> told(ApiClient member, long copy, String kind) {
        List<JsonNode> told = new ArrayList<>();
        for (JsonNode n : expect(200, member.get("/me/notifications?size=100")).path("items")) {
            if (n.path("kind").asText().equals(kind) && n.path("proposalId").asLong() == copy) {
                told.add(n);
            }
        }
        return told;
    }

    private static void link(TestServers.Instance from, String group, TestServers.Instance to, String other)
            throws Exception {
        from.server().matching().links().link(group, "@" + other + "@" + to.domain());
        WaitFor.condition(other + " accepts the link", () -> from.server().matching().links().links(group).stream()
                .anyMatch(l -> l.actorUri().endsWith("/groups/" + other) && l.accepted()));
    }
}
