package org.weft.server.ui.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person's phone: headless Chromium emulating a 390×844 touch screen whose browser asks for {@code language}
 * first, on one Weft instance. It walks pages, and {@link #check} saves each step's screenshot and collects what
 * axe-core (serious or critical) and a sideways-scroll check find, for the test to assert at the end.
 */
final class PhoneBrowser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final int WIDTH = 390;
    static final int HEIGHT = 844;
    private static final Duration WAIT = Duration.ofSeconds(15);
    /** How long {@link #find} looks for an element that the page just being loaded may not have yet. */
    private static final Duration IMPLICIT_WAIT = Duration.ofSeconds(5);

    private static String axe;

    private final WebDriver driver;
    private final String base;
    private final Path shots;
    private final List<String> problems;
    private final Screen screen;

    /**
     * Skips the calling test when Chromium or its driver is not installed, except in CI ({@code CI} is true or 1, as
     * {@code .ci/run} and most CI services set it), where a skip would leave the pages unchecked while the build
     * stays green: there it fails instead.
     */
    static void requireChromium() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        String missing = CHROMIUM + " or " + CHROMEDRIVER + " is not installed (apt-get install chromium chromium-driver)";
        String ci = System.getenv("CI");
        assertTrue(installed || !("true".equalsIgnoreCase(ci) || "1".equals(ci)),
                "CI is set, so the browser test must run, but " + missing);
        assumeTrue(installed, "Skipped: " + missing);
    }

    /**
     * The screens the pages are checked on: a phone (emulated: its size, density and touch), a small phone (360×780,
     * the narrowest common one) or a desktop window.
     */
    enum Screen { PHONE, SMALL_PHONE, DESKTOP }

    /** A small phone's size in CSS pixels. */
    static final int SMALL_WIDTH = 360;
    static final int SMALL_HEIGHT = 780;
    /** The least height, in CSS pixels, of something to tap: 44 (WCAG 2.5.5), as weft.css makes buttons and fields. */
    static final int TAP_HEIGHT = 44;

    /** A desktop window's size: wide, and tall enough that a long page is screenshotted whole. */
    static final int DESKTOP_WIDTH = 1280;
    static final int DESKTOP_HEIGHT = 2600;

    PhoneBrowser(String base, String language, Path shots, List<String> problems) throws IOException {
        this(base, language, shots, problems, Screen.PHONE);
    }

    PhoneBrowser(String base, String language, Path shots, List<String> problems, Screen screen) throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                "--user-data-dir=" + Files.createTempDirectory("weft-phone"), "--lang=" + language);
        if (screen != Screen.DESKTOP) {
            // A phone: its width, height and touch, so the pages lay out as on one (CSS pixels, twice as dense).
            boolean small = screen == Screen.SMALL_PHONE;
            options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics", Map.of(
                    "width", small ? SMALL_WIDTH : WIDTH, "height", small ? SMALL_HEIGHT : HEIGHT,
                    "pixelRatio", 2.0, "touch", true)));
        } else {
            options.addArguments("--window-size=" + DESKTOP_WIDTH + "," + DESKTOP_HEIGHT);
        }
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(IMPLICIT_WAIT);
        this.base = base;
        this.shots = shots;
        this.problems = problems;
        this.screen = screen;
    }

    WebDriver driver() {
        return driver;
    }

    /** Opens a page of this instance and waits until it has loaded. */
    void open(String path) {
        driver.get(path.startsWith("http") ? path : base + path);
        waitFor("/");
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    /**
     * Every element the page has now, without the implicit wait: an empty answer came only after 5 s of it, and a page
     * here has no scripts, so once loaded (every step waits for that) an element it lacks will not appear. An absence
     * check therefore still looks at the finished page; a wait for an element polls this.
     */
    List<WebElement> findAll(String css) {
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
        try {
            return driver.findElements(By.cssSelector(css));
        } finally {
            driver.manage().timeouts().implicitlyWait(IMPLICIT_WAIT);
        }
    }

    /** The text a person reads in the page's main part, as the browser lays it out. */
    String mainText() {
        return words(find("main").getText());
    }

    /**
     * Text without Unicode's isolate marks (U+2066, U+2068, U+2069), which are invisible: the words are compared here, the
     * marks around people's words by {@code RightToLeftWalkTest}. Expected sentences go through this too.
     */
    static String words(String text) {
        return text.replace("\u2066", "").replace("\u2068", "").replace("\u2069", "");
    }

    /** The menu's unread badge, or null when the menu shows none. */
    String badge() {
        List<WebElement> badges = findAll("nav .badge");
        return badges.isEmpty() ? null : badges.get(0).getText().strip();
    }

    String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    void login(String username, String password) {
        open("/login");
        find("#username").sendKeys(username);
        find("#password").sendKeys(password);
        clickAndWaitForNewPage("form.stack button[type=submit]");
    }

    /** The page is in {@code language}, right to left for Arabic (and Persian), as the html element says. */
    void assertLanguage(String language, String dir) {
        WebElement html = find("html");
        assertEquals(language, html.getAttribute("lang"), "the page's lang at " + path());
        assertEquals(dir, html.getAttribute("dir"), "the page's dir at " + path());
    }

    /** Every expected sentence is in the page's main text. */
    void assertShows(String step, String... sentences) throws IOException {
        String text = mainText();
        for (String expected : sentences) {
            String sentence = words(expected);
            if (!text.contains(sentence)) {
                keepEvidence(step);
            }
            assertTrue(text.contains(sentence), step + ": expected «" + sentence + "» on " + path() + " but the page reads:\n"
                    + text);
        }
    }

    /** What the page looked like when a step failed: a screenshot and its HTML, next to the steps' screenshots. */
    void keepEvidence(String step) throws IOException {
        Files.createDirectories(shots);
        String name = "FAILED-" + step.replaceAll("[^A-Za-z0-9-]+", "-");
        Files.write(shots.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        Files.writeString(shots.resolve(name + ".html"), driver.getPageSource());
    }

    /**
     * Clicks a button that posts a form and redirects, and waits until the old page is gone and the new one loaded.
     * Chromium can still be swapping in the previous document when the button is found; a click on a node that has
     * left the document throws without posting anything, so it is found again and retried (never posted twice).
     */
    void clickAndWaitForNewPage(String css) {
        WebElement[] clickedOn = new WebElement[1];
        new WebDriverWait(driver, WAIT).until(d -> {
            try {
                WebElement page = d.findElement(By.tagName("html"));
                d.findElement(By.cssSelector(css)).click();
                clickedOn[0] = page;
                return true;
            } catch (StaleElementReferenceException e) {
                return false;
            } catch (WebDriverException e) {
                if (leftTheDocument(e)) {
                    return false;
                }
                throw e;
            }
        });
        // Gone from the document is stale too: Chromium may answer so instead of "stale element" while it swaps pages.
        new WebDriverWait(driver, WAIT).until(d -> {
            try {
                clickedOn[0].isEnabled();
                return false;
            } catch (StaleElementReferenceException e) {
                return true;
            } catch (WebDriverException e) {
                if (leftTheDocument(e)) {
                    return true;
                }
                throw e;
            }
        });
        waitFor("/");
    }

    /** Chromium's other way of saying that a node belongs to a page that has been replaced. */
    private static boolean leftTheDocument(WebDriverException e) {
        return e.getMessage() != null && e.getMessage().contains("does not belong to the document");
    }

    /** Waits until the address starts with {@code pathPart} and the page has loaded. */
    void waitFor(String pathPart) {
        new WebDriverWait(driver, WAIT).until(d -> {
            String url = d.getCurrentUrl();
            return url != null && url.startsWith(base) && url.substring(base.length()).startsWith(pathPart)
                    && "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState"));
        });
    }

    /** Screenshot {@code name}.png, the sideways-scroll check, then axe-core (serious and critical); problems are collected. */
    void check(String name) throws IOException {
        check(name, false);
    }

    /** As {@link #check}, but every axe-core violation counts, whatever its impact (for pages held to that). */
    void checkEveryImpact(String name) throws IOException {
        check(name, true);
    }

    @SuppressWarnings("unchecked")
    private void check(String name, boolean everyImpact) throws IOException {
        Files.createDirectories(shots);
        Files.write(shots.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        JavascriptExecutor js = (JavascriptExecutor) driver;
        Number overflow = (Number) js.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        if (overflow.intValue() > 1) {
            problems.add(name + " → scrolls sideways by " + overflow + " px on a " + screen.name().toLowerCase(Locale.ROOT));
        }
        js.executeScript(axeSource());
        Object result = js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "var every = arguments[0];"
                + "axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
                + " done(r.violations.filter(function (v) { return every || v.impact === 'serious' || v.impact === 'critical'; })"
                + " .map(function (v) { return v.id + ' (' + v.impact + '): ' + v.nodes.map(function (n) {"
                + " return n.target.join(' '); }).join(', '); }));"
                + "}).catch(function (e) { done(['axe failed: ' + e]); });", everyImpact);
        for (Object v : (List<Object>) result) {
            problems.add(name + " → " + v);
        }
    }

    /**
     * Screenshot {@code name}-page.png of the whole page, below the screen's height too (DevTools' capture beyond the
     * viewport, at the page's CSS size), for a person to look through a long page on a phone at once.
     */
    @SuppressWarnings("unchecked")
    void screenshotWholePage(String name) throws IOException {
        ChromeDriver chrome = (ChromeDriver) driver;
        Map<String, Object> size = (Map<String, Object>) chrome.executeCdpCommand("Page.getLayoutMetrics", Map.of())
                .get("cssContentSize");
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", size.get("width"), "height", size.get("height"),
                "scale", 1);
        Map<String, Object> shot = chrome.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true, "clip", clip));
        Files.createDirectories(shots);
        Files.write(shots.resolve(name + "-page.png"), Base64.getDecoder().decode((String) shot.get("data")));
    }

    /**
     * What can be tapped on the page (a button, a field, a list to choose from, a choice's label, a details' summary)
     * and is drawn less than {@link #TAP_HEIGHT} px high, each as its tag, class, words and height; what is not drawn
     * (inside a closed details, hidden) is left out.
     */
    @SuppressWarnings("unchecked")
    List<String> tooSmallToTap() {
        return (List<String>) ((JavascriptExecutor) driver).executeScript("var small = [], least = arguments[0] - 0.5;"
                + "document.querySelectorAll('button, select, summary, a.button, label.choice, input:not([type=hidden])"
                + ":not([type=radio]):not([type=checkbox])').forEach(function (e) {"
                + " var r = e.getBoundingClientRect();"
                + " if (!e.checkVisibility() || r.height >= least) { return; }"
                + " small.push(e.tagName.toLowerCase() + (e.className ? '.' + e.className : '') + ' «'"
                + " + (e.textContent || e.name || '').trim().slice(0, 40) + '» ' + Math.round(r.height) + ' px');"
                + "}); return small;", TAP_HEIGHT);
    }

    /**
     * Pairs of buttons drawn one above the other with less than 4 px between them (a finger meant for one reaches the
     * other), each as their words.
     */
    @SuppressWarnings("unchecked")
    List<String> buttonsTouching() {
        return (List<String>) ((JavascriptExecutor) driver).executeScript("var shown = [], touching = [];"
                + "document.querySelectorAll('button').forEach(function (b) {"
                + " if (b.checkVisibility()) { shown.push([b, b.getBoundingClientRect()]); } });"
                + "shown.forEach(function (upper) { shown.forEach(function (lower) {"
                + " var a = upper[1], b = lower[1];"
                + " var side = a.left < b.right && b.left < a.right, gap = b.top - a.bottom;"
                + " if (upper[0] !== lower[0] && side && gap >= -0.5 && gap < 4) {"
                + "  touching.push(upper[0].textContent.trim() + ' / ' + lower[0].textContent.trim()); }"
                + "}); }); return touching;");
    }

    /**
     * The fields of the page (text and number inputs, text areas, lists) that are laid out left to right in a
     * right-to-left page, though nothing marks them so: each as its id. Left out: {@code dir="ltr"} (a handle's field),
     * {@code dir="auto"} (a person's words, in their own direction once typed; Chromium lays an empty one out left to
     * right) and a date, which Chromium writes left to right in every page.
     */
    @SuppressWarnings("unchecked")
    List<String> fieldsNotRightToLeft() {
        return (List<String>) ((JavascriptExecutor) driver).executeScript("var wrong = [];"
                + "document.querySelectorAll('main input:not([type=hidden]):not([type=radio]):not([type=checkbox]),"
                + " main textarea, main select').forEach(function (e) {"
                + " if (!e.checkVisibility() || e.hasAttribute('dir') || e.type === 'date') { return; }"
                + " if (getComputedStyle(e).direction !== 'rtl') { wrong.push('#' + e.id); }"
                + "}); return wrong;");
    }

    private static synchronized String axeSource() throws IOException {
        if (axe == null) {
            try (InputStream in = PhoneBrowser.class.getResourceAsStream("/axe.min.js")) {
                if (in == null) {
                    throw new IllegalStateException("axe.min.js is not on the test classpath (com.deque.html.axe-core:selenium)");
                }
                axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        return axe;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
