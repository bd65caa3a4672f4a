package org.weft.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weft.server.domain.proposal.ProposalDraft;
import org.weft.server.model.Audience;
import org.weft.server.model.ProposalStatus;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.testing.TestServers;

/**
 * The hashtag links in federated posts lead to {@code /tags/{tag}}: a category's tag lists that category and the ones
 * below it, the purpose tags list offers or requests, community-only and closed proposals stay off it, and a tag
 * Weft does not use is a 404.
 */
class TagPageTest {
    private static TestServers.Instance weft;

    @BeforeAll
    static void start() {
        weft = TestServers.start();
        weft.server().localActors().createGroup("camp", "Camp", null);
        weft.server().localActors().createMember("omar", "Omar", "omar-password", false);
        post(Purpose.OFFER, "Fresh bread every morning", "bread", Audience.PUBLIC);
        post(Purpose.REQUEST, "Formula for a newborn", "baby-food", Audience.PUBLIC);
        post(Purpose.OFFER, "A pram to lend", "prams", Audience.PUBLIC);
        post(Purpose.OFFER, "Soup for the block only", "food", Audience.COMMUNITY);
        ProposalEntity gone = post(Purpose.OFFER, "Bread that was withdrawn", "bread", Audience.PUBLIC);
        weft.server().proposals().service().changeStatus("omar", gone.getId(), ProposalStatus.WITHDRAWN);
    }

    @AfterAll
    static void stop() {
        weft.close();
    }

    @Test
    void aCategoryTagListsThatCategoryAndNarrowerOnes() {
        HttpResponse<String> page = new PageClient(weft.base()).get("/tags/food");
        assertEquals(200, page.statusCode());
        String html = page.body();
        assertTrue(html.contains("Fresh bread every morning"), html);
        assertTrue(html.contains("Formula for a newborn"), html);
        assertFalse(html.contains("A pram to lend"), "another category");
        assertFalse(html.contains("Soup for the block only"), "community-only proposals are not shown to visitors");
        assertFalse(html.contains("Bread that was withdrawn"), "only open and promised ones");
        assertTrue(html.contains("in the category “Food”"), html);
    }

    @Test
    void purposeTagsListOffersOrRequestsAndTagsFoldCase() {
        String offers = new PageClient(weft.base()).get("/tags/mutualaidoffer").body();
        assertTrue(offers.contains("Fresh bread every morning") && offers.contains("A pram to lend"), offers);
        assertFalse(offers.contains("Formula for a newborn"), offers);
        String requests = new PageClient(weft.base()).get("/tags/MutualAidRequest").body();
        assertTrue(requests.contains("Formula for a newborn"), requests);
        assertFalse(requests.contains("A pram to lend"), requests);
    }

    @Test
    void theTagPageSpeaksTheVisitorsLanguage() {
        String html = new PageClient(weft.base()).language("ar").get("/tags/bread").body();
        assertTrue(html.contains("dir=\"rtl\""), html);
        assertTrue(html.contains("«خبز»"), html);
        assertTrue(html.contains("Fresh bread every morning"), html);
    }

    @Test
    void aTagWeftDoesNotUseIsNotFound() {
        assertEquals(404, new PageClient(weft.base()).get("/tags/cats").statusCode());
        assertEquals(404, new PageClient(weft.base()).get("/tags/%3Cscript%3E").statusCode());
    }

    private static ProposalEntity post(Purpose purpose, String title, String concept, Audience audience) {
        return weft.server().proposals().service().create("omar", ProposalDraft.builder().community("camp")
                .purpose(purpose).language("en").title(title).description(title).categories(concept)
                .audience(audience).build());
    }
}
