package org.weft.server.opendata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.io.WireFeedInput;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weft.server.domain.proposal.ProposalDraft;
import org.weft.server.model.Audience;
import org.weft.server.model.ProposalStatus;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;
import org.weft.server.ui.PageClient;
import org.weft.web.i18n.Messages;
import org.xml.sax.InputSource;

/**
 * A feed reader's view of a community: the Atom feed, read with ROME's parser, holds its open public offers and
 * requests, each linking to a page a visitor can open; the category and area feeds hold only theirs; a withdrawn or
 * promised proposal leaves the feed; hostile titles stay text; the feed speaks the asked language; every board page
 * names its feeds in its head.
 */
class AtomFeedTest {
    private static final String HOSTILE = "<b>Bold</b> & <script>alert(1)</script>";
    private static TestServers.Instance weft;

    @BeforeAll
    static void start() {
        weft = TestServers.start();
        weft.server().localActors().createGroup("camp", "Camp Hope", null);
        weft.server().localActors().createMember("lina", "Lina", "lina-password", false);
        weft.server().proposals().areas().create("north", "North side", null, null);
        post(Purpose.OFFER, "Fresh bread every morning", "bread", Audience.PUBLIC, "north");
        post(Purpose.REQUEST, "A wheelchair for my father", "mobility-aids", Audience.ANONYMOUS, null);
        post(Purpose.OFFER, HOSTILE, "prams", Audience.PUBLIC, null);
        post(Purpose.OFFER, "Soup for members only", "food", Audience.COMMUNITY, "north");
    }

    @AfterAll
    static void stop() {
        weft.close();
    }

    @Test
    void theFeedHoldsTheOpenPublicProposalsEachLinkingToItsPage() throws Exception {
        HttpResponse<String> res = get("/board/camp/feed.atom");
        assertEquals(200, res.statusCode());
        assertTrue(res.headers().firstValue("Content-Type").orElse("").startsWith("application/atom+xml"));
        Feed feed = parse(res.body());
        assertEquals("atom_1.0", feed.getFeedType());
        assertEquals(Messages.forLanguage("en").get("feed.title.all", "Camp Hope"), feed.getTitleEx().getValue());
        assertTrue(feed.getUpdated() != null, "a feed has its updated time");
        List<String> titles = titles(feed);
        assertEquals(3, titles.size(), titles.toString());
        assertTrue(titles.contains("Offer: Fresh bread every morning"), titles.toString());
        assertTrue(titles.contains("Request: A wheelchair for my father"), titles.toString());
        assertFalse(res.body().contains("Soup for members only"), "community-only stays out");
        for (Entry e : entries(feed)) {
            String href = e.getAlternateLinks().getFirst().getHref();
            assertEquals(e.getId(), href, "the id is the proposal's address");
            HttpResponse<String> page = new PageClient(weft.base()).get(URI.create(href).getPath());
            assertEquals(200, page.statusCode(), href);
            assertEquals(1, e.getCategories().size());
            assertTrue(e.getUpdated() != null && e.getPublished() != null);
        }
        assertTrue(res.body().contains("Lina") == false, "the member is not named; the community is the author");
        assertEquals("Camp Hope", feed.getAuthors().getFirst().getName());
    }

    @Test
    void hostileTitlesAreTextInTheXml() throws Exception {
        String xml = get("/board/camp/feed.atom").body();
        assertFalse(xml.contains("<script>"), xml);
        assertFalse(xml.contains("<b>Bold"), xml);
        assertTrue(titles(parse(xml)).contains("Offer: " + HOSTILE), "the parser reads the title back exactly");
    }

    @Test
    void categoryAndAreaFeedsHoldOnlyTheirs() throws Exception {
        assertEquals(List.of("Offer: Fresh bread every morning"), titles(parse(get("/board/camp/feed.atom?category=food")
                .body())));
        assertEquals(List.of("Offer: Fresh bread every morning"), titles(parse(get("/board/camp/feed.atom?area=north")
                .body())));
        assertEquals(List.of("Request: A wheelchair for my father"), titles(parse(get("/board/camp/feed.atom?purpose=request")
                .body())));
        Feed offers = parse(get("/board/camp/feed.atom?purpose=offer&lang=fr").body());
        assertEquals(Messages.forLanguage("fr").get("feed.title.offer", "Camp Hope"), offers.getTitleEx().getValue());
        Link self = offers.getOtherLinks().stream().filter(l -> "self".equals(l.getRel())).findFirst().orElseThrow();
        assertEquals(weft.base() + "/board/camp/feed.atom?purpose=offer&lang=fr", self.getHref());
    }

    @Test
    void theFeedSpeaksTheAskedLanguage() throws Exception {
        String xml = get("/board/camp/feed.atom?lang=ar").body();
        assertTrue(xml.contains("xml:lang=\"ar\""), xml);
        Messages ar = Messages.forLanguage("ar");
        assertTrue(titles(parse(xml)).contains(ar.get("feed.entryTitle", ar.get("purpose.offer"), "Fresh bread every morning")));
    }

    @Test
    void aWithdrawnOrPromisedProposalLeavesTheFeed() throws Exception {
        ProposalEntity gone = post(Purpose.OFFER, "Blankets, soon withdrawn", "bedding", Audience.PUBLIC, null);
        ProposalEntity taken = post(Purpose.OFFER, "Lentils, soon promised", "food", Audience.PUBLIC, null);
        assertTrue(titles(parse(get("/board/camp/feed.atom").body())).contains("Offer: Blankets, soon withdrawn"));
        weft.server().proposals().service().changeStatus("lina", gone.getId(), ProposalStatus.WITHDRAWN);
        weft.server().proposals().service().changeStatus("lina", taken.getId(), ProposalStatus.PROMISED);
        List<String> after = titles(parse(get("/board/camp/feed.atom").body()));
        assertFalse(after.contains("Offer: Blankets, soon withdrawn"), after.toString());
        assertFalse(after.contains("Offer: Lentils, soon promised"), after.toString());
        assertTrue(after.contains("Offer: Fresh bread every morning"), after.toString());
    }

    @Test
    void aReaderPollingWithItsETagIsToldNothingChangedUntilSomethingDoes() throws Exception {
        HttpResponse<String> first = get("/board/camp/feed.atom");
        assertEquals(200, first.statusCode());
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertTrue(etag.matches("W/\"[0-9a-f]{16}\""), etag);
        String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
        assertTrue(first.headers().firstValue("Vary").orElse("").contains("Accept-Language"), first.headers().toString());

        HttpResponse<String> again = conditional("/board/camp/feed.atom", "If-None-Match", etag);
        assertEquals(304, again.statusCode());
        assertEquals("", again.body());
        assertEquals(etag, again.headers().firstValue("ETag").orElse(null), "a 304 names the tag it confirms");
        assertEquals(304, conditional("/board/camp/feed.atom", "If-None-Match", "\"other\", " + etag).statusCode());
        assertEquals(304, conditional("/board/camp/feed.atom", "If-Modified-Since", lastModified).statusCode());
        HttpResponse<String> zipped = TestHttp.send(HttpRequest.newBuilder(URI.create(weft.base() + "/board/camp/feed.atom"))
                .header("Accept-Encoding", "gzip").header("If-None-Match", etag).GET().build());
        assertEquals(304, zipped.statusCode(), "a reader asking for gzip is told the same");
        assertEquals("", zipped.body(), "and gets no body, not even an empty gzip stream");

        String arabic = get("/board/camp/feed.atom?lang=ar").headers().firstValue("ETag").orElseThrow();
        String offers = get("/board/camp/feed.atom?purpose=offer").headers().firstValue("ETag").orElseThrow();
        String french = TestHttp.send(HttpRequest.newBuilder(URI.create(weft.base() + "/board/camp/feed.atom"))
                .header("Accept-Language", "fr").GET().build()).headers().firstValue("ETag").orElseThrow();
        assertEquals(4, Set.of(etag, arabic, offers, french).size(), "each language and filter has its own tag");
        assertEquals(200, conditional("/board/camp/feed.atom?lang=ar", "If-None-Match", etag).statusCode());

        ProposalEntity added = post(Purpose.OFFER, "Rice, just posted", "food", Audience.PUBLIC, null);
        HttpResponse<String> afterNew = conditional("/board/camp/feed.atom", "If-None-Match", etag);
        assertEquals(200, afterNew.statusCode(), "a new proposal changes the feed");
        assertTrue(titles(parse(afterNew.body())).contains("Offer: Rice, just posted"));
        String newTag = afterNew.headers().firstValue("ETag").orElseThrow();
        assertFalse(newTag.equals(etag));
        assertEquals(304, conditional("/board/camp/feed.atom", "If-None-Match", newTag).statusCode());

        weft.server().proposals().service().edit("lina", added.getId(), ProposalDraft.builder().community("camp")
                .purpose(Purpose.OFFER).language("en").title("Rice and lentils").description("About rice")
                .categories("food").audience(Audience.PUBLIC).build());
        HttpResponse<String> afterEdit = conditional("/board/camp/feed.atom", "If-None-Match", newTag);
        assertEquals(200, afterEdit.statusCode(), "an edit changes the feed");
        assertTrue(titles(parse(afterEdit.body())).contains("Offer: Rice and lentils"));
        String editedTag = afterEdit.headers().firstValue("ETag").orElseThrow();

        weft.server().proposals().service().changeStatus("lina", added.getId(), ProposalStatus.WITHDRAWN);
        HttpResponse<String> afterWithdrawal = conditional("/board/camp/feed.atom", "If-None-Match", editedTag);
        assertEquals(200, afterWithdrawal.statusCode(), "a withdrawal changes the feed");
        assertFalse(afterWithdrawal.body().contains("Rice and lentils"));
        assertFalse(Set.of(etag, newTag, editedTag).contains(afterWithdrawal.headers().firstValue("ETag").orElseThrow()));
    }

    private static HttpResponse<String> conditional(String path, String header, String value) {
        return TestHttp.send(HttpRequest.newBuilder(URI.create(weft.base() + path)).header(header, value).GET().build());
    }

    @Test
    void everyBoardPageNamesItsFeedsInItsHead() {
        String html = new PageClient(weft.base()).get("/board/camp").body();
        String head = html.substring(0, html.indexOf("</head>"));
        assertTrue(head.contains("<link rel=\"alternate\" type=\"application/atom+xml\""), head);
        assertTrue(head.contains("href=\"/board/camp/feed.atom?lang=en\""), head);
        String filtered = new PageClient(weft.base()).get("/board/camp?purpose=request&category=food&area=north").body();
        String filteredHead = filtered.substring(0, filtered.indexOf("</head>"));
        assertTrue(filteredHead.contains("href=\"/board/camp/feed.atom?purpose=request&amp;category=food&amp;area=north"
                + "&amp;lang=en\""), filteredHead);
        String older = new PageClient(weft.base()).language("ar").get("/board/camp?before=x").body();
        assertTrue(older.substring(0, older.indexOf("</head>")).contains("/board/camp/feed.atom?lang=ar"), older);
        assertTrue(html.contains("href=\"/board/camp/proposals.hxl.csv?lang=en\""), "the board links to its data");
        assertTrue(html.contains("href=\"/board/camp/print?lang=en\""), "and to its printable page");
    }

    private static Feed parse(String xml) throws Exception {
        WireFeedInput input = new WireFeedInput();
        return (Feed) input.build(new InputSource(new StringReader(xml)));
    }

    @SuppressWarnings("unchecked")
    private static List<Entry> entries(Feed feed) {
        return feed.getEntries();
    }

    private static List<String> titles(Feed feed) {
        return entries(feed).stream().map(e -> e.getTitleEx().getValue()).toList();
    }

    private static HttpResponse<String> get(String path) {
        return TestHttp.send(HttpRequest.newBuilder(URI.create(weft.base() + path)).GET().build());
    }

    private static ProposalEntity post(Purpose purpose, String title, String concept, Audience audience, String area) {
        return weft.server().proposals().service().create("lina", ProposalDraft.builder().community("camp")
                .purpose(purpose).language("en").title(title).description("About " + title).categories(concept)
                .audience(audience).area(area).build());
    }
}
