package org.weft.server.ui.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
    private static final Path SHOTS = Path.of("target", "screenshots");

    private static TestServers.Instance weft;

    @BeforeAll
    static void start() {
        PhoneBrowser.requireChromium();
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
    @CsvSource({"ar, PHONE", "ar, DESKTOP", "en, PHONE", "en, DESKTOP"})
    void theOverviewReadsWellInEachLanguageAndScreen(String lang, PhoneBrowser.Screen screen) throws IOException {
        Messages m = Messages.forLanguage(lang);
        List<String> problems = new ArrayList<>();
        try (PhoneBrowser browser = new PhoneBrowser(weft.base(), lang, SHOTS, problems, screen)) {
            browser.open("/overview/camp");
            browser.assertLanguage(lang, lang.equals("ar") ? "rtl" : "ltr");
            browser.assertShows("the overview", m.get("overview.byCategory"), m.get("overview.mostNeeded"));
            assertFalse(browser.mainText().contains("overview."), "no raw key: " + browser.mainText());
            assertEquals(4, browser.findAll("main svg").size(), "categories, areas, map, weeks");
            browser.checkEveryImpact("overview-" + lang + "-" + screen.name().toLowerCase(Locale.ROOT));
        }
        assertTrue(problems.isEmpty(), "axe-core or sideways scrolling: " + problems);
    }
}
