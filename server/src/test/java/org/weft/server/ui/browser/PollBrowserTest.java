package org.weft.server.ui.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.weft.server.api.ApiClient;
import org.weft.server.testing.TestServers;
import org.weft.web.i18n.Messages;

/**
 * Issue 19's browser check, in real headless Chromium and in Arabic: Dina opens a community's poll page (right to
 * left, every sentence the Arabic message file's), chooses an option with the radio buttons and votes, without
 * JavaScript on the page; she is told her own choice; Amina, another member, then reads one vote through the API.
 * The pages are screenshotted to target/screenshots and checked by axe-core (no serious or critical violation) and
 * for sideways scrolling at 360 px.
 */
class PollBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SHOTS = Path.of("target", "screenshots");
    private static final String PASSWORD = "a long enough password";

    private final List<String> violations = new ArrayList<>();

    @Test
    void dinaVotesInArabic() throws IOException {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        String missing = CHROMIUM + " or " + CHROMEDRIVER + " is not installed (apt-get install chromium chromium-driver)";
        assertTrue(installed || !MemberJourneyBrowserTest.inCi(), "CI is set, so the browser test must run, but " + missing);
        assumeTrue(installed, "Skipped: " + missing);
        try (TestServers.Instance weft = TestServers.start()) {
            weft.server().localActors().createGroup("block3", "Block 3", null);
            ApiClient amina = ApiClient.newMember(weft, "amina", "Amina");
            ApiClient.newMember(weft, "dina", "Dina");
            weft.server().moderators().add("block3", "amina", Optional.empty());
            String pollUri = ApiClient.expect(201, amina.post("/groups/block3/polls", "{\"question\":\"أي يوم ننظف الثلاجة؟\","
                    + "\"options\":[\"الجمعة\",\"الأحد\"],\"endsAt\":\"" + Instant.now().plus(Duration.ofDays(2)) + "\"}"))
                    .path("uri").asText();
            String pollPath = URI.create(pollUri).getRawPath();
            Messages ar = Messages.forLanguage("ar");

            WebDriver driver = browser();
            try {
                login(driver, weft, "dina", "ar");
                driver.get(weft.base() + "/groups/block3/polls");
                assertTrue(main(driver).contains(ar.get("poll.anonymity")), main(driver));
                check(driver, "poll-list-ar");
                driver.findElement(By.cssSelector("ul.polls a")).click();
                waitFor(driver, weft, pollPath);
                assertEquals("rtl", driver.findElement(By.tagName("html")).getAttribute("dir"));
                assertTrue(main(driver).contains(ar.get("poll.chooseOne")), main(driver));
                check(driver, "poll-ar");
                driver.findElement(By.cssSelector("input[type=radio][value='1']")).click();
                driver.findElement(By.xpath("//button[normalize-space()='" + ar.get("poll.vote") + "']")).click();
                waitFor(driver, weft, pollPath + "?done=pollVoted");
                String after = main(driver);
                assertTrue(after.contains(ar.get("notice.pollVoted")), after);
                assertTrue(PhoneBrowser.words(after).contains(PhoneBrowser.words(ar.get("poll.youVoted",
                        Messages.isolate("الأحد")))), after);
                assertTrue(driver.findElements(By.cssSelector("input[type=radio]")).isEmpty(), "voted once: no form");
                check(driver, "poll-voted-ar");
            } finally {
                driver.quit();
            }
            JsonNode seen = ApiClient.expect(200, amina.get(pollPath));
            assertEquals(1, seen.path("votersCount").asInt());
            assertEquals(1, seen.path("options").path(1).path("votes").asInt());
            assertFalse(seen.toString().contains("dina"));
        }
        assertTrue(violations.isEmpty(), "axe-core (serious or critical) or sideways scrolling at 360 px: " + violations);
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
    private static void login(WebDriver driver, TestServers.Instance weft, String username, String lang) {
        driver.get(weft.base() + "/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.cssSelector("form.stack button[type=submit]")).click();
        waitFor(driver, weft, "/me/proposals");
        new Select(driver.findElement(By.id("page-language"))).selectByValue(lang);
        driver.findElement(By.cssSelector("footer form button")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class).until(d ->
                lang.equals(d.findElement(By.tagName("html")).getAttribute("lang"))
                        && "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    private static void waitFor(WebDriver driver, TestServers.Instance weft, String pathPart) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> {
            String url = d.getCurrentUrl();
            return url != null && url.substring(weft.base().length()).startsWith(pathPart)
                    && "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState"));
        });
    }

    /** Screenshot, sideways scrolling at 360 px, then axe-core; problems are collected for the final assert. */
    @SuppressWarnings("unchecked")
    private void check(WebDriver driver, String name) throws IOException {
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

    private static String axeSource() throws IOException {
        try (InputStream in = PollBrowserTest.class.getResourceAsStream("/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the test classpath (com.deque.html.axe-core:selenium)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
