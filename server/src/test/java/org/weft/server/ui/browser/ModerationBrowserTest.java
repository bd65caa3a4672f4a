package org.weft.server.ui.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.weft.server.api.ApiClient.expect;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
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
 * reason and never Layla. Every sentence checked is the language's own ({@link Messages#forLanguage}); the Arabic pages
 * are right to left. Each page is screenshotted to target/screenshots and checked by axe-core (no serious or critical
 * violation) and for sideways scrolling at 360 px.
 */
class ModerationBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SHOTS = Path.of("target", "screenshots");
    private static final String PASSWORD = "a long enough password";

    private static TestServers.Instance weft;
    private static final List<String> violations = new ArrayList<>();

    @BeforeAll
    static void start() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        String missing = CHROMIUM + " or " + CHROMEDRIVER + " is not installed (apt-get install chromium chromium-driver)";
        assertTrue(installed || !MemberJourneyBrowserTest.inCi(), "CI is set, so the browser test must run, but " + missing);
        assumeTrue(installed, "Skipped: " + missing);
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
            WebDriver layla = browser();
            WebDriver omar = browser();
            try {
                // Layla reports rosa's answer from her offer's page.
                login(layla, author, lang);
                layla.get(weft.base() + page);
                assertEquals(dir, layla.findElement(By.tagName("html")).getAttribute("dir"));
                WebElement response = layla.findElement(By.cssSelector("#responses .response"));
                response.findElement(By.cssSelector("details.report summary")).click();
                check(layla, "report-form-" + lang);
                response.findElement(By.cssSelector("details.report textarea")).sendKeys(comment);
                response.findElement(By.cssSelector("details.report button")).click();
                waitFor(layla, "/report/sent");
                assertTrue(main(layla).contains(m.get("report.done")), main(layla));
                check(layla, "report-sent-" + lang);

                // Omar sees it in the queue, with the account, the answer and Layla's comment, and blocks the account.
                login(omar, "omar", lang);
                omar.get(weft.base() + "/moderate/reports");
                assertEquals(dir, omar.findElement(By.tagName("html")).getAttribute("dir"));
                WebElement report = omar.findElement(By.cssSelector("section.report"));
                assertTrue(report.getText().contains(rosa.actor()) && report.getText().contains(comment), report.getText());
                check(omar, "reports-queue-" + lang);
                report.findElement(By.cssSelector("input[name=reason]")).sendKeys(reason);
                report.findElement(By.cssSelector("button[value=block]")).click();
                new WebDriverWait(omar, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                        .until(d -> !d.findElements(By.cssSelector("article.confirm")).isEmpty());
                assertEquals(m.get("confirm.blockAccountTitle"), omar.findElement(By.tagName("h1")).getText());
                assertTrue(main(omar).contains(m.get("confirm.blockAccount")), main(omar));
                assertTrue(weft.server().safety().accounts().blockedBy(groupId(community)).isEmpty(), "asking blocks nothing");
                check(omar, "confirm-block-" + lang);
                omar.findElement(By.cssSelector("article.confirm button")).click();
                waitFor(omar, "/moderate/reports?done");
                assertTrue(main(omar).contains(m.get("reports.done")) && main(omar).contains(m.get("reports.empty")),
                        main(omar));
                check(omar, "reports-done-" + lang);
                JsonNode block = WaitFor.value("rosa's server receives the Block", () -> rosa.inboxPosts().stream()
                        .map(r -> TestHttp.json(new String(r.getBody(), StandardCharsets.UTF_8)))
                        .filter(j -> "Block".equals(j.path("type").asText())).findFirst().orElse(null));
                assertEquals(rosa.actor(), block.path("object").asText());

                // Anyone reads the public log: the block, its reason, never who reported it.
                layla.get(weft.base() + "/moderation-log/" + community);
                assertEquals(dir, layla.findElement(By.tagName("html")).getAttribute("dir"));
                String log = main(layla);
                assertTrue(log.contains(m.get("moderationLog.kind.accountBlocked")) && log.contains(reason)
                        && log.contains(rosa.actor()), log);
                assertFalse(log.contains("Layla") || log.contains(author) || log.contains(comment), "never the reporter");
                check(layla, "moderation-log-" + lang);
            } finally {
                layla.quit();
                omar.quit();
            }
        }
        assertTrue(violations.isEmpty(), "axe-core (serious or critical) or sideways scrolling at 360 px: " + violations);
    }

    private static long groupId(String name) {
        return weft.server().db().inTransaction(s -> ActorRepository.local(s, ActorKind.GROUP, name).orElseThrow().getId());
    }

    private static String main(WebDriver driver) {
        return driver.findElement(By.tagName("main")).getText();
    }

    private static WebDriver browser() throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                "--user-data-dir=" + Files.createTempDirectory("weft-chromium"), "--window-size=360,900", "--lang=en");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        return driver;
    }

    /** Logs in, then chooses the page language with the footer's form, as a person would. */
    private static void login(WebDriver driver, String username, String lang) {
        driver.get(weft.base() + "/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.cssSelector("form.stack button[type=submit]")).click();
        waitFor(driver, "/me/proposals");
        new Select(driver.findElement(By.id("page-language"))).selectByValue(lang);
        driver.findElement(By.cssSelector("footer form button")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class).until(d ->
                lang.equals(d.findElement(By.tagName("html")).getAttribute("lang"))
                        && "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    private static void waitFor(WebDriver driver, String pathPart) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> {
            String url = d.getCurrentUrl();
            return url != null && url.substring(weft.base().length()).startsWith(pathPart)
                    && "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState"));
        });
    }

    /** Screenshot, sideways scrolling at 360 px, then axe-core; problems are collected for the final assert. */
    @SuppressWarnings("unchecked")
    private static void check(WebDriver driver, String name) throws IOException {
        Files.createDirectories(SHOTS);
        Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        JavascriptExecutor js = (JavascriptExecutor) driver;
        Number overflow = (Number) js.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        if (overflow.intValue() > 1) {
            violations.add(name + " → scrolls sideways by " + overflow + " px at 360 px wide");
        }
        js.executeScript(axeSource());
        Object result = js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
                + " done(r.violations.filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })"
                + " .map(function (v) { return v.id + ': ' + v.nodes.map(function (n) { return n.target.join(' '); }).join(', '); }));"
                + "}).catch(function (e) { done(['axe failed: ' + e]); });");
        for (Object v : (List<Object>) result) {
            violations.add(name + " → " + v);
        }
    }

    private static String axe;

    private static synchronized String axeSource() throws IOException {
        if (axe == null) {
            try (InputStream in = ModerationBrowserTest.class.getResourceAsStream("/axe.min.js")) {
                if (in == null) {
                    throw new IllegalStateException("axe.min.js is not on the test classpath (com.deque.html.axe-core:selenium)");
                }
                axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        return axe;
    }
}
