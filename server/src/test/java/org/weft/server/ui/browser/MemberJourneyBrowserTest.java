package org.weft.server.ui.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.weft.server.domain.account.Operators;
import org.weft.server.domain.account.Invites;
import org.weft.server.queue.DeliveryQueue;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;
import org.weft.web.i18n.Messages;

/**
 * A member's journey in real headless Chromium: sign up with an invite, post an offer in Arabic and see the board
 * right to left, post a request in English, another member responds, the author accepts and marks it fulfilled; the
 * operator links the community to one on a second instance.
 * Every key page is screenshotted to target/screenshots and checked by axe-core (no serious or critical violation).
 */
class MemberJourneyBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SHOTS = Path.of("target", "screenshots");

    private static TestServers.Instance weft;
    private static final List<String> violations = new ArrayList<>();

    @BeforeAll
    static void start() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        String missing = CHROMIUM + " or " + CHROMEDRIVER + " is not installed (apt-get install chromium chromium-driver)";
        // In CI a skip would leave the whole journey unchecked while the build stays green: there it fails instead.
        assertTrue(installed || !inCi(), "CI is set, so the browser test must run, but " + missing);
        assumeTrue(installed, "Skipped: " + missing);
        weft = TestServers.start(Map.of("WEFT_SIGNUP", "invite"));
        weft.server().localActors().createGroup("camp", "Camp A mutual aid", "Offers and requests in Camp A");
        weft.server().proposals().areas().create("camp-a", "Camp A", null, null);
        weft.server().localActors().createMember("omar", "Omar", "omar-password", false);
        new Operators(weft.server().db()).setAdmin("omar", true);
    }

    /** CI=true (or 1), as {@code .ci/run} and most CI services set it. */
    static boolean inCi() {
        String ci = System.getenv("CI");
        return "true".equalsIgnoreCase(ci) || "1".equals(ci);
    }

    @AfterAll
    static void stop() {
        if (weft != null) {
            weft.close();
        }
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

    @Test
    void signUpPostRespondAcceptFulfil() throws IOException {
        String code = new Invites(weft.server().db(), Clock.systemUTC()).create("for Layla", null).getCode();
        WebDriver layla = browser();
        WebDriver omar = browser();
        try {
            layla.get(weft.base() + "/signup?invite=" + code);
            check(layla, "signup");
            layla.findElement(By.id("username")).sendKeys("layla");
            layla.findElement(By.id("display")).sendKeys("Layla");
            layla.findElement(By.id("password")).sendKeys("layla-password");
            layla.findElement(By.cssSelector("form.stack button[type=submit]")).click();
            waitFor(layla, "/welcome");
            assertTrue(layla.findElement(By.tagName("main")).getText().contains("Welcome"), "sign-up ends on a welcome");
            check(layla, "welcome");

            // Switch to Arabic and post an offer in Arabic.
            new Select(layla.findElement(By.id("page-language"))).selectByValue("ar");
            layla.findElement(By.cssSelector("footer form button")).click();
            // Let the language form's POST and redirect finish first, or its navigation can land after the next get.
            new WebDriverWait(layla, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class).until(d ->
                    "ar".equals(d.findElement(By.tagName("html")).getAttribute("lang"))
                            && "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
            layla.get(weft.base() + "/new?purpose=offer&community=camp");
            waitFor(layla, "/new");
            assertEquals("rtl", layla.findElement(By.tagName("html")).getAttribute("dir"));
            check(layla, "new-offer-ar");
            layla.findElement(By.id("title")).sendKeys("بطانيتان للشتاء");
            layla.findElement(By.id("description")).sendKeys("بطانيتان نظيفتان، تعال إلى الخيمة ١٢");
            // No category is chosen for her: the list starts on "choose a category".
            new Select(layla.findElement(By.id("category"))).selectByValue("bedding");
            new Select(layla.findElement(By.id("area"))).selectByValue("camp-a");
            layla.findElement(By.cssSelector("form.stack button[type=submit]")).click();
            waitFor(layla, "/proposals/");
            check(layla, "proposal-ar");
            layla.get(weft.base() + "/board/camp");
            assertEquals("rtl", layla.findElement(By.tagName("html")).getAttribute("dir"));
            assertTrue(layla.getPageSource().contains("بطانيتان للشتاء"));
            check(layla, "board-ar");

            // Omar logs in in English and posts a request.
            login(omar, "omar", "omar-password");
            omar.get(weft.base() + "/new?purpose=request&community=camp");
            omar.findElement(By.id("title")).sendKeys("Need a wheelchair for a week");
            new Select(omar.findElement(By.id("category"))).selectByValue("mobility-aids");
            omar.findElement(By.cssSelector("input[name=audience][value=PUBLIC]")).click();
            omar.findElement(By.cssSelector("form.stack button[type=submit]")).click();
            // Health is sensitive help: the form comes back once, set to community only, with the safety note; he
            // chooses public again and publishes.
            new WebDriverWait(omar, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                    .until(d -> !d.findElements(By.cssSelector("aside.safety")).isEmpty());
            check(omar, "new-request-sensitive-en");
            omar.findElement(By.cssSelector("input[name=audience][value=PUBLIC]")).click();
            omar.findElement(By.cssSelector("form.stack button[type=submit]")).click();
            waitFor(omar, "/proposals/");
            omar.get(weft.base() + "/board/camp");
            assertEquals("ltr", omar.findElement(By.tagName("html")).getAttribute("dir"));
            check(omar, "board-en");

            // Omar responds to Layla's offer.
            omar.findElement(By.partialLinkText("بطانيتان")).click();
            omar.findElement(By.id("respond-text")).sendKeys("I would be glad of one, thank you");
            omar.findElement(By.cssSelector("section.respond button")).click();
            waitFor(omar, "/proposals/");

            // Layla sees the notification, accepts, then marks the offer fulfilled.
            layla.get(weft.base() + "/me/notifications");
            check(layla, "notifications-ar");
            layla.findElement(By.cssSelector("ul.rows a")).click();
            layla.findElement(By.cssSelector("textarea[name=handoff]")).sendKeys("الخيمة ١٢ بعد الظهر");
            clickAndWaitForNewPage(layla, By.cssSelector("form[action$='/accept'] button"));
            assertTrue(layla.findElement(By.cssSelector(".proposal .status")).getText().contains("موعود"));
            clickAndWaitForNewPage(layla, By.cssSelector("form[action$='/status'] input[value=fulfilled] + button"));
            assertTrue(layla.findElement(By.cssSelector(".proposal .status")).getText().contains("تمّ"));
            assertTrue(layla.findElement(By.cssSelector("#manage .notice")).getText().contains("شكرًا"),
                    "the notice is where she pressed the button, in Arabic");
            check(layla, "proposal-fulfilled-ar");
            // Deleting asks first, on a page of its own; she keeps it.
            clickAndWaitForNewPage(layla, By.cssSelector("form[action$='/delete'] button"));
            assertTrue(layla.findElement(By.tagName("h1")).getText().contains("حذف"), "the confirmation page asks");
            check(layla, "confirm-delete-ar");
            layla.findElement(By.cssSelector("article.confirm p > a")).click();
            waitFor(layla, "/proposals/");

            // Omar, the responder, is told and reads the meeting place Layla typed; Layla's own list does not show it.
            omar.get(weft.base() + "/me/notifications");
            String omarsNotifications = omar.findElement(By.tagName("main")).getText();
            assertTrue(omarsNotifications.contains("Your response was accepted: " + Messages.isolate("بطانيتان للشتاء")),
                    omarsNotifications);
            assertTrue(omarsNotifications.contains("الخيمة ١٢ بعد الظهر"), omarsNotifications);
            check(omar, "notifications-en");
            layla.get(weft.base() + "/me/notifications");
            assertFalse(layla.getPageSource().contains("الخيمة ١٢ بعد الظهر"), "the hand-off is Omar's alone");

            // They talk: Omar follows his notification to the conversation under his response and answers; Layla
            // follows hers and answers in Arabic; Omar reads it on "My responses".
            omar.get(weft.base() + "/me/notifications");
            omar.findElement(By.partialLinkText("New message from " + Messages.isolate("Layla"))).click();
            waitFor(omar, "/proposals/");
            assertTrue(omar.findElement(By.cssSelector("section.conversation")).getText().contains("الخيمة ١٢ بعد الظهر"));
            omar.findElement(By.cssSelector("section.conversation > form textarea")).sendKeys("See you there, thank you!");
            clickAndWaitForNewPage(omar, By.cssSelector("section.conversation > form button"));
            assertTrue(omar.findElement(By.cssSelector("section.conversation")).getText().contains("See you there"));
            check(omar, "conversation-en");
            layla.get(weft.base() + "/me/notifications");
            layla.findElement(By.cssSelector("ul.rows a")).click();
            waitFor(layla, "/proposals/");
            assertTrue(layla.findElement(By.cssSelector("section.conversation")).getText().contains("See you there"));
            layla.findElement(By.cssSelector("section.conversation > form textarea")).sendKeys("أهلاً وسهلاً");
            clickAndWaitForNewPage(layla, By.cssSelector("section.conversation > form button"));
            check(layla, "conversation-ar");
            omar.get(weft.base() + "/me/responses");
            assertTrue(omar.findElement(By.tagName("main")).getText().contains("أهلاً وسهلاً"));
            check(omar, "responses-en");
            // The operator links two communities: camp here follows town on a second Weft, which accepts at once.
            try (TestServers.Instance other = TestServers.start()) {
                other.server().localActors().createGroup("town", "Town mutual aid", null);
                omar.get(weft.base() + "/admin/links");
                omar.findElement(By.id("l-target")).sendKeys("@town@" + other.domain());
                omar.findElement(By.cssSelector("form[action='/admin/links'] button")).click();
                waitFor(omar, "/admin");
                String handle = "@town@" + other.domain();
                new WebDriverWait(omar, Duration.ofSeconds(20)).until(d -> {
                    d.navigate().refresh();
                    return d.findElements(By.cssSelector("ul.links li")).stream()
                            .anyMatch(li -> li.getText().contains(handle) && li.getText().contains("linked"));
                });
                check(omar, "admin-links");
                omar.get(weft.base() + "/groups/camp");
                assertTrue(omar.getPageSource().contains(handle), "the community page lists the link");
                check(omar, "community-en");
                // Closing mid-delivery (town's Accept) interrupts H2 mid-write and fails the close: drain first.
                WaitFor.condition("town's delivery queue is empty",
                        () -> new DeliveryQueue(other.server().db()).stats(Instant.now()).pending() == 0);
            }
            omar.get(weft.base() + "/me/matches");
            check(omar, "matches-en");
            omar.get(weft.base() + "/account");
            check(omar, "account-en");
            omar.get(weft.base() + "/me/proposals");
            check(omar, "mine-en");
            omar.get(weft.base() + "/admin");
            check(omar, "admin");
            omar.get(weft.base() + "/admin/invites");
            omar.findElement(By.id("i-note")).sendKeys("for Yusuf");
            omar.findElement(By.cssSelector("form[action='/admin/invites'] button")).click();
            waitFor(omar, "/admin/invites");
            assertTrue(omar.findElement(By.cssSelector(".invite-link")).getText().contains("/signup?invite="), "the link");
            assertTrue(omar.findElement(By.cssSelector("svg.qr")).isDisplayed(), "and its QR code, next to the form");
            check(omar, "admin-invite-qr");
            omar.get(weft.base() + "/admin/members");
            check(omar, "admin-members");
            omar.get(weft.base() + "/no/such/page");
            assertTrue(omar.findElement(By.tagName("h1")).getText().contains("Not found"), "a page, not plain text");
            check(omar, "not-found-en");
        } finally {
            layla.quit();
            omar.quit();
        }
        assertTrue(violations.isEmpty(), "axe-core (serious or critical) or sideways scrolling at 360 px: " + violations);
    }

    private static void login(WebDriver driver, String username, String password) {
        driver.get(weft.base() + "/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form.stack button[type=submit]")).click();
        waitFor(driver, "/me/proposals");
    }

    /**
     * Clicks a form button that posts and redirects back to the same URL, and waits until the old page is gone.
     * Chromium can still be swapping in the previous navigation's document when the button is found; the click on a
     * node that has left the document then throws without doing anything, so it is found again and retried (a click
     * that threw sent nothing, so the form is never posted twice).
     */
    private static void clickAndWaitForNewPage(WebDriver driver, By button) {
        WebElement[] clickedOn = new WebElement[1];
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> {
            try {
                WebElement page = d.findElement(By.tagName("html"));
                d.findElement(button).click();
                clickedOn[0] = page;
                return true;
            } catch (StaleElementReferenceException e) {
                return false;
            } catch (WebDriverException e) {
                if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                    return false;
                }
                throw e;
            }
        });
        // Gone from the document is stale too: Chromium may answer so instead of "stale element" while it swaps pages.
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> {
            try {
                clickedOn[0].isEnabled();
                return false;
            } catch (StaleElementReferenceException e) {
                return true;
            } catch (WebDriverException e) {
                if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        });
        waitFor(driver, "/");
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
        // Usable on a 360 px phone: nothing may need scrolling sideways. A 720 px window at 200% zoom lays out
        // the same 360 CSS pixels, so this also covers "readable at 200% zoom" on a small laptop window.
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
            try (InputStream in = MemberJourneyBrowserTest.class.getResourceAsStream("/axe.min.js")) {
                if (in == null) {
                    throw new IllegalStateException("axe.min.js is not on the test classpath (com.deque.html.axe-core:selenium)");
                }
                axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        return axe;
    }
}
