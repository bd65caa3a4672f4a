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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
import org.weft.server.domain.proposal.ProposalDraft;
import org.weft.server.model.Audience;
import org.weft.server.model.Purpose;
import org.weft.server.testing.TestServers;
import org.weft.web.i18n.Messages;

/**
 * The needs overview in real headless Chromium, in Arabic and English, on a phone (360 px) and a desktop (1280 px):
 * the page is in the chosen language and direction, its charts are drawn without script and fit the screen (no
 * sideways scrolling), and axe-core finds no violation at all. Screenshots go to target/screenshots.
 */
class OverviewBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SHOTS = Path.of("target", "screenshots");

    private static TestServers.Instance weft;

    @BeforeAll
    static void start() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        String missing = CHROMIUM + " or " + CHROMEDRIVER + " is not installed (apt-get install chromium chromium-driver)";
        assertTrue(installed || !MemberJourneyBrowserTest.inCi(), "CI is set, so the browser test must run, but " + missing);
        assumeTrue(installed, "Skipped: " + missing);
        weft = TestServers.start();
        weft.server().localActors().createGroup("camp", "Camp Zaatari", null);
        weft.server().localActors().createMember("omar", "Omar", "omar-password", false);
        weft.server().proposals().areas().create("district-3", "District 3", 32.29, 36.32);
        weft.server().proposals().areas().create("district-5", "District 5", 32.30, 36.33);
        weft.server().proposals().areas().create("district-8", "District 8", 32.28, 36.34);
        String[][] seed = {{"bread", "district-3", "6"}, {"tents", "district-5", "4"}, {"medicine", "district-8", "2"},
                {"winter-clothes", "district-3", "3"}, {"diapers", "district-5", "5"}};
        for (String[] s : seed) {
            for (int i = 0; i < Integer.parseInt(s[2]); i++) {
                post(Purpose.REQUEST, s[0], s[1]);
            }
        }
        post(Purpose.OFFER, "bread", "district-3");
        post(Purpose.OFFER, "tents", "district-5");
        post(Purpose.OFFER, "tents", "district-5");
        post(Purpose.OFFER, "tents", "district-8");
    }

    private static void post(Purpose purpose, String concept, String area) {
        weft.server().proposals().service().create("omar", ProposalDraft.builder().community("camp").purpose(purpose)
                .language("en").title(concept + " " + purpose).description(concept).categories(concept).area(area)
                .audience(Audience.PUBLIC).build());
    }

    @AfterAll
    static void stop() {
        if (weft != null) {
            weft.close();
        }
    }

    @ParameterizedTest(name = "{0} on a {1}")
    @CsvSource({"ar, phone, 360", "ar, desktop, 1280", "en, phone, 360", "en, desktop, 1280"})
    void theOverviewReadsWellInEachLanguageAndScreen(String lang, String screen, int width) throws IOException {
        Messages m = Messages.forLanguage(lang);
        WebDriver driver = browser(width);
        List<String> problems = new ArrayList<>();
        try {
            driver.get(weft.base() + "/overview/camp");
            if (!lang.equals("en")) {
                new Select(driver.findElement(By.id("page-language"))).selectByValue(lang);
                driver.findElement(By.cssSelector("footer form button")).click();
            }
            new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class).until(d ->
                    lang.equals(d.findElement(By.tagName("html")).getAttribute("lang"))
                            && "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
            assertTrue(driver.getCurrentUrl().endsWith("/overview/camp"), driver.getCurrentUrl());
            assertEquals(lang.equals("ar") ? "rtl" : "ltr", driver.findElement(By.tagName("html")).getAttribute("dir"));
            String main = driver.findElement(By.tagName("main")).getText();
            assertTrue(main.contains(m.get("overview.byCategory")) && main.contains(m.get("overview.mostNeeded")), main);
            assertFalse(main.contains("overview."), "no raw key: " + main);
            assertEquals(4, driver.findElements(By.cssSelector("main svg")).size(), "categories, areas, map, weeks");
            check(driver, "overview-" + lang + "-" + screen, problems);
        } finally {
            driver.quit();
        }
        assertTrue(problems.isEmpty(), "axe-core or sideways scrolling: " + problems);
    }

    private static WebDriver browser(int width) throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                "--user-data-dir=" + Files.createTempDirectory("weft-chromium"), "--window-size=" + width + ",2600",
                "--lang=en");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        return driver;
    }

    /** Screenshot, sideways scrolling, then axe-core: every violation, whatever its impact. */
    @SuppressWarnings("unchecked")
    private static void check(WebDriver driver, String name, List<String> problems) throws IOException {
        Files.createDirectories(SHOTS);
        Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        JavascriptExecutor js = (JavascriptExecutor) driver;
        Number overflow = (Number) js.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        if (overflow.intValue() > 1) {
            problems.add(name + " → scrolls sideways by " + overflow + " px");
        }
        js.executeScript(axeSource());
        Object result = js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
                + " done(r.violations.map(function (v) { return v.id + ' (' + v.impact + '): '"
                + " + v.nodes.map(function (n) { return n.target.join(' '); }).join(', '); }));"
                + "}).catch(function (e) { done(['axe failed: ' + e]); });");
        for (Object v : (List<Object>) result) {
            problems.add(name + " → " + v);
        }
    }

    private static String axe;

    private static synchronized String axeSource() throws IOException {
        if (axe == null) {
            try (InputStream in = OverviewBrowserTest.class.getResourceAsStream("/axe.min.js")) {
                if (in == null) {
                    throw new IllegalStateException("axe.min.js is not on the test classpath (com.deque.html.axe-core:selenium)");
                }
                axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        return axe;
    }
}
