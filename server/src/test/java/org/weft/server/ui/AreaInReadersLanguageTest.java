package org.weft.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.weft.server.api.ApiClient.expect;

import java.net.URI;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weft.server.api.ApiClient;
import org.weft.server.domain.proposal.ProposalDraft;
import org.weft.server.model.Audience;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;

/**
 * A request posted (anonymously) in Block 3 of Camp A, as each reader meets its area: in Arabic on the board's cards, the request's
 * page, the member's own list, the matches page and the printed sheet, "Camp A، Block 3" with the Arabic comma (as the
 * area menus already wrote it); in English "Camp A, Block 3"; and for programs (the API), always the stored
 * "Camp A, Block 3", whatever language the caller reads.
 */
class AreaInReadersLanguageTest {
    private static final String ARABIC = "Camp A\u060c Block 3";
    private static final String DATA = "Camp A, Block 3";
    private static TestServers.Instance weft;
    private static ApiClient laylaApi;
    private static ApiClient omarApi;
    private static ProposalEntity request;

    @BeforeAll
    static void start() {
        weft = TestServers.start();
        weft.server().localActors().createGroup("camp", "Camp Board", null);
        weft.server().proposals().areas().create("camp-a", "Camp A", null, null);
        weft.server().proposals().areas().create("camp-a/block-3", "Block 3", null, null);
        laylaApi = ApiClient.newMember(weft, "layla", "Layla");
        omarApi = ApiClient.newMember(weft, "omar", "Omar");
        long before = weft.server().matching().matcher().applied();
        request = weft.server().proposals().service().create("layla", ProposalDraft.builder().community("camp")
                .purpose(Purpose.REQUEST).language("en").title("Formula for a baby").categories("baby-food")
                .audience(Audience.ANONYMOUS).area("camp-a/block-3").build());
        weft.server().proposals().service().create("omar", ProposalDraft.builder().community("camp")
                .purpose(Purpose.OFFER).language("en").title("Baby formula, two tins").categories("baby-food").build());
        WaitFor.condition("the offer and the request are matched",
                () -> weft.server().matching().matcher().applied() >= before + 2);
    }

    @AfterAll
    static void stop() {
        weft.close();
    }

    @Test
    void anArabicReaderReadsTheAreaWithTheArabicComma() {
        PageClient layla = page("layla", "ar");
        String board = layla.get("/board/camp").body();
        assertTrue(board.contains(" · <bdi dir=\"auto\">" + ARABIC + "</bdi> · "), "the card: " + board);
        assertFalse(board.contains(DATA), board);
        String proposal = layla.get(path(request)).body();
        assertTrue(proposal.contains("<dd><bdi dir=\"auto\">" + ARABIC + "</bdi></dd>"), proposal);
        assertFalse(proposal.contains(DATA), proposal);
        String mine = layla.get("/me/proposals").body();
        assertTrue(mine.contains(ARABIC) && !mine.contains(DATA), mine);
        String matches = page("omar", "ar").get("/me/matches").body();
        assertTrue(matches.contains("Formula for a baby") && matches.contains(ARABIC) && !matches.contains(DATA), matches);
        String sheet = new PageClient(weft.base()).get("/board/camp/print?lang=ar").body();
        assertTrue(sheet.contains(ARABIC) && !sheet.contains(DATA), sheet);
    }

    @Test
    void anEnglishReaderReadsItWithACommaAndProgramsAlwaysDo() {
        assertTrue(page("layla", "en").get(path(request)).body().contains("<dd><bdi dir=\"auto\">" + DATA + "</bdi></dd>"));
        assertTrue(new PageClient(weft.base()).language("en").get("/board/camp").body()
                .contains(" · <bdi dir=\"auto\">" + DATA + "</bdi> · "));
        assertEquals(DATA, expect(200, laylaApi.get("/proposals/" + request.getId())).path("area").path("name").asText());
        assertEquals(DATA, expect(200, omarApi.get("/me/matches?lang=ar")).path("matches").get(0).path("other").path("area").asText());
    }

    private static PageClient page(String username, String language) {
        PageClient client = new PageClient(weft.base()).language(language);
        client.login(username, "a long enough password");
        return client;
    }

    private static String path(ProposalEntity p) {
        return URI.create(p.getUri()).getPath();
    }
}
