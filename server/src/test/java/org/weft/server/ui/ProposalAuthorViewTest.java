package org.weft.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weft.server.domain.proposal.ProposalDraft;
import org.weft.server.model.Audience;
import org.weft.server.model.ProposalStatus;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.persistence.ResponseEntity;
import org.weft.server.testing.TestServers;
import org.weft.web.i18n.Messages;

/**
 * What a proposal's page offers its author once it is closed, and what everyone else sees then. Withdrawn: the author
 * lands on their page with the "Withdrawn" notice and may still delete it (as the confirmation said, they still see
 * it), while a member and a visitor get the 410 page. Fulfilled: a response can no longer be accepted, so the page
 * offers no accept form, only the decline the server still takes. How to answer from Mastodon is told only while the
 * proposal takes answers.
 */
class ProposalAuthorViewTest {
    private static TestServers.Instance weft;
    private static PageClient layla;
    private static PageClient omar;

    @BeforeAll
    static void start() {
        weft = TestServers.start();
        weft.server().localActors().createGroup("camp", "Camp Board", null);
        weft.server().localActors().createMember("layla", "Layla", "layla-password", false);
        weft.server().localActors().createMember("omar", "Omar", "omar-password", false);
        layla = new PageClient(weft.base());
        layla.login("layla", "layla-password");
        omar = new PageClient(weft.base());
        omar.login("omar", "omar-password");
    }

    @AfterAll
    static void stop() {
        weft.close();
    }

    @Test
    void theAuthorSeesTheirWithdrawnProposalAndEveryoneElseThatItIsGone() {
        ProposalEntity offer = offer("A folding table");
        String page = path(offer);
        HttpResponse<String> asked = layla.submit(page, page + "/status", Map.of("status", "withdrawn"));
        assertEquals(200, asked.statusCode(), asked.body());
        HttpResponse<String> withdrawn = layla.post(page + "/status", PageClient.hiddenFields(asked.body(), page + "/status"));
        assertEquals(303, withdrawn.statusCode(), withdrawn.body());
        String location = withdrawn.headers().firstValue("Location").orElseThrow();
        assertEquals(page + "?done=status_withdrawn#manage", location);

        HttpResponse<String> landed = layla.get(location.substring(0, location.indexOf('#')));
        assertEquals(200, landed.statusCode(), landed.body());
        assertTrue(landed.body().contains("Withdrawn. Other servers were told to remove it."), landed.body());
        assertTrue(landed.body().contains("A folding table") && landed.body().contains(page + "/delete"), landed.body());
        assertFalse(landed.body().contains(page + "/status") || landed.body().contains(page + "/respond"),
                "nothing that cannot be done any more");
        assertTrue(layla.get("/me/proposals").body().contains("href=\"" + offer.getUri() + "\""), "still in her list");
        assertEquals(200, layla.get(page).statusCode(), "the link in her list opens it");

        HttpResponse<String> member = omar.get(page);
        assertEquals(410, member.statusCode(), "another member");
        assertFalse(member.body().contains(page + "/delete"), member.body());
        assertEquals(410, new PageClient(weft.base()).get(page).statusCode(), "a visitor");
    }

    @Test
    void aFulfilledProposalOffersOnlyTheDecisionsTheServerTakes() {
        ProposalEntity offer = offer("Winter boots, size 38");
        long response = weft.server().proposals().responses().respond("omar", offer.getId(), "For my daughter?").getId();
        String open = layla.get(path(offer)).body();
        assertTrue(open.contains("/responses/" + response + "/accept") && open.contains("/responses/" + response + "/decline"),
                "while open, both: " + open);

        weft.server().proposals().service().changeStatus("layla", offer.getId(), ProposalStatus.FULFILLED);
        String fulfilled = layla.get(path(offer)).body();
        assertFalse(fulfilled.contains("/responses/" + response + "/accept"), "accepting is refused now: " + fulfilled);
        assertTrue(fulfilled.contains("/responses/" + response + "/decline"), "declining is still taken: " + fulfilled);
        // The one offered succeeds.
        String declinePath = "/responses/" + response + "/decline";
        HttpResponse<String> asked = layla.submit(path(offer), declinePath, Map.of());
        assertEquals(303, layla.post(declinePath, PageClient.hiddenFields(asked.body(), declinePath)).statusCode());
        assertEquals(ResponseEntity.State.DECLINED, weft.server().db().inTransaction(s ->
                s.find(ResponseEntity.class, response).getState()));
        assertFalse(layla.get(path(offer)).body().contains("/responses/" + response + "/decline"), "decided once");
    }

    /**
     * How to answer from Mastodon is told while the proposal takes answers (open or promised), to everyone; once
     * fulfilled or expired, to nobody (its author, a member, a visitor), and its author's own withdrawn page no more.
     */
    @Test
    void howToAnswerFromMastodonIsToldOnlyWhileTheProposalTakesAnswers() {
        Messages en = Messages.forLanguage("en");
        PageClient visitor = new PageClient(weft.base());
        ProposalEntity open = publicOffer("A bread maker");
        ProposalEntity promised = publicOffer("A kettle");
        weft.server().proposals().service().changeStatus("layla", promised.getId(), ProposalStatus.PROMISED);
        for (ProposalEntity taking : List.of(open, promised)) {
            for (PageClient reader : List.of(layla, omar, visitor)) {
                assertTrue(reader.get(path(taking)).body().contains(en.get("proposal.mastodonHelp")), taking.getTitle());
            }
        }

        ProposalEntity fulfilled = publicOffer("A toaster");
        weft.server().proposals().service().changeStatus("layla", fulfilled.getId(), ProposalStatus.FULFILLED);
        ProposalEntity expired = publicOffer("A lamp");
        weft.server().db().run(s -> s.find(ProposalEntity.class, expired.getId()).setStatus(ProposalStatus.EXPIRED));
        for (ProposalEntity closed : List.of(fulfilled, expired)) {
            for (PageClient reader : List.of(layla, omar, visitor)) {
                HttpResponse<String> page = reader.get(path(closed));
                assertEquals(200, page.statusCode(), closed.getTitle());
                assertFalse(page.body().contains(en.get("proposal.mastodonTitle"))
                        || page.body().contains(en.get("proposal.mastodonHelp")), closed.getTitle() + ": " + page.body());
            }
        }
        ProposalEntity withdrawn = publicOffer("A rug");
        weft.server().proposals().service().changeStatus("layla", withdrawn.getId(), ProposalStatus.WITHDRAWN);
        HttpResponse<String> own = layla.get(path(withdrawn));
        assertEquals(200, own.statusCode(), "its author still sees it");
        assertFalse(own.body().contains(en.get("proposal.mastodonTitle")), own.body());
    }

    private static ProposalEntity offer(String title) {
        return weft.server().proposals().service().create("layla", ProposalDraft.builder().community("camp")
                .purpose(Purpose.OFFER).language("en").title(title).categories("bedding").build());
    }

    /** An offer everyone may read, visitors too. */
    private static ProposalEntity publicOffer(String title) {
        return weft.server().proposals().service().create("layla", ProposalDraft.builder().community("camp")
                .purpose(Purpose.OFFER).audience(Audience.PUBLIC).language("en").title(title).categories("bedding")
                .build());
    }

    private static String path(ProposalEntity p) {
        return URI.create(p.getUri()).getPath();
    }
}
