package org.weft.server.ui.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.weft.server.api.ApiClient.expect;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weft.server.api.ApiClient;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.weft.server.domain.account.AccountEnd;
import org.weft.server.domain.account.AccountService;
import org.weft.server.domain.account.Operators;
import org.weft.server.domain.taxonomy.Taxonomy;
import org.weft.server.model.ActorKind;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.testing.HeldPosts;
import org.weft.server.testing.MastodonPeer;
import org.weft.server.testing.ServerFloodSeed;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;
import org.weft.web.i18n.Messages;

/**
 * Issue 13's browser journey, in real headless Chromium, once in Arabic and once in English: rosa, on a
 * Mastodon-shaped server, answers Layla's offer; Layla reports the answer with the small form under it; Omar, an
 * operator (a moderator of every community), finds it in the reports queue, blocks the account after the confirmation
 * page; rosa's server receives the Block, and the community's public moderation log shows the block with its public
 * reason and never Layla. Layla also blocks rosa for herself, finds the block on her list of blocks and lifts it.
 * Every sentence checked is the language's own ({@link Messages#forLanguage}); the Arabic pages are right to left.
 * On a phone ({@link PhoneBrowser}), each page is screenshotted to target/screenshots and checked
 * by axe-core (no serious or critical violation) and for sideways scrolling.
 */
class ModerationBrowserTest {
    private static final Path SHOTS = Path.of("target", "screenshots");
    private static final String PASSWORD = "a long enough password";

    private static TestServers.Instance weft;
    private static final List<String> violations = new ArrayList<>();

    @BeforeAll
    static void start() {
        PhoneBrowser.requireChromium();
        weft = TestServers.start();
        weft.server().localActors().createMember("omar", "Omar", PASSWORD, false);
        new Operators(weft.server().db()).setAdmin("omar", true);
    }

    @AfterAll
    static void stop() {
        if (weft != null) {
            weft.close();
        }
    }

    @Test
    void reportBlockAndTheLogInArabic() throws IOException {
        journey("ar", "rtl", "تطلب المال مسبقًا", "طلب المال قبل اللقاء");
    }

    @Test
    void reportBlockAndTheLogInEnglish() throws IOException {
        journey("en", "ltr", "She asks for money first", "Asks for money before meeting");
    }

    /**
     * The waiting-posts page on a phone, for a moderator whose language is Arabic (her browser asks for English: the
     * member's own choice wins): right to left, no sideways scrolling, both of the classifier's readings of rosa's
     * post said in Arabic from the message files and the taxonomy's labels, and each "This one" button on screen and
     * not covered. Tapping the second puts the post on the board as that reading: an offer, under both its categories.
     */
    @Test
    void waitingPostsWithTheirReadingsInArabicOnAPhone() throws IOException {
        Messages ar = Messages.forLanguage("ar");
        Taxonomy taxonomy = weft.server().proposals().taxonomy();
        weft.server().localActors().createGroup("camphold", "مخيم الحي", null);
        arabicModerator("salma", "camphold");
        List<String> labels = Stream.of("kitchenware", "appliances")
                .map(id -> taxonomy.label(taxonomy.byId(id).orElseThrow(), "ar")).toList();
        String concepts = ar.get("moderation.readingList", labels.get(0), labels.get(1));
        List<String> expected = Stream.of("request", "offer").map(purpose -> ar.get("moderation.readingWithKind",
                ar.get("purpose." + purpose), concepts, ar.get("kind.gift"))).map(PhoneBrowser::words).toList();
        violations.clear();
        try (MastodonPeer mastodon = new MastodonPeer(weft.base());
             PhoneBrowser phone = new PhoneBrowser(weft.base(), "en", SHOTS, violations)) {
            ProposalEntity held = HeldPosts.following(weft, mastodon, "camphold").receive(HeldPosts.UNSURE);
            phone.login("salma", PASSWORD);
            phone.open("/moderate/camphold/posts");
            phone.assertLanguage("ar", "rtl");
            String post = "#post-" + held.getId();
            // rosa's English words are read out in English, not with the page's Arabic voice.
            assertEquals("en", phone.find(post + " h2 bdi").getAttribute("lang"));
            List<String> sentences = phone.findAll(post + " .readings .reading").stream()
                    .map(e -> PhoneBrowser.words(e.getText())).toList();
            assertEquals(expected, sentences, "both readings, best first, in Arabic");
            for (String sentence : sentences) {
                assertFalse(sentence.matches(".*[A-Za-z].*"), "no English or raw key in «" + sentence + "»");
            }
            String text = phone.mainText();
            assertFalse(text.contains("moderation.") || text.contains("This one") || text.contains("How the server read it"),
                    text);
            List<WebElement> buttons = phone.findAll(post + " .readings button");
            assertEquals(2, buttons.size());
            for (WebElement button : buttons) {
                assertEquals(PhoneBrowser.words(ar.get("moderation.thisOne")), button.getText().strip());
                assertOnScreenAndUncovered(phone, button);
            }
            phone.check("waiting-posts-readings-ar");

            phone.clickAndWaitForNewPage(post + " .readings li:nth-child(2) button");
            phone.assertShows("post approved", ar.get("notice.postApproved"));
            phone.check("waiting-posts-approved-ar");
            phone.open("/board/camphold");
            phone.assertLanguage("ar", "rtl");
            WebElement card = phone.findAll("li.card").stream()
                    .filter(c -> c.findElement(By.cssSelector("h2")).getText().contains(held.getTitle().strip()))
                    .findFirst().orElseThrow(() -> new AssertionError("not on the board: " + phone.mainText()));
            // rosa's post opens with "@camphold", as Mastodon writes it; the card's title is what she offers.
            assertEquals(HeldPosts.UNSURE, card.findElement(By.cssSelector("h2")).getText().strip());
            assertEquals(PhoneBrowser.words(ar.get("purpose.offer")),
                    PhoneBrowser.words(card.findElement(By.cssSelector(".purpose")).getText()).strip());
            String facts = PhoneBrowser.words(card.findElement(By.cssSelector(".facts")).getText());
            assertTrue(facts.contains(labels.get(0)) && facts.contains(labels.get(1)), facts);
            phone.check("board-after-reading-ar");
        }
        assertTrue(violations.isEmpty(), "axe-core (serious or critical) or sideways scrolling on a phone: " + violations);
    }

    /**
     * The moderation page's "Posts from the fediverse" section on a phone, for a moderator whose language is Arabic:
     * right to left, no sideways scrolling, the sentence saying what happens to followers' posts now and the button
     * that changes it in Arabic, the button on screen and not covered. Her tap makes every such post wait (the section
     * says so, the server holds it), and a second tap lets the posts Weft is sure of straight through again.
     */
    @Test
    void everyPostWaitingSwitchedInArabicOnAPhone() throws IOException {
        Messages ar = Messages.forLanguage("ar");
        weft.server().localActors().createGroup("campreview", "مخيم المراجعة", null);
        arabicModerator("huda", "campreview");
        String form = "form[action$='/review']";
        violations.clear();
        try (PhoneBrowser phone = new PhoneBrowser(weft.base(), "en", SHOTS, violations)) {
            phone.login("huda", PASSWORD);
            phone.open("/moderate/campreview");
            phone.assertLanguage("ar", "rtl");
            assertReviewSection(phone, form, ar.get("moderation.reviewUnsure"), ar.get("moderation.reviewTurnOn"));
            phone.check("review-unsure-ar");

            phone.clickAndWaitForNewPage(form + " button");
            phone.assertLanguage("ar", "rtl");
            assertReviewSection(phone, form, ar.get("moderation.reviewAll"), ar.get("moderation.reviewTurnOff"));
            assertTrue(weft.server().moderators().reviewsFreeText("campreview"), "every post waits now");
            phone.check("review-every-ar");

            phone.clickAndWaitForNewPage(form + " button");
            assertReviewSection(phone, form, ar.get("moderation.reviewUnsure"), ar.get("moderation.reviewTurnOn"));
            assertFalse(weft.server().moderators().reviewsFreeText("campreview"), "sure posts go straight through again");
        }
        assertTrue(violations.isEmpty(), "axe-core (serious or critical) or sideways scrolling on a phone: " + violations);
    }

    /**
     * A server's flood on a phone, for a moderator whose language is Arabic: the queue's entry for the server (named
     * by an IPv6 literal, the longest kind of name, written left to right inside the right-to-left page), the page that
     * asks before blocking it, and the list of servers the community refuses; each right to left, in Arabic, checked by
     * axe-core and for sideways scrolling, and screenshotted.
     */
    @Test
    void aServerFloodBlockedInArabicOnAPhone() throws IOException {
        Messages ar = Messages.forLanguage("ar");
        String server = "[2001:db8:4006:812::200e]:8443";
        weft.server().localActors().createGroup("campflood", "مخيم الفيضان", null);
        arabicModerator("rania", "campflood");
        ServerFloodSeed.waiting(weft, server, "campflood", 6);
        violations.clear();
        try (PhoneBrowser phone = new PhoneBrowser(weft.base(), "en", SHOTS, violations)) {
            phone.login("rania", PASSWORD);
            phone.open("/moderate/campflood/posts");
            phone.assertLanguage("ar", "rtl");
            WebElement entry = phone.find("section.waiting-server");
            assertEquals(server, entry.findElement(By.cssSelector("h3")).getText().strip());
            assertTrue(PhoneBrowser.words(entry.getText()).contains(PhoneBrowser.words(ar.get("moderation.serverCount", 12,
                    ar.get("moderation.serverAccounts", 6)))), entry.getText());
            WebElement block = entry.findElement(By.cssSelector("button[formaction$='/block-server']"));
            assertEquals(PhoneBrowser.words(ar.get("moderation.blockServer")), PhoneBrowser.words(block.getText()).strip());
            assertOnScreenAndUncovered(phone, block);
            phone.check("server-flood-entry-ar");

            phone.clickAndWaitForNewPage("section.waiting-server button[formaction$='/block-server']");
            phone.assertLanguage("ar", "rtl");
            phone.assertShows("asks before blocking", ar.get("confirm.blockServer", Messages.isolateLeftToRight(server)));
            assertOnScreenAndUncovered(phone, phone.find("article.confirm button.danger"));
            phone.check("server-block-confirm-ar");

            phone.clickAndWaitForNewPage("article.confirm button.danger");
            phone.assertLanguage("ar", "rtl");
            phone.assertShows("blocked", ar.get("notice.serverBlocked"));
            WebElement refused = phone.find("ul.refused-servers li");
            assertEquals(server, refused.findElement(By.cssSelector("code")).getText().strip());
            assertEquals(PhoneBrowser.words(ar.get("moderation.unblockServer")),
                    PhoneBrowser.words(refused.findElement(By.cssSelector("button")).getText()).strip());
            assertOnScreenAndUncovered(phone, refused.findElement(By.cssSelector("button")));
            assertFalse(phone.mainText().contains("moderation."), "no raw message key");
            phone.check("server-refused-list-ar");
        }
        assertTrue(violations.isEmpty(), "axe-core (serious or critical) or sideways scrolling on a phone: " + violations);
    }

    /** The section's sentence and its button say {@code sentence} and {@code button}; the button is there to tap. */
    private static void assertReviewSection(PhoneBrowser phone, String form, String sentence, String button) {
        WebElement said = phone.find(form).findElement(By.xpath("preceding-sibling::p[1]"));
        assertEquals(PhoneBrowser.words(sentence), PhoneBrowser.words(said.getText()).strip());
        WebElement tap = phone.find(form + " button");
        assertEquals(PhoneBrowser.words(button), PhoneBrowser.words(tap.getText()).strip());
        assertOnScreenAndUncovered(phone, tap);
    }

    /** A member who reads Arabic (her own choice, whatever her browser asks for), moderator of {@code community}. */
    private static void arabicModerator(String username, String community) {
        weft.server().localActors().createMember(username, username, PASSWORD, false);
        long id = weft.server().db().inTransaction(s -> ActorRepository.localByUsername(s, username)).orElseThrow().getId();
        new AccountService(weft.server().db(), weft.server().localActors(), weft.server().proposals().service(),
                AccountEnd.NONE, Clock.systemUTC()).setLanguage(id, "ar");
        weft.server().moderators().add(community, username, Optional.empty());
    }

    /** Scrolled to, the button lies within the phone's width and is what a tap at its centre reaches. */
    private static void assertOnScreenAndUncovered(PhoneBrowser phone, WebElement button) {
        JavascriptExecutor js = (JavascriptExecutor) phone.driver();
        js.executeScript("arguments[0].scrollIntoView({block: 'center'});", button);
        assertTrue(button.isDisplayed(), "the button is visible");
        Rectangle box = button.getRect();
        Number scrollX = (Number) js.executeScript("return window.scrollX;");
        double left = box.getX() - scrollX.doubleValue();
        assertTrue(left >= 0 && left + box.getWidth() <= PhoneBrowser.WIDTH, "within the screen's width: " + box.getX()
                + "+" + box.getWidth());
        Object reached = js.executeScript("var r = arguments[0].getBoundingClientRect();"
                + "var hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);"
                + "return hit === arguments[0] || arguments[0].contains(hit);", button);
        assertEquals(Boolean.TRUE, reached, "a tap on the button reaches it");
    }

    private void journey(String lang, String dir, String comment, String reason) throws IOException {
        Messages m = Messages.forLanguage(lang);
        String community = "camp" + lang;
        weft.server().localActors().createGroup(community, "Camp " + lang.toUpperCase(), null);
        String author = "layla" + lang;
        ApiClient api = ApiClient.newMember(weft, author, "Layla " + lang.toUpperCase());
        JsonNode offer = expect(201, api.post("/proposals", """
                {"community": "%s", "purpose": "offer", "title": "Two winter blankets", "categories": ["bedding"],
                 "kind": "gift"}""".formatted(community)));
        String page = URI.create(offer.path("uri").asText()).getPath();
        violations.clear();
        try (MastodonPeer rosa = new MastodonPeer(weft.base())) {
            String reply = rosa.fixture("mastodon/create-note-reply.json")
                    .replace(weft.base() + "/proposals/7f3c9a", offer.path("uri").asText());
            assertEquals(202, rosa.deliver(URI.create(weft.base() + "/inbox"), reply).statusCode());
            WaitFor.condition("rosa's reply is stored", () -> !expect(200, api.get("/proposals/"
                    + offer.path("id").asLong() + "/responses")).path("items").isEmpty());
            try (PhoneBrowser layla = new PhoneBrowser(weft.base(), lang, SHOTS, violations);
                 PhoneBrowser omar = new PhoneBrowser(weft.base(), lang, SHOTS, violations)) {
                // Layla reports rosa's answer from her offer's page.
                layla.login(author, PASSWORD);
                layla.open(page);
                layla.assertLanguage(lang, dir);
                layla.find("#responses .response details.report summary").click();
                layla.check("report-form-" + lang);
                layla.find("#responses .response details.report textarea").sendKeys(comment);
                layla.clickAndWaitForNewPage("#responses .response details.report button");
                layla.assertShows("report sent", m.get("report.done"));
                layla.check("report-sent-" + lang);

                // She also blocks rosa for herself, finds the block in her list, and lifts it again.
                layla.open(page);
                layla.clickAndWaitForNewPage("#responses .response form[action='/block'] button");
                layla.assertShows("asked first", m.get("confirm.blockForMe"));
                layla.clickAndWaitForNewPage("article.confirm button");
                layla.assertShows("block done", m.get("block.done"));
                layla.open("/account/blocks");
                layla.assertLanguage(lang, dir);
                layla.assertShows("her blocks", m.get("blocks.title"), rosa.actor());
                layla.check("account-blocks-" + lang);
                layla.clickAndWaitForNewPage("ul.blocked form button");
                layla.assertShows("unblocked", m.get("blocks.unblocked"), m.get("blocks.empty"));
                layla.check("account-blocks-lifted-" + lang);

                // Omar sees the report in the queue, with the account, the answer and Layla's comment, and blocks the
                // account for the community.
                omar.login("omar", PASSWORD);
                omar.open("/moderate/reports");
                omar.assertLanguage(lang, dir);
                String report = omar.find("section.report").getText();
                assertTrue(report.contains(rosa.actor()) && report.contains(comment), report);
                omar.check("reports-queue-" + lang);
                omar.find("section.report input[name=reason]").sendKeys(reason);
                omar.clickAndWaitForNewPage("section.report button[value=block]");
                assertEquals(m.get("confirm.blockAccountTitle"), omar.find("h1").getText());
                omar.assertShows("asked first", m.get("confirm.blockAccount"));
                assertTrue(weft.server().safety().accounts().blockedBy(groupId(community)).isEmpty(), "asking blocks nothing");
                omar.check("confirm-block-" + lang);
                omar.clickAndWaitForNewPage("article.confirm button");
                omar.waitFor("/moderate/reports?done");
                omar.assertShows("block done", m.get("reports.done"), m.get("reports.empty"));
                omar.check("reports-done-" + lang);
                JsonNode block = WaitFor.value("rosa's server receives the Block", () -> rosa.inboxPosts().stream()
                        .map(r -> TestHttp.json(new String(r.getBody(), StandardCharsets.UTF_8)))
                        .filter(j -> "Block".equals(j.path("type").asText())).findFirst().orElse(null));
                assertEquals(rosa.actor(), block.path("object").asText());

                // Anyone reads the public log: the block, its reason, never who reported it.
                layla.open("/moderation-log/" + community);
                layla.assertLanguage(lang, dir);
                String log = layla.mainText();
                assertTrue(log.contains(PhoneBrowser.words(m.get("moderationLog.kind.accountBlocked")))
                        && log.contains(reason) && log.contains(rosa.actor()), log);
                assertFalse(log.contains("Layla") || log.contains(author) || log.contains(comment), "never the reporter");
                layla.check("moderation-log-" + lang);
            }
        }
        assertTrue(violations.isEmpty(), "axe-core (serious or critical) or sideways scrolling on a phone: " + violations);
    }

    private static long groupId(String name) {
        return weft.server().db().inTransaction(s -> ActorRepository.local(s, ActorKind.GROUP, name).orElseThrow().getId());
    }
}
