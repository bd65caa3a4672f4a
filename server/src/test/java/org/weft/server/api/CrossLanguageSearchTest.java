package org.weft.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.weft.server.api.ApiClient.expect;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.weft.server.domain.proposal.ProposalDraft;
import org.weft.server.model.Audience;
import org.weft.server.model.Purpose;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;
import org.weft.server.ui.PageClient;

/**
 * Board search across languages (issue 14 item 7), through the API and the HTML board: the search's words name
 * concepts in any of the six languages (with the narrower ones), and its words meet a post's words stemmed in the
 * post's own language. An Arabic babysitting offer is found by "babysitting", an English one by "رعاية أطفال", both
 * by "garde d'enfants"; "maderas" finds a Spanish "madera" (no substring of it); words that name none of them find none
 * of them. After the stored terms are lost (as rows older than V54 have none) and the server restarts, the search
 * finds the same again.
 */
class CrossLanguageSearchTest {
    private static final String ARABIC = "مجالسة الأطفال مساء الجمعة";
    private static final String ENGLISH = "Babysitting on Saturday afternoons";
    private static final String SPANISH = "Regalo una mesa de madera";
    private static final String FRENCH = "Du pain frais chaque matin";
    /** A title that says nothing of what is offered: the word searched for is in the description alone. */
    private static final String GIFT = "A small gift";

    @Test
    void searchFindsTheSameOffersWhateverLanguageItIsWrittenIn() throws Exception {
        TestServers.Instance weft = TestServers.start();
        try {
            weft.server().localActors().createGroup("camp", "Camp", null);
            weft.server().localActors().createMember("omar", "Omar", "a long enough password", false);
            offer(weft, "ar", ARABIC, "babysitting");
            offer(weft, "en", ENGLISH, "babysitting");
            offer(weft, "es", SPANISH, "furniture");
            offer(weft, "fr", FRENCH, "bread");
            weft.server().proposals().service().create("omar", ProposalDraft.builder().community("camp")
                    .purpose(Purpose.OFFER).language("en").title(GIFT).description("An old harmonica, it still plays well")
                    .categories("furniture").audience(Audience.PUBLIC).build());
            assertFinds(weft);

            // Rows from before V54 have no terms: lose them, restart, and the start-up backfill stores them again.
            int cleared = weft.server().db().inTransaction(s -> {
                s.createNativeMutationQuery("delete from proposal_term").executeUpdate();
                return s.createNativeMutationQuery("update proposal set terms_version = null").executeUpdate();
            });
            assertEquals(5, cleared);
            // Until the backfill reaches them, rows without terms are found by their letters (and only by them).
            assertEquals(Set.of(GIFT), api(weft, "harmonica"), "a stored row without terms is found by its description");
            assertEquals(Set.of(ENGLISH), api(weft, "saturday"), "and by its title");
            assertEquals(Set.of(), api(weft, "bicycle"), "a word none of them holds still finds none");
            weft = weft.restart();
            TestServers.Instance restarted = weft;
            WaitFor.condition("the terms are stored again", () -> restarted.server().db().inTransaction(s ->
                    s.createNativeQuery("select count(*) from proposal where terms_version is null", Long.class)
                            .getSingleResult()) == 0);
            assertFinds(weft);
        } finally {
            weft.close();
        }
    }

    private static void assertFinds(TestServers.Instance weft) {
        assertEquals(Set.of(ARABIC, ENGLISH), api(weft, "babysitting"), "English finds the Arabic offer by its concept");
        assertEquals(Set.of(ARABIC, ENGLISH), api(weft, "رعاية أطفال"), "Arabic finds the English one (childcare, narrower)");
        assertEquals(Set.of(ARABIC, ENGLISH), api(weft, "garde d'enfants"), "and French finds both");
        // Words no concept knows, found by their stems only (the plural is no substring of the singular).
        assertEquals(Set.of(SPANISH), api(weft, "maderas"), "a plural finds the Spanish singular by its stem");
        assertEquals(Set.of(FRENCH), api(weft, "matins"), "and a French one");
        assertEquals(Set.of(), api(weft, "bicycle"), "a word none of them holds or names finds none");
        // A word no concept names, in the title or the description only, found through the stored terms.
        assertEquals(Set.of(GIFT), api(weft, "harmonicas"), "a word of the description alone finds the post");
        assertEquals(Set.of(ENGLISH), api(weft, "Saturdays"), "a word of the title alone finds the post");
        assertEquals(Set.of(), api(weft, "harmonica saturday"), "each word must be in the same post");
        assertEquals(Set.of(), api(weft, "maderas matins"), "every word must be found: no offer has both");
        String board = new PageClient(weft.base()).get("/board/camp?q=" + enc("babysitting")).body();
        assertTrue(board.contains(ARABIC) && board.contains(ENGLISH), board);
        assertTrue(!board.contains(SPANISH) && !board.contains(FRENCH), board);
        String arabic = new PageClient(weft.base()).get("/board/camp?q=" + enc("رعاية أطفال")).body();
        assertTrue(arabic.contains(ENGLISH) && !arabic.contains(SPANISH), arabic);
    }

    private static Set<String> api(TestServers.Instance weft, String q) {
        Set<String> titles = new TreeSet<>();
        expect(200, ApiClient.anonymous(weft).get("/proposals?q=" + enc(q))).path("items")
                .forEach(p -> titles.add(p.path("title").asText()));
        return titles;
    }

    private static void offer(TestServers.Instance weft, String language, String title, String category) {
        weft.server().proposals().service().create("omar", ProposalDraft.builder().community("camp")
                .purpose(Purpose.OFFER).language(language).title(title).description(title).categories(category)
                .audience(Audience.PUBLIC).build());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
