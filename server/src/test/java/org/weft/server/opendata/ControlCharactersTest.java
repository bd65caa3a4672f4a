package org.weft.server.opendata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.io.WireFeedInput;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weft.server.domain.proposal.ProposalDraft;
import org.weft.server.model.Audience;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.testing.MastodonPeer;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;
import org.weft.server.ui.PageClient;
import org.xml.sax.InputSource;

/**
 * A NUL in one member's title must not stop a community's feed for everyone. What a member types loses the control
 * characters no one means (the page and the Note other servers get show the title without them); what another server
 * sends with one still leaves the Atom feed well-formed, in every language.
 */
class ControlCharactersTest {
    private static final String PASSWORD = "a long enough password";
    private static TestServers.Instance weft;
    private static MastodonPeer mastodon;

    @BeforeAll
    static void start() {
        weft = TestServers.start();
        mastodon = new MastodonPeer(weft.base());
        weft.server().localActors().createGroup("block3", "Block 3", null);
        weft.server().localActors().createMember("amina", "Amina", PASSWORD, false);
    }

    @AfterAll
    static void stop() {
        mastodon.close();
        weft.close();
    }

    @Test
    void aTitleTypedWithANulIsStoredWithoutIt() throws Exception {
        PageClient amina = new PageClient(weft.base());
        amina.login("amina", PASSWORD);
        HttpResponse<String> made = amina.submit("/new?purpose=request", "/new", Map.of("purpose", "request",
                "community", "block3", "title", "abc\u0000def", "description", "one\u0007 two\u009b\n\tthree",
                "category", "bread", "kind", "GIFT", "audience", "PUBLIC"));
        assertEquals(303, made.statusCode(), made.body());
        String proposal = made.headers().firstValue("Location").orElseThrow();

        String page = new PageClient(weft.base()).get(URI.create(proposal).getPath()).body();
        assertFalse(page.contains("\u0000") || page.contains("\u0007") || page.contains("\u009b"), page);
        assertTrue(page.contains("abcdef"), "what the member meant is kept: " + page);
        String note = TestHttp.get(proposal, "application/activity+json").body();
        assertFalse(note.contains("\\u0000") || note.contains("\u0000") || note.contains("\\u0007"), note);
        assertTrue(TestHttp.json(note).path("content").asText().contains("abcdef"), note);

        for (String lang : new String[] {"en", "ar"}) {
            HttpResponse<String> feed = feed(lang);
            assertEquals(200, feed.statusCode(), feed.body());
            assertTrue(titles(parse(feed.body())).stream().anyMatch(t -> t.endsWith("abcdef")), feed.body());
        }
    }

    /**
     * The feed lists this server's own proposals only (OpenProposals), so text from elsewhere reaches it as rows that
     * hold it already: one kept before forms dropped control characters, as on the demo where QA found this.
     */
    @Test
    void aStoredTitleWithANulLeavesTheFeedReadable() throws Exception {
        ProposalEntity stored = weft.server().proposals().service().create("amina", ProposalDraft.builder()
                .community("block3").purpose(Purpose.OFFER).language("en").title("Lentils").description("Dry lentils")
                .categories("food").audience(Audience.PUBLIC).build());
        weft.server().db().run(s -> {
            ProposalEntity p = s.find(ProposalEntity.class, stored.getId());
            p.setTitle("Len\u0000tils");
            p.setDescription("Dry\u0001 lentils\uffff");
        });
        for (String lang : new String[] {"en", "ar"}) {
            HttpResponse<String> feed = feed(lang);
            assertEquals(200, feed.statusCode(), feed.body());
            assertFalse(feed.body().contains("\u0000") || feed.body().contains("\u0001"), feed.body());
            Entry entry = entries(parse(feed.body())).stream().filter(e -> e.getId().equals(stored.getUri()))
                    .findFirst().orElseThrow(() -> new AssertionError(feed.body()));
            assertTrue(entry.getTitleEx().getValue().endsWith("Lentils"), entry.getTitleEx().getValue());
        }
    }

    /**
     * JSON could carry a NUL as an escape, but the servers that read a Note keep its text in PostgreSQL (Mastodon,
     * Lemmy, Misskey), whose text holds no NUL: the Note another server fetches or is sent is written without them.
     */
    @Test
    void aStoredTitleWithANulLeavesTheNoteReadable() throws Exception {
        ProposalEntity stored = weft.server().proposals().service().create("amina", ProposalDraft.builder()
                .community("block3").purpose(Purpose.OFFER).language("en").title("Rice").description("A sack of rice")
                .categories("food").audience(Audience.PUBLIC).build());
        weft.server().db().run(s -> {
            ProposalEntity p = s.find(ProposalEntity.class, stored.getId());
            p.setTitle("Ri\u0000ce\u0007");
            p.setDescription("A sack\u009b of\u0001 rice\uffff");
        });

        HttpResponse<String> note = TestHttp.get(stored.getUri(), "application/activity+json");
        assertEquals(200, note.statusCode(), note.body());
        for (String control : List.of("\u0000", "\u0007", "\u009b", "\u0001", "\uffff")) {
            assertFalse(note.body().contains(control), "no " + control.codePointAt(0) + " in " + note.body());
            String escape = String.format("\\u%04x", control.codePointAt(0));
            assertFalse(note.body().toLowerCase(Locale.ROOT).contains(escape), "nor its escape: " + note.body());
        }
        String content = TestHttp.json(note.body()).path("content").asText();
        assertTrue(content.contains("Rice") && content.contains("A sack of rice"), content);
    }

    @Test
    void aRemotePostWithANulLeavesTheFeedReadable() throws Exception {
        URI inbox = URI.create(weft.base() + "/inbox");
        mastodon.deliver(inbox, mastodon.fixture("mastodon/follow.json")
                .replace(weft.base() + "/users/amina", weft.base() + "/groups/block3"));
        WaitFor.condition("the follow is accepted", () -> mastodon.inboxPosts().stream()
                .anyMatch(r -> r.getBodyAsString().contains("\"Accept\"")));
        String post = mastodon.fixture("mastodon/create-note-public.json")
                .replace("<p>Veg boxes for", "<p>Veg\\u0000 boxes\\u0001 for");
        String postId = TestHttp.json(post).path("object").path("id").asText();
        assertEquals(202, mastodon.deliver(inbox, post).statusCode());
        WaitFor.value("the follower's request is kept", () -> kept(postId));

        assertTrue(new PageClient(weft.base()).get("/board/block3").body().contains("boxes"), "it is on the board");
        for (String lang : new String[] {"en", "ar"}) {
            HttpResponse<String> feed = feed(lang);
            assertEquals(200, feed.statusCode(), feed.body());
            assertFalse(feed.body().contains("\u0000") || feed.body().contains("\u0001"), feed.body());
            parse(feed.body());
        }
    }

    private static ProposalEntity kept(String uri) {
        return weft.server().db().inTransaction(s -> s.createSelectionQuery("from ProposalEntity where uri = :u",
                ProposalEntity.class).setParameter("u", uri).uniqueResultOptional()
                .filter(p -> p.getModeration() == ProposalEntity.Moderation.VISIBLE).orElse(null));
    }

    private static HttpResponse<String> feed(String lang) {
        return TestHttp.send(HttpRequest.newBuilder(URI.create(weft.base() + "/board/block3/feed.atom?lang=" + lang))
                .GET().build());
    }

    private static Feed parse(String xml) throws Exception {
        return (Feed) new WireFeedInput().build(new InputSource(new StringReader(xml)));
    }

    @SuppressWarnings("unchecked")
    private static List<Entry> entries(Feed feed) {
        return feed.getEntries();
    }

    private static List<String> titles(Feed feed) {
        return entries(feed).stream().map(e -> e.getTitleEx().getValue()).toList();
    }
}
