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
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weft.server.api.ApiClient;
import org.weft.server.domain.account.Operators;
import org.weft.server.model.ActorKind;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.testing.MastodonPeer;
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
