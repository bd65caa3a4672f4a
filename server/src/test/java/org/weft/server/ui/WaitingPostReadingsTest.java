package org.weft.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.weft.server.api.ApiClient.expect;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weft.server.api.ApiClient;
import org.weft.server.domain.taxonomy.Concept;
import org.weft.server.domain.taxonomy.Taxonomy;
import org.weft.server.model.HelpKind;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.testing.HeldPosts;
import org.weft.server.testing.MastodonPeer;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;
import org.weft.web.i18n.Messages;

/**
 * Issue 14 item 2, "when unsure, the post waits for a moderator": a follower's post the classifier is unsure of waits
 * with the classifier's two best readings, which the community's moderator sees on the queue page as sentences in
 * their own language (French, Arabic right to left), with the taxonomy's labels; "This one" on the second reading puts
 * the post on the board under exactly that reading, and a member's request for one of its concepts is matched with it.
 * A post held for another reason (its author does not follow the community) shows no readings. A non-moderator, a post
 * no longer waiting, a reading that was not shown and a form without its CSRF token change nothing.
 */
class WaitingPostReadingsTest {
    private static final String PASSWORD = "correct horse battery";
    private static final String UNSURE = HeldPosts.UNSURE;

    private static TestServers.Instance weft;
    private static MastodonPeer mastodon;
    private static Taxonomy taxonomy;
    private static HeldPosts posts;

    @BeforeAll
    static void start() {
        // No hourly limit: every test posts as rosa, and a post past the limit waits for its author, not its words.
        weft = TestServers.start(Map.of("WEFT_MODERATION_POSTS_PER_HOUR", "0"));
        mastodon = new MastodonPeer(weft.base());
        taxonomy = weft.server().proposals().taxonomy();
        var actors = weft.server().localActors();
        actors.createGroup("block3", "Block 3", null);
        for (String name : List.of("amina", "carla")) {
            actors.createMember(name, name, PASSWORD, false);
        }
        weft.server().moderators().add("block3", "amina", Optional.empty());
        posts = HeldPosts.following(weft, mastodon, "block3");
    }

    @AfterAll
    static void stop() {
        mastodon.close();
        weft.close();
    }

    @Test
    void theModeratorSeesBothReadingsInFrenchAndInArabicWithTheTaxonomysLabels() {
        ProposalEntity held = receive("rosa", UNSURE);
        ProposalEntity stranger = receive("ngozi", UNSURE.replace("kettle", "toaster"));
        assertEquals(ProposalEntity.Moderation.PENDING, held.getModeration());
        assertEquals(ProposalEntity.Moderation.PENDING, stranger.getModeration());
        assertNull(stranger.getReadings(), "a stranger's post waits for its author, not for its words");

        for (String lang : List.of("fr", "ar")) {
            Messages m = Messages.forLanguage(lang);
            HttpResponse<String> page = moderator(lang).get("/moderate/block3/posts");
            assertEquals(200, page.statusCode());
            String html = page.body();
            assertTrue(html.contains("<html lang=\"" + lang + "\" dir=\"" + m.dir() + "\""), "the page speaks " + lang);
            assertEquals("ar".equals(lang) ? "rtl" : "ltr", m.dir());
            String first = HeldPosts.readingSentence(weft, m, "request", List.of("kitchenware", "appliances"), "gift");
            String second = HeldPosts.readingSentence(weft, m, "offer", List.of("kitchenware", "appliances"), "gift");
            String held3 = section(html, held.getId());
            assertTrue(held3.contains(first) && held3.indexOf(first) < held3.indexOf(second), held3);
            assertEquals(2, count(held3, m.get("moderation.thisOne")), "one button per reading");
            assertFalse(held3.contains(">kitchenware") || held3.contains("appliances<"), "labels, not concept ids");
            String strangers = section(html, stranger.getId());
            assertFalse(strangers.contains(m.get("moderation.thisOne")), "no readings for a post held for another reason");
            assertTrue(strangers.contains(m.get("moderation.approvePost")) && strangers.contains(m.get("moderation.rejectPost")));
            assertFalse(html.contains("moderation."), "no raw message key");
        }
        // A moderator keeps the stranger's post off the board: it leaves the queue.
        PageClient amina = moderator("en");
        assertEquals(303, amina.submit("/moderate/block3/posts", "/moderate/block3/posts/decide",
                Map.of("post", "" + stranger.getId(), "decision", "reject")).statusCode());
        assertEquals(ProposalEntity.Moderation.REJECTED, find(stranger.getId()).getModeration());
        assertFalse(section(amina.get("/moderate/block3/posts").body(), stranger.getId()).contains("<section"));
    }

    @Test
    void thisOneOnTheSecondReadingPutsThePostOnTheBoardUnderItAndAMembersRequestIsMatched() throws Exception {
        ProposalEntity held = receive("rosa", UNSURE);
        assertEquals(Purpose.REQUEST, held.getPurpose(), "the classifier's own reading until a moderator chooses");
        PageClient amina = moderator("en");
        HttpResponse<String> chosen = amina.submit("/moderate/block3/posts", "/moderate/block3/posts/reading",
                Map.of("post", "" + held.getId(), "reading", "1"));
        assertEquals(303, chosen.statusCode());
        assertTrue(amina.get(chosen.headers().firstValue("location").orElseThrow()).body()
                .contains(Messages.forLanguage("en").get("notice.postApproved")));

        ProposalEntity placed = find(held.getId());
        assertEquals(ProposalEntity.Moderation.VISIBLE, placed.getModeration());
        assertEquals(Purpose.OFFER, placed.getPurpose());
        assertEquals(List.of(uri("kitchenware"), uri("appliances")), placed.getCategories());
        assertEquals(HelpKind.GIFT, placed.getKind());
        assertNull(placed.getReadings(), "decided: nothing left to choose");

        // What a member sees: the offer on the board under kitchenware, and her request for kitchen things matched with it.
        ApiClient layla = ApiClient.newMember(weft, "layla", "Layla");
        PageClient laylaPage = new PageClient(weft.base());
        laylaPage.login("layla", "a long enough password");
        String board = laylaPage.get("/board/block3?category=kitchenware").body();
        assertTrue(board.contains(placed.getTitle()), board);
        expect(201, layla.post("/proposals", """
                {"community": "block3", "purpose": "request", "title": "Pots and a kettle for our new flat",
                 "categories": ["kitchenware"], "kind": "gift"}"""));
        weft.server().matching().matcher().settled().get(20, TimeUnit.SECONDS);
        JsonNode matches = expect(200, layla.get("/me/matches")).path("matches");
        assertEquals(1, matches.size(), matches.toString());
        assertTrue(matches.toString().contains("\"uri\":\"" + placed.getUri() + "\""), matches.toString());
    }

    @Test
    void anEditedPostIsReadAgainAndTheModeratorChoosesAmongTheNewWordsReadings() {
        ProposalEntity held = receive("rosa", UNSURE);
        ProposalEntity edited = posts.edit(held, "baby clothes anyone? my daughter grew out of them");
        assertEquals(ProposalEntity.Moderation.PENDING, edited.getModeration());
        Messages fr = Messages.forLanguage("fr");
        String section = section(moderator("fr").get("/moderate/block3/posts").body(), held.getId());
        assertTrue(section.contains(HeldPosts.readingSentence(weft, fr, "offer", List.of("children-clothes"), "gift")), section);
        assertFalse(section.contains(taxonomy.label(taxonomy.byId("kitchenware").orElseThrow(), "fr")),
                "the old words' readings are gone: " + section);
        assertEquals(303, moderator("en").submit("/moderate/block3/posts", "/moderate/block3/posts/reading",
                Map.of("post", "" + held.getId(), "reading", "1")).statusCode());
        ProposalEntity placed = find(held.getId());
        assertEquals(ProposalEntity.Moderation.VISIBLE, placed.getModeration());
        assertEquals(Purpose.OFFER, placed.getPurpose());
        assertEquals(List.of(uri("children-clothes")), placed.getCategories());
    }

    @Test
    void aNonModeratorAStalePostAReadingNotShownAndAMissingTokenChangeNothing() {
        ProposalEntity held = receive("rosa", UNSURE);
        String readings = held.getReadings();
        Messages en = Messages.forLanguage("en");

        PageClient carla = new PageClient(weft.base());
        carla.login("carla", PASSWORD);
        assertEquals(403, carla.get("/moderate/block3/posts").statusCode(), "she may not even look");
        HttpResponse<String> refused = carla.submit("/me/matches", "/moderate/block3/posts/reading",
                Map.of("post", "" + held.getId(), "reading", "0"));
        assertEquals(403, refused.statusCode());
        assertTrue(refused.body().contains(en.get("followers.forbidden")));
        unchanged(held, readings);

        PageClient amina = moderator("en");
        HttpResponse<String> five = amina.submit("/moderate/block3/posts", "/moderate/block3/posts/reading",
                Map.of("post", "" + held.getId(), "reading", "5"));
        assertEquals(400, five.statusCode());
        assertTrue(five.body().contains(en.get("error.no_such_reading")), five.body());
        unchanged(held, readings);

        String page = amina.get("/moderate/block3/posts").body();
        Map<String, String> noToken = Map.of("post", "" + held.getId(), "reading", "0",
                "once", PageClient.hiddenFields(page, "/moderate/block3/posts/reading").getOrDefault("once", ""));
        HttpResponse<String> forged = amina.post("/moderate/block3/posts/reading", noToken);
        assertEquals(403, forged.statusCode());
        assertTrue(forged.body().contains(en.get("error.csrf")), forged.body());
        unchanged(held, readings);

        // Another moderator (here the command line) decided first: the page says so and decides nothing again.
        weft.server().proposals().moderation().reject(held.getId());
        HttpResponse<String> stale = amina.submit("/moderate/block3/posts", "/moderate/block3/posts/reading",
                Map.of("post", "" + held.getId(), "reading", "0"));
        assertEquals(409, stale.statusCode());
        assertTrue(stale.body().contains(en.get("moderation.notWaiting")), stale.body());
        ProposalEntity after = find(held.getId());
        assertEquals(ProposalEntity.Moderation.REJECTED, after.getModeration());
        assertEquals(Purpose.REQUEST, after.getPurpose());
    }

    private static void unchanged(ProposalEntity before, String readings) {
        ProposalEntity now = find(before.getId());
        assertEquals(ProposalEntity.Moderation.PENDING, now.getModeration());
        assertEquals(before.getPurpose(), now.getPurpose());
        assertEquals(before.getCategories(), now.getCategories());
        assertEquals(readings, now.getReadings());
    }

    private static String uri(String conceptId) {
        return taxonomy.byId(conceptId).map(Concept::uri).orElseThrow();
    }

    private static PageClient moderator(String lang) {
        PageClient amina = new PageClient(weft.base()).language(lang);
        amina.login("amina", PASSWORD);
        return amina;
    }

    /** The queue's section for one post, or "" when it is not listed. */
    private static String section(String html, long id) {
        Matcher m = Pattern.compile("<section[^>]*id=\"post-" + id + "\".*?</section>", Pattern.DOTALL).matcher(html);
        return m.find() ? m.group() : "";
    }

    /**
     * A community that reviews every post: a post the classifier is sure of, placed at once before, waits with its
     * readings once a moderator has chosen so; an anonymous reader does not see it until "This one", and an edit of it
     * waits again. A member who does not moderate cannot choose it. Chosen off again, sure posts go on the board at once.
     */
    @Test
    void aCommunityThatReviewsEveryPostHoldsEvenASurePostUntilAModeratorChooses() {
        String sure = "I can give two winter coats, size M, to anyone who needs them";
        ProposalEntity before = posts.receive(sure);
        assertEquals(ProposalEntity.Moderation.VISIBLE, before.getModeration(), "the classifier is sure of: " + sure);
        assertNull(before.getReadings());

        PageClient carla = new PageClient(weft.base());
        carla.login("carla", PASSWORD);
        assertEquals(403, carla.submit("/me/matches", "/moderate/block3/review", Map.of("every", "on")).statusCode());
        assertFalse(weft.server().moderators().reviewsFreeText("block3"), "a member who does not moderate changed nothing");

        Messages fr = Messages.forLanguage("fr");
        PageClient amina = moderator("fr");
        assertTrue(amina.get("/moderate/block3").body().contains(fr.get("moderation.reviewUnsure")));
        assertEquals(303, amina.submit("/moderate/block3", "/moderate/block3/review", Map.of("every", "on")).statusCode());
        try {
            assertTrue(amina.get("/moderate/block3").body().contains(fr.get("moderation.reviewAll")));
            ProposalEntity held = posts.receive(sure.replace("coats", "jackets"));
            assertEquals(ProposalEntity.Moderation.PENDING, held.getModeration(), "sure, and still waits");
            String section = section(amina.get("/moderate/block3/posts").body(), held.getId());
            assertEquals(2, count(section, fr.get("moderation.thisOne")), section);
            String anonymousBoard = TestHttp.get(weft.base() + "/board/block3", "text/html").body();
            assertFalse(anonymousBoard.contains("winter jackets"), "not on the board before a moderator chooses");

            assertEquals(303, amina.submit("/moderate/block3/posts", "/moderate/block3/posts/reading",
                    Map.of("post", "" + held.getId(), "reading", "0")).statusCode());
            ProposalEntity placed = find(held.getId());
            assertEquals(ProposalEntity.Moderation.VISIBLE, placed.getModeration());
            assertEquals(Purpose.OFFER, placed.getPurpose());
            assertTrue(TestHttp.get(weft.base() + "/board/block3", "text/html").body().contains("winter jackets"));

            // Rosa changes her words: the moderator approved other words, so it waits again, with the new readings.
            ProposalEntity edited = posts.edit(placed, "I can give two winter jackets and a scarf to anyone who needs them");
            assertEquals(ProposalEntity.Moderation.PENDING, edited.getModeration());
            assertEquals(2, count(section(amina.get("/moderate/block3/posts").body(), held.getId()),
                    fr.get("moderation.thisOne")), "the new words' two readings");
            assertFalse(TestHttp.get(weft.base() + "/board/block3", "text/html").body().contains("winter jackets"));
        } finally {
            assertEquals(303, amina.submit("/moderate/block3", "/moderate/block3/review", Map.of("every", "off"))
                    .statusCode());
        }
        assertTrue(amina.get("/moderate/block3").body().contains(fr.get("moderation.reviewUnsure")));
        assertEquals(ProposalEntity.Moderation.VISIBLE, posts.receive(sure.replace("coats", "boots")).getModeration(),
                "chosen off again: a sure post goes on the board at once");
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    /** A public post by {@code author} on the Mastodon peer mentioning block3, once handled: it waits. */
    private static ProposalEntity receive(String author, String text) {
        ProposalEntity kept = "rosa".equals(author) ? posts.receive(text) : posts.receiveFrom(author, text);
        assertEquals(ProposalEntity.Moderation.PENDING, kept.getModeration(), "the classifier is unsure of " + text);
        return kept;
    }

    private static ProposalEntity find(long id) {
        return weft.server().db().inTransaction(s -> {
            ProposalEntity p = s.find(ProposalEntity.class, id);
            p.getCategories().size();
            return p;
        });
    }
}
