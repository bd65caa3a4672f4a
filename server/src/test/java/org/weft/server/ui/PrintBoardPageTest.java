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
import org.weft.web.i18n.Messages;

/**
 * The board on paper, as a camp resident reads it on a wall: an A4 page with no site navigation, in the asked language
 * (Arabic right to left, every sentence from the message files), its open public requests and offers with their
 * references, categories, areas and the community's handle to answer; community-only and closed proposals absent,
 * hostile titles escaped.
 */
class PrintBoardPageTest {
    private static TestServers.Instance weft;
    private static ProposalEntity bread;

    @BeforeAll
    static void start() {
        weft = TestServers.start();
        weft.server().localActors().createGroup("camp", "Camp Hope", null);
        weft.server().localActors().createMember("sara", "Sara", "sara-password", false);
        weft.server().proposals().areas().create("block-3", "Block 3", null, null);
        bread = post(Purpose.OFFER, "Fresh bread every morning", "bread", Audience.PUBLIC, "block-3");
        post(Purpose.REQUEST, "Formula for a newborn", "baby-food", Audience.ANONYMOUS, null);
        post(Purpose.OFFER, "<script>alert(1)</script>", "prams", Audience.PUBLIC, null);
        post(Purpose.OFFER, "Soup for members only", "food", Audience.COMMUNITY, null);
        ProposalEntity gone = post(Purpose.OFFER, "Withdrawn blankets", "bedding", Audience.PUBLIC, null);
        weft.server().proposals().service().changeStatus("sara", gone.getId(), ProposalStatus.WITHDRAWN);
    }

    @AfterAll
    static void stop() {
        weft.close();
    }

    @Test
    void theArabicSheetIsRightToLeftAndSaysEverythingInArabic() {
        HttpResponse<String> res = new PageClient(weft.base()).get("/board/camp/print?lang=ar");
        assertEquals(200, res.statusCode());
        String html = res.body();
        assertTrue(html.contains("<html lang=\"ar\" dir=\"rtl\">"), html);
        Messages ar = Messages.forLanguage("ar");
        for (String key : new String[] {"print.howToAnswer", "print.requests", "print.offers", "print.reference",
                "print.what", "print.until", "board.category", "board.area"}) {
            assertTrue(html.contains(ar.get(key)), key + " in Arabic: " + html);
        }
        assertTrue(html.contains(ar.get("print.title", Messages.isolate("Camp Hope"))), html);
        assertTrue(html.contains(ar.get("purpose.offer")) || html.contains(ar.get("print.offers")));
        assertFalse(html.contains(Messages.forLanguage("en").get("print.howToAnswer")), "no English sentence");
    }

    @Test
    void theSheetListsOpenPublicProposalsWithWhatAReaderNeedsToAnswer() {
        String html = new PageClient(weft.base()).get("/board/camp/print?lang=en").body();
        String uuid = bread.getUri().substring(bread.getUri().lastIndexOf('/') + 1);
        assertTrue(html.contains(uuid.replace("-", "").substring(0, 8).toUpperCase()), "the reference is printed");
        assertTrue(html.contains("Fresh bread every morning") && html.contains("Formula for a newborn"), html);
        assertTrue(html.contains("Block 3"), "the coarse area");
        assertTrue(html.contains("@camp@"), "the handle to answer");
        assertTrue(html.indexOf("Formula for a newborn") < html.indexOf("Fresh bread every morning"), "requests first");
        assertFalse(html.contains("Soup for members only"), "community-only stays off paper");
        assertFalse(html.contains("Withdrawn blankets"), "only open ones");
        assertFalse(html.contains("Sara"), "no member's name");
        assertFalse(html.contains("<script>alert"), "markup is escaped");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
    }

    @Test
    void thePageIsPlainAndSizedForA4() {
        String html = new PageClient(weft.base()).get("/board/camp/print").body();
        assertFalse(html.contains("class=\"site\""), "no site header or footer");
        assertFalse(html.contains("weft.css"), "the print sheet only");
        assertTrue(html.contains("href=\"/static/print.css\""), html);
        String css = new PageClient(weft.base()).get("/static/print.css").body();
        assertTrue(css.contains("size: A4"), css);
        assertTrue(css.contains("@media print"), css);
    }

    @Test
    void withoutLangTheVisitorsLanguageIsUsedAndAnUnknownCommunityIsNotFound() {
        String html = new PageClient(weft.base()).language("fa").get("/board/camp/print").body();
        assertTrue(html.contains("<html lang=\"fa\" dir=\"rtl\">"), html);
        assertEquals(404, new PageClient(weft.base()).get("/board/nobody/print").statusCode());
    }

    private static ProposalEntity post(Purpose purpose, String title, String concept, Audience audience, String area) {
        return weft.server().proposals().service().create("sara", ProposalDraft.builder().community("camp")
                .purpose(purpose).language("en").title(title).description("About " + title).categories(concept)
                .audience(audience).area(area).build());
    }
}
