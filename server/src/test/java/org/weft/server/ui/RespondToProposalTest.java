package org.weft.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weft.server.domain.ConflictException;
import org.weft.server.domain.InvalidInputException;
import org.weft.server.domain.NotFoundException;
import org.weft.server.domain.proposal.ProposalDraft;
import org.weft.server.domain.response.ResponseService;
import org.weft.server.model.ProposalStatus;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.persistence.ResponseEntity;
import org.weft.server.testing.TestServers;
import org.weft.web.i18n.Messages;

/**
 * A member answers another member's proposal from its page, through the domain's ResponseService: the author sees the
 * answer and is notified, nothing leaves the instance; and an answer that may not be given (to one's own proposal, to
 * one withdrawn, empty or too long, to no proposal) is refused with a sentence in the member's language and changes
 * nothing.
 */
class RespondToProposalTest {
    private static TestServers.Instance weft;
    private static PageClient omar;
    private static PageClient layla;

    @BeforeAll
    static void start() {
        weft = TestServers.start();
        weft.server().localActors().createGroup("camp", "Camp Board", null);
        weft.server().localActors().createMember("layla", "Layla", "layla-password", false);
        weft.server().localActors().createMember("omar", "Omar", "omar-password", false);
        omar = new PageClient(weft.base());
        omar.login("omar", "omar-password");
        layla = new PageClient(weft.base());
        layla.login("layla", "layla-password");
    }

    @AfterAll
    static void stop() {
        weft.close();
    }

    @Test
    void theAuthorSeesTheAnswerAndIsNotifiedAndNothingGoesOut() {
        ProposalEntity offer = offer("A sewing machine to lend");
        long outboundBefore = count("OutboundActivityEntity");
        assertEquals(303, omar.submit(path(offer), path(offer) + "/respond",
                Map.of("text", "Could I use it on Saturday?")).statusCode());

        List<ResponseEntity> responses = responsesTo(offer);
        assertEquals(1, responses.size());
        assertEquals(ResponseEntity.Kind.DIRECT, responses.getFirst().getKind());
        assertEquals(ResponseEntity.State.NEW, responses.getFirst().getState());
        assertTrue(layla.get(path(offer)).body().contains("Could I use it on Saturday?"), "the author reads it");
        String notifications = layla.get("/me/notifications").body();
        assertTrue(notifications.contains("A sewing machine to lend"), notifications);
        assertEquals(outboundBefore, count("OutboundActivityEntity"), "both people are here: nothing is sent");
        assertFalse(new PageClient(weft.base()).get(path(offer)).body().contains("Could I use it on Saturday?"),
                "the answer is the author's to read, not a visitor's");
    }

    @Test
    void anAnswerThatMayNotBeGivenIsRefusedInWordsAndChangesNothing() {
        ProposalEntity offer = offer("Winter boots, size 38");
        ProposalEntity withdrawn = offer("A folding table");
        weft.server().proposals().service().changeStatus("layla", withdrawn.getId(), ProposalStatus.WITHDRAWN);
        long responsesBefore = count("ResponseEntity");
        long notificationsBefore = count("NotificationEntity");

        assertRefused(layla, offer, "Mine, of course", "You cannot respond to this one.");
        assertRefused(omar, offer, "   ", "Write a message.");
        assertRefused(omar, offer, "x".repeat(ResponseService.MAX_ANSWER + 1), "A message can be at most 5,000 characters.");
        ResponseService responses = weft.server().proposals().responses();
        assertThrows(InvalidInputException.class, () -> responses.respond("omar", withdrawn.getId(), "Still there?"),
                "a withdrawn proposal takes no answers");
        assertThrows(NotFoundException.class, () -> responses.respond("omar", Long.MAX_VALUE, "Hello?"));
        assertThrows(NotFoundException.class, () -> responses.respond("nobody", offer.getId(), "Hello?"));

        assertEquals(responsesBefore, count("ResponseEntity"), "no response was kept");
        assertEquals(notificationsBefore, count("NotificationEntity"), "nobody was notified");
    }

    /**
     * Omar writes an answer while Layla withdraws her offer, then another while she deletes one: each comes back to
     * him on the 410 page, in his language, saying it was not sent, his words (markup and all, as plain text) in a box
     * he can copy them from. No response is kept, Layla is not notified and reads nothing of them.
     */
    @Test
    void anAnswerToAnOfferWithdrawnOrDeletedMeanwhileComesBackToKeep() {
        PageClient arabic = new PageClient(weft.base()).language("ar");
        arabic.login("omar", "omar-password");
        Messages ar = Messages.forLanguage("ar");
        ProposalEntity withdrawn = offer("A baby bath");
        ProposalEntity deleted = offer("A box of crayons");
        Map<String, String> toWithdrawn = respondForm(arabic, withdrawn);
        Map<String, String> toDeleted = respondForm(arabic, deleted);
        weft.server().proposals().service().changeStatus("layla", withdrawn.getId(), ProposalStatus.WITHDRAWN);
        weft.server().proposals().service().delete("layla", deleted.getId());
        long notificationsBefore = count("NotificationEntity");

        for (ProposalEntity gone : List.of(withdrawn, deleted)) {
            String typed = "<b>x</b> هل يمكنني أخذه يوم الأحد؟";
            Map<String, String> form = new HashMap<>(gone == withdrawn ? toWithdrawn : toDeleted);
            form.put("text", typed);
            HttpResponse<String> sent = arabic.post(path(gone) + "/respond", form);
            assertEquals(410, sent.statusCode(), sent.body());
            assertFalse(sent.body().contains("<b>x</b>"), "people's words are text, never markup: " + sent.body());
            Document page = Jsoup.parse(sent.body());
            assertTrue(page.text().contains(ar.get("gone.responseNotSent")), sent.body());
            Element kept = page.getElementById("kept-text");
            assertEquals(typed, kept.val(), "what he wrote is there to keep");
            assertTrue(kept.hasAttr("readonly") && kept.closest("form") == null, "and is sent from nowhere");
            assertEquals(ar.get("gone.responseKept"), page.selectFirst("label[for=kept-text]").text());
            assertTrue(sent.body().contains("<html lang=\"ar\" dir=\"rtl\">"), sent.body());

            assertEquals(List.of(), responsesTo(gone), "no response was kept");
        }
        assertTrue(page(layla, path(withdrawn)).contains("A baby bath"), "she still sees her withdrawn offer");
        assertFalse(page(layla, path(withdrawn)).contains("هل يمكنني"), "with no answer on it");
        assertFalse(page(layla, "/me/notifications").contains("هل يمكنني"));
        assertEquals(notificationsBefore, count("NotificationEntity"), "nobody was notified");
    }

    /** The fields of the respond form on the proposal's page as {@code member} sees it now, to send later. */
    private static Map<String, String> respondForm(PageClient member, ProposalEntity p) {
        return PageClient.hiddenFields(member.get(path(p)).body(), path(p) + "/respond");
    }

    private static String page(PageClient member, String path) {
        return member.get(path).body();
    }

    /**
     * Omar answers from one tab, then sends the form of a second tab he had open: refused (409) in his words, with the
     * way to the conversation of his answer and what he typed still shown; nothing kept, Layla sees one answer and is
     * told once. The page he comes back to shows his answer, not a second form; the service refuses a second answer
     * however it comes.
     */
    @Test
    void aSecondAnswerFromTheSameMemberIsRefusedAndTheAuthorSeesOne() {
        ProposalEntity offer = offer("A pram for a few months");
        String page = path(offer);
        Map<String, String> secondTab = new HashMap<>(PageClient.hiddenFields(omar.get(page).body(),
                offer.getUri() + "/respond"));
        assertEquals(303, omar.submit(page, page + "/respond", Map.of("text", "Could I borrow it in May?"))
                .statusCode());
        long answer = responsesTo(offer).getFirst().getId();
        long notificationsBefore = count("NotificationEntity");
        assertFalse(omar.get(page).body().contains(offer.getUri() + "/respond\""), "no second form");

        secondTab.put("text", "Me again, is it still free?");
        HttpResponse<String> again = omar.post(page + "/respond", secondTab);
        assertEquals(409, again.statusCode(), again.body());
        Messages en = Messages.forLanguage("en");
        assertTrue(again.body().contains(en.get("error.already_answered"))
                && again.body().contains("href=\"/conversations/" + answer + "\""), again.body());
        assertTrue(again.body().contains("Me again, is it still free?"), "what he typed is still there");
        assertThrows(ConflictException.class, () -> weft.server().proposals().responses().respond("omar", offer.getId(),
                "And again"));

        assertEquals(1, responsesTo(offer).size());
        String authors = layla.get(page).body();
        assertTrue(authors.contains("Could I borrow it in May?") && !authors.contains("Me again"), authors);
        assertEquals(notificationsBefore, count("NotificationEntity"), "Layla is told once");
    }

    private static void assertRefused(PageClient member, ProposalEntity p, String text, String sentence) {
        HttpResponse<String> refused = member.submit(path(p), path(p) + "/respond", Map.of("text", text));
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains(sentence), refused.body());
    }

    private static ProposalEntity offer(String title) {
        return weft.server().proposals().service().create("layla", ProposalDraft.builder().community("camp")
                .purpose(Purpose.OFFER).language("en").title(title).categories("bedding").build());
    }

    private static List<ResponseEntity> responsesTo(ProposalEntity p) {
        return weft.server().db().inTransaction(s -> s.createSelectionQuery(
                "from ResponseEntity where proposal.id = :p", ResponseEntity.class).setParameter("p", p.getId()).getResultList());
    }

    private static long count(String entity) {
        return weft.server().db().inTransaction(s -> s.createSelectionQuery("select count(*) from " + entity, Long.class)
                .getSingleResult());
    }

    private static String path(ProposalEntity p) {
        return URI.create(p.getUri()).getPath();
    }
}
