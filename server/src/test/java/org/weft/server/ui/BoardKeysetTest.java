package org.weft.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weft.server.domain.proposal.ProposalDraft;
import org.weft.server.model.Audience;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.ProposalQuery;
import org.weft.server.testing.TestServers;

/**
 * The board pages by keyset: an "Older" link carries the sort key of the page's last card, so walking the links
 * shows every proposal once, newest first, even when several share a publication instant, with the filters kept;
 * a proposal posted while someone pages does not push a card from one page onto the next; "Newer" walks back.
 */
class BoardKeysetTest {
    /** A card's title (its link carries the title's own language and direction). */
    private static final Pattern TITLE = Pattern.compile("<h2><a href=\"[^\"]*\"[^>]*>(Item \\d+)</a></h2>");
    private static final Pattern OLDER = Pattern.compile("<a href=\"([^\"]*)\" rel=\"next\">");
    private static final Pattern NEWER = Pattern.compile("<a href=\"([^\"]*)\" rel=\"prev\">");
    private static final int ITEMS = 45;
    private static TestServers.Instance weft;

    @BeforeAll
    static void start() throws Exception {
        weft = TestServers.start();
        weft.server().localActors().createGroup("camp", "Camp", null);
        weft.server().localActors().createGroup("harbour", "Harbour", null);
        weft.server().localActors().createMember("omar", "Omar", "omar-password", false);
        weft.server().localActors().createMember("lina", "Lina", "lina-password", false);
        for (String community : List.of("camp", "harbour")) {
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < ITEMS; i++) {
                ids.add(post("omar", community, i % 2 == 0 ? Purpose.OFFER : Purpose.REQUEST, "Item %02d".formatted(i)));
            }
            // The matcher is still storing matches for the new proposals (rows that lock the proposals they name):
            // rewriting those proposals meanwhile deadlocked with it on MariaDB again and again, past the retries.
            weft.server().matching().matcher().settled().get(30, TimeUnit.SECONDS);
            // Three proposals to each instant, a day ago: the page breaks must fall between rows of equal time.
            Instant base = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
            weft.server().db().run(s -> IntStream.range(0, ITEMS).forEach(i -> s.createNativeMutationQuery(
                            "update proposal set published_at = :at where id = :id")
                    .setParameter("at", base.plusSeconds(60L * (i / 3))).setParameter("id", ids.get(i)).executeUpdate()));
        }
    }

    @AfterAll
    static void stop() {
        weft.close();
    }

    @Test
    void olderLinksShowEveryProposalOnceNewestFirstAndNewerLinksWalkBack() {
        PageClient visitor = new PageClient(weft.base());
        List<List<String>> pages = new ArrayList<>();
        String html = visitor.get("/board/camp").body();
        assertNull(link(NEWER, html), "the newest page has nothing newer");
        assertTrue(html.contains("45 found"), "counted, under the cap");
        pages.add(titles(html));
        for (String older = link(OLDER, html); older != null; older = link(OLDER, html)) {
            assertTrue(older.contains("before=") && !older.contains("page="), older);
            html = visitor.get(older).body();
            pages.add(titles(html));
        }
        assertEquals(List.of(20, 20, 5), pages.stream().map(List::size).toList());
        assertEquals(IntStream.iterate(ITEMS - 1, i -> i >= 0, i -> i - 1).mapToObj("Item %02d"::formatted).toList(),
                pages.stream().flatMap(List::stream).toList(), "every proposal once, newest first, ties by id");

        String newer = link(NEWER, html);
        html = visitor.get(newer).body();
        assertEquals(pages.get(1), titles(html), "back one page");
        html = visitor.get(link(NEWER, html)).body();
        assertEquals(pages.get(0), titles(html), "back to the newest page");
        assertNull(link(NEWER, html), "and nothing newer than that");
    }

    @Test
    void filtersAreKeptFromPageToPage() {
        PageClient visitor = new PageClient(weft.base());
        List<String> seen = new ArrayList<>();
        String html = visitor.get("/board/camp?purpose=request").body();
        seen.addAll(titles(html));
        String older = link(OLDER, html);
        assertNotNull(older, "22 requests are more than a page");
        assertTrue(older.contains("purpose=request"), older);
        seen.addAll(titles(visitor.get(older).body()));
        assertEquals(IntStream.iterate(ITEMS - 2, i -> i >= 0, i -> i - 2).mapToObj("Item %02d"::formatted).toList(), seen,
                "only the requests, each once");
    }

    @Test
    void aProposalPostedWhileSomeonePagesDoesNotRepeatACard() {
        PageClient reader = new PageClient(weft.base());
        String first = reader.get("/board/harbour").body();
        List<String> firstPage = titles(first);
        assertEquals("Item 44", firstPage.getFirst());

        post("lina", "harbour", Purpose.REQUEST, "Item 99");

        List<String> secondPage = titles(reader.get(link(OLDER, first)).body());
        assertEquals(IntStream.iterate(24, i -> i >= 5, i -> i - 1).mapToObj("Item %02d"::formatted).toList(), secondPage,
                "the page after the one read, not shifted by the newcomer");
        List<String> newest = titles(reader.get("/board/harbour").body());
        assertEquals("Item 99", newest.getFirst(), "the newcomer heads the board for the next visit");
    }

    @Test
    void anEditedCursorShowsTheNewestPageAndOnePastTheEndLeadsBack() {
        PageClient visitor = new PageClient(weft.base());
        List<String> newest = titles(visitor.get("/board/camp").body());
        assertEquals(newest, titles(visitor.get("/board/camp?before=yesterday").body()), "not a cursor: the newest page");
        assertEquals(newest, titles(visitor.get("/board/camp?after=1-x").body()));

        String pastTheEnd = visitor.get("/board/camp?before=1-1").body();
        assertEquals(List.of(), titles(pastTheEnd), "nothing older than 1970");
        assertNull(link(OLDER, pastTheEnd));
        assertEquals(newest, titles(visitor.get(link(NEWER, pastTheEnd)).body()), "the way back is the newest page");
    }

    @Test
    void theCountStopsAtItsCap() {
        ProposalQuery board = new ProposalQuery("camp", null, null, null, null, null, null, false, true, 1, 20);
        assertEquals(11, (long) weft.server().db().inTransaction(s -> board.countUpTo(s, 10)), "cap + 1 means more");
        assertEquals(ITEMS, (long) weft.server().db().inTransaction(s -> board.countUpTo(s, 1_000)));
    }

    private static long post(String author, String community, Purpose purpose, String title) {
        return weft.server().proposals().service().create(author, ProposalDraft.builder().community(community)
                .purpose(purpose).language("en").title(title).description(title).categories("food")
                .audience(Audience.PUBLIC).build()).getId();
    }

    private static List<String> titles(String html) {
        List<String> titles = new ArrayList<>();
        Matcher m = TITLE.matcher(html);
        while (m.find()) {
            titles.add(m.group(1));
        }
        return titles;
    }

    private static String link(Pattern which, String html) {
        Matcher m = which.matcher(html);
        return m.find() ? m.group(1).replace("&amp;", "&") : null;
    }
}
