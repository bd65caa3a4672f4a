package org.weft.server.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.weft.server.api.ApiClient.expect;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weft.server.admin.OperatorInstance.Run;
import org.weft.server.api.ApiClient;
import org.weft.server.config.DatabaseSettings;
import org.weft.server.domain.taxonomy.Concept;
import org.weft.server.domain.taxonomy.Taxonomy;
import org.weft.server.model.HelpKind;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.testing.HeldPosts;
import org.weft.server.testing.MastodonPeer;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;
import org.weft.server.ui.PageClient;
import org.weft.web.i18n.Messages;

/**
 * {@code weft board pending} and {@code weft board approve ID --reading N}, run beside a real running server on the
 * same database (H2, or MariaDB when the tests run on it): the command lists a held post with the same two readings,
 * in the same words, as the moderator's page; approving by reading puts the post on the board under exactly that
 * reading, so an anonymous reader finds it there, rosa's followers get the community's boost, and a member's request
 * is matched with it. An unknown post, a post no longer waiting and a reading the post does not have are refused in
 * one line and change nothing.
 */
class BoardPendingCliTest {
    private static final String PASSWORD = "correct horse battery";
    private static TestServers.Instance weft;
    private static MastodonPeer mastodon;
    private static HeldPosts rosa;
    private static Taxonomy taxonomy;
    private static Map<String, String> env;

    @BeforeAll
    static void start() {
        // No hourly limit: every test posts as rosa, and a post past the limit waits for its author, not its words.
        weft = TestServers.start(Map.of("WEFT_MODERATION_POSTS_PER_HOUR", "0"));
        taxonomy = weft.server().proposals().taxonomy();
        weft.server().localActors().createGroup("block3", "Block 3", null);
        weft.server().localActors().createMember("amina", "Amina", PASSWORD, false);
        weft.server().moderators().add("block3", "amina", Optional.empty());
        mastodon = new MastodonPeer(weft.base());
        rosa = HeldPosts.following(weft, mastodon, "block3");
        // The operator's command sees the server's own settings: its data directory, address and database.
        env = new HashMap<>(Map.of("WEFT_DATA_DIR", weft.config().dataDir().toString(), "WEFT_BASE_URL", weft.base()));
        DatabaseSettings database = weft.config().database();
        if (!database.isEmbedded()) {
            env.putAll(Map.of("WEFT_DB_URL", database.url(), "WEFT_DB_USER", database.user(),
                    "WEFT_DB_PASSWORD", database.password()));
        }
    }

    @AfterAll
    static void stop() {
        mastodon.close();
        weft.close();
    }

    @Test
    void pendingSaysTheReadingsAsThePageDoesAndApprovingOneShowsThePostOnTheBoardUnderIt() throws Exception {
        ProposalEntity held = rosa.receive(HeldPosts.UNSURE);
        assertEquals(ProposalEntity.Moderation.PENDING, held.getModeration());
        Messages en = Messages.forLanguage("en");
        String first = HeldPosts.readingSentence(weft, en, "request", List.of("kitchenware", "appliances"), "gift");
        String second = HeldPosts.readingSentence(weft, en, "offer", List.of("kitchenware", "appliances"), "gift");

        Run pending = weft("board", "pending", "block3");
        assertEquals(0, pending.exit(), pending.err());
        List<String> lines = pending.out().lines().toList();
        assertTrue(lines.get(0).matches("\\d+ post\\(s\\) waiting on block3"), pending.out());
        int at = lines.indexOf(lines.stream().filter(l -> l.endsWith(held.getUri())).findFirst()
                .orElseThrow(() -> new AssertionError(pending.out())));
        assertTrue(lines.get(at).strip().startsWith(held.getId() + "  request "), pending.out());
        assertEquals("reading 1: " + first, lines.get(at + 1).strip());
        assertEquals("reading 2: " + second, lines.get(at + 2).strip());
        assertTrue(pending.out().contains("weft board approve ID --reading N"), pending.out());
        assertFalse(pending.out().contains("moderation.") || pending.out().contains("kitchenware,"), "no raw keys or ids");
        // The moderator's page says the same two sentences, in the same order.
        PageClient amina = new PageClient(weft.base()).language("en");
        amina.login("amina", PASSWORD);
        String page = amina.get("/moderate/block3/posts").body();
        assertTrue(page.indexOf(first) >= 0 && page.indexOf(first) < page.indexOf(second), page);

        PageClient anyone = new PageClient(weft.base());
        assertFalse(anyone.get("/board/block3").body().contains(held.getTitle()), "waiting: not on the board yet");

        Run approved = weft("board", "approve", "" + held.getId(), "--reading", "2");
        assertEquals(0, approved.exit(), approved.err());
        assertEquals("Approved " + held.getUri() + " as " + second, approved.out().strip());
        ProposalEntity placed = find(held.getId());
        assertEquals(ProposalEntity.Moderation.VISIBLE, placed.getModeration());
        assertEquals(Purpose.OFFER, placed.getPurpose());
        assertEquals(List.of(uri("kitchenware"), uri("appliances")), placed.getCategories());
        assertEquals(HelpKind.GIFT, placed.getKind());

        // An anonymous reader finds it among the offers of kitchenware, and not among the requests.
        assertTrue(anyone.get("/board/block3?purpose=offer&category=kitchenware").body().contains(held.getTitle()));
        assertFalse(anyone.get("/board/block3?purpose=request").body().contains(held.getTitle()));
        // Announced: the community boosts it to its followers (rosa's server), as the running server delivers.
        WaitFor.condition("the community's Announce of the post reaches rosa's server", () -> mastodon.inboxPosts().stream()
                .map(r -> TestHttp.json(new String(r.getBody(), StandardCharsets.UTF_8)))
                .anyMatch(j -> "Announce".equals(j.path("type").asText()) && held.getUri().equals(j.path("object").asText())));
        // Matched: once the running server hears of the decision (every 30 s; here at once), a request meets it.
        weft.server().hearModerationDecisions();
        ApiClient layla = ApiClient.newMember(weft, "layla", "Layla");
        expect(201, layla.post("/proposals", """
                {"community": "block3", "purpose": "request", "title": "A kettle for our new flat",
                 "categories": ["kitchenware"], "kind": "gift"}"""));
        weft.server().matching().matcher().settled().get(20, TimeUnit.SECONDS);
        JsonNode matches = expect(200, layla.get("/me/matches")).path("matches");
        assertTrue(matches.toString().contains("\"uri\":\"" + held.getUri() + "\""), matches.toString());
    }

    @Test
    void anUnknownPostAPostNoLongerWaitingAndAReadingItDoesNotHaveAreRefusedAndChangeNothing() {
        ProposalEntity held = rosa.receive(HeldPosts.UNSURE);
        ProposalEntity decided = rosa.receive(HeldPosts.UNSURE.replace("kettle", "toaster"));
        assertEquals(0, weft("board", "reject", "" + decided.getId()).exit());

        refused(weft("board", "approve", "999999999", "--reading", "1"), "(No post 999999999)");
        refused(weft("board", "approve", "" + decided.getId(), "--reading", "1"),
                Messages.forLanguage("en").get("moderation.notWaiting"));
        for (String n : List.of("3", "0", "-1")) {
            refused(weft("board", "approve", "" + held.getId(), "--reading", n),
                    Messages.forLanguage("en").get("error.no_such_reading"));
        }
        ProposalEntity now = find(held.getId());
        assertEquals(ProposalEntity.Moderation.PENDING, now.getModeration());
        assertEquals(held.getPurpose(), now.getPurpose());
        assertEquals(held.getCategories(), now.getCategories());
        assertEquals(held.getReadings(), now.getReadings());
        assertEquals(ProposalEntity.Moderation.REJECTED, find(decided.getId()).getModeration());
        assertTrue(weft("board", "pending", "block3").out().contains(held.getUri()), "still waiting");
        assertFalse(new PageClient(weft.base()).get("/board/block3").body().contains(held.getUri()));
    }

    /**
     * {@code board review GROUP every}: the running server then holds even a post the classifier is sure of, with its
     * readings, until a moderator decides; {@code unsure} lets the next sure post onto the board at once. A choice that
     * is neither, and a community that is not here, are refused and change nothing.
     */
    @Test
    void reviewEveryHoldsASurePostAndUnsureLetsTheNextOneOnTheBoard() {
        String sure = "I can give two winter coats, size M, to anyone who needs them";
        Run now = weft("board", "review", "block3");
        assertEquals(0, now.exit(), now.err());
        assertTrue(now.out().contains("at once when the classifier is sure"), now.out());
        refused(weft("board", "review", "block3", "sometimes"), "Choose 'every' or 'unsure'");
        refused(weft("board", "review", "nowhere", "every"), "No community nowhere");
        assertFalse(weft.server().moderators().reviewsFreeText("block3"));

        Run every = weft("board", "review", "block3", "every");
        assertEquals(0, every.exit(), every.err());
        assertTrue(every.out().startsWith("Every post from another server waits"), every.out());
        try {
            ProposalEntity held = rosa.receive(sure);
            assertEquals(ProposalEntity.Moderation.PENDING, held.getModeration(), "sure, and waits all the same");
            String pending = weft("board", "pending", "block3").out();
            assertTrue(pending.contains(held.getUri()) && pending.contains("reading 2: "), pending);
            assertFalse(new PageClient(weft.base()).get("/board/block3").body().contains("winter coats"));
        } finally {
            assertEquals(0, weft("board", "review", "block3", "unsure").exit());
        }
        ProposalEntity placed = rosa.receive(sure.replace("coats", "boots"));
        assertEquals(ProposalEntity.Moderation.VISIBLE, placed.getModeration(), "a sure post goes on the board at once");
        assertTrue(new PageClient(weft.base()).get("/board/block3").body().contains("winter boots"));
    }

    /** Exit 2 and one line, "weft: " and why. */
    private static void refused(Run run, String why) {
        assertEquals(2, run.exit(), run.out() + run.err());
        assertTrue(run.err().startsWith("weft: ") && run.err().contains(why), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertEquals("", run.out());
    }

    private static Run weft(String... args) {
        return OperatorInstance.run(env, "", args);
    }

    private static String uri(String conceptId) {
        return taxonomy.byId(conceptId).map(Concept::uri).orElseThrow();
    }

    private static ProposalEntity find(long id) {
        return weft.server().db().inTransaction(s -> {
            ProposalEntity p = s.find(ProposalEntity.class, id);
            p.getCategories().size();
            return p;
        });
    }
}
