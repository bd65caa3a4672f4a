package org.weft.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weft.server.domain.proposal.ProposalDraft;
import org.weft.server.model.ProposalStatus;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.persistence.ResponseEntity;
import org.weft.server.testing.TestServers;

/**
 * What a proposal's page offers its author once it is closed. Fulfilled: a response can no longer be accepted, so the
 * page offers no accept form, only the decline the server still takes.
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

    private static ProposalEntity offer(String title) {
        return weft.server().proposals().service().create("layla", ProposalDraft.builder().community("camp")
                .purpose(Purpose.OFFER).language("en").title(title).categories("bedding").build());
    }

    private static String path(ProposalEntity p) {
        return URI.create(p.getUri()).getPath();
    }
}
