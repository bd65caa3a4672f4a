package org.weft.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;

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
 * hostile titles escaped. A reference read off the sheet and typed into the board's search opens its proposal, for
 * whoever may see it, and for no one else.
 */
class PrintBoardPageTest {
    private static TestServers.Instance weft;
    private static ProposalEntity bread;
    private static ProposalEntity soup;
    private static ProposalEntity withdrawn;
    private static ProposalEntity elsewhere;

    @BeforeAll
    static void start() {
        weft = TestServers.start();
        weft.server().localActors().createGroup("camp", "Camp Hope", null);
        weft.server().localActors().createMember("sara", "Sara", "sara-password", false);
        weft.server().proposals().areas().create("block-3", "Block 3", null, null);
        bread = post(Purpose.OFFER, "Fresh bread every morning", "bread", Audience.PUBLIC, "block-3");
        post(Purpose.REQUEST, "Formula for a newborn", "baby-food", Audience.ANONYMOUS, null);
        post(Purpose.OFFER, "<script>alert(1)</script>", "prams", Audience.PUBLIC, null);
        soup = post(Purpose.OFFER, "Soup for members only", "food", Audience.COMMUNITY, null);
        withdrawn = post(Purpose.OFFER, "Withdrawn blankets", "bedding", Audience.PUBLIC, null);
        weft.server().proposals().service().changeStatus("sara", withdrawn.getId(), ProposalStatus.WITHDRAWN);
        weft.server().localActors().createGroup("other", "Another Camp", null);
        elsewhere = weft.server().proposals().service().create("sara", ProposalDraft.builder().community("other")
                .purpose(Purpose.OFFER).language("en").title("Tents in another camp").description("About tents")
                .categories("shelter").audience(Audience.PUBLIC).build());
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
                "print.what", "board.category", "board.area"}) {
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
        assertTrue(html.matches("(?s).*Until [A-Z][a-z]{2} \\d{1,2}, \\d{4}.*"), "until when, as a sentence: " + html);
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

    @Test
    void aReferenceReadOffTheSheetAndTypedIntoTheSearchOpensItsProposal() {
        String sheet = new PageClient(weft.base()).get("/board/camp/print?lang=en").body();
        String reference = reference(bread);
        assertTrue(sheet.contains(reference), "the reference is on the sheet: " + sheet);
        String page = "/proposals/" + uuid(bread);
        for (String typed : List.of(reference, reference.toLowerCase(), "%23" + reference, "%23" + reference.toLowerCase(),
                "+" + reference + "+")) {
            HttpResponse<String> visitor = new PageClient(weft.base()).get("/board/camp?q=" + typed);
            assertEquals(303, visitor.statusCode(), typed);
            assertEquals(page, visitor.headers().firstValue("Location").orElse(null), typed);
        }
        PageClient member = new PageClient(weft.base());
        member.login("sara", "sara-password");
        HttpResponse<String> found = member.get("/board/camp?q=%23" + reference);
        assertEquals(303, found.statusCode());
        assertEquals(page, found.headers().firstValue("Location").orElse(null));
        HttpResponse<String> opened = new PageClient(weft.base()).get(page);
        assertEquals(200, opened.statusCode());
        assertTrue(opened.body().contains("Fresh bread every morning"), "the visitor lands on the proposal");
    }

    @Test
    void aReferenceTheReaderMayNotSeeIsSearchedAsTextAndSaysNothingOfItsProposal() {
        String soupReference = reference(soup);
        assertFalse(new PageClient(weft.base()).get("/board/camp/print?lang=en").body().contains(soupReference),
                "a community-only proposal is not on paper");
        HttpResponse<String> visitor = new PageClient(weft.base()).get("/board/camp?q=%23" + soupReference);
        assertEquals(200, visitor.statusCode(), "an ordinary search for a visitor");
        assertTrue(visitor.headers().firstValue("Location").isEmpty());
        assertFalse(visitor.body().contains("Soup for members only"), visitor.body());
        assertFalse(visitor.body().contains(uuid(soup)), "nothing names the proposal");
        PageClient member = new PageClient(weft.base());
        member.login("sara", "sara-password");
        HttpResponse<String> forMember = member.get("/board/camp?q=%23" + soupReference);
        assertEquals(303, forMember.statusCode(), "a member may see it");
        assertEquals("/proposals/" + uuid(soup), forMember.headers().firstValue("Location").orElse(null));
        for (ProposalEntity unseen : List.of(withdrawn, elsewhere)) {
            HttpResponse<String> searched = member.get("/board/camp?q=" + reference(unseen));
            assertEquals(200, searched.statusCode(), unseen.getTitle() + " is withdrawn or another community's");
            assertFalse(searched.body().contains(unseen.getTitle()), searched.body());
        }
        assertEquals(303, member.get("/board/other?q=" + reference(elsewhere)).statusCode(), "on its own board it is found");
        assertEquals(200, new PageClient(weft.base()).get("/board/camp?q=" + reference(bread) + "0").statusCode(),
                "nine characters are no reference");
        assertEquals(200, new PageClient(weft.base()).get("/board/camp?q=bread").statusCode());
    }

    private static String uuid(ProposalEntity p) {
        return p.getUri().substring(p.getUri().lastIndexOf('/') + 1);
    }

    /** The reference as the sheet prints it. */
    private static String reference(ProposalEntity p) {
        return uuid(p).replace("-", "").substring(0, 8).toUpperCase();
    }

    private static ProposalEntity post(Purpose purpose, String title, String concept, Audience audience, String area) {
        return weft.server().proposals().service().create("sara", ProposalDraft.builder().community("camp")
                .purpose(purpose).language("en").title(title).description("About " + title).categories(concept)
                .audience(audience).area(area).build());
    }
}
