package org.weft.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weft.server.domain.InvalidInputException;
import org.weft.server.domain.NotFoundException;
import org.weft.server.domain.proposal.ProposalDraft;
import org.weft.server.domain.response.ResponseService;
import org.weft.server.model.ProposalStatus;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.persistence.ResponseEntity;
import org.weft.server.testing.TestServers;

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
