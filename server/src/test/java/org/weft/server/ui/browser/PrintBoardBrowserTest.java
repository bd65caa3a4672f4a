package org.weft.server.ui.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.weft.server.domain.proposal.ProposalDraft;
import org.weft.server.model.Audience;
import org.weft.server.model.Purpose;
import org.weft.server.testing.TestServers;
import org.weft.web.i18n.Messages;

/**
 * The printed board as an Arabic reader sees it on a phone before printing it, in real headless Chromium: an English
 * title that wraps inside an Arabic table keeps its own direction on every line (a closing ":)" stays after the
 * title's last word, not moved before it and mirrored), a reference stays on one line, the sheet fits the phone without
 * sideways scrolling, and axe-core finds nothing serious.
 */
class PrintBoardBrowserTest {
    private static final Path SHOTS = Path.of("target", "screenshots");
    private static final String TITLE = "Winter coats for my two kids, 6 and 9 :)";

    private static TestServers.Instance weft;

    @BeforeAll
    static void start() {
        PhoneBrowser.requireChromium();
        weft = TestServers.start();
        weft.server().localActors().createGroup("camp", "Camp Hope", null);
        weft.server().localActors().createMember("omar", "Omar", "omar-password", false);
        weft.server().proposals().areas().create("camp-a", "Camp A", null, null);
        weft.server().proposals().areas().create("camp-a/block-3", "Block 3", null, null);
        weft.server().proposals().service().create("omar", ProposalDraft.builder().community("camp")
                .purpose(Purpose.REQUEST).language("en").title(TITLE).description("Warm ones.").categories("winter-clothes")
                .area("camp-a/block-3").audience(Audience.PUBLIC).build());
    }

    @AfterAll
    static void stop() {
        if (weft != null) {
            weft.close();
        }
    }

    @Test
    void anEnglishTitleReadsLeftToRightOnAnArabicSheetThatFitsAPhone() throws IOException {
        List<String> problems = new ArrayList<>();
        try (PhoneBrowser browser = new PhoneBrowser(weft.base(), "ar", SHOTS, problems)) {
            browser.open("/board/camp/print?lang=ar");
            browser.assertLanguage("ar", "rtl");
            browser.assertShows("the printed board", Messages.forLanguage("ar").get("print.requests"));
            // A smiley closing an English title: in the Arabic page's direction its ":)" would be drawn before the
            // title, at its left end, and mirrored as "(:". Read as the title's own paragraph (dir="auto" finds the
            // first letter, an English one), the ")" stands to the right of the "9", as its writer typed it.
            Object rightOfNine = ((JavascriptExecutor) browser.driver()).executeScript("""
                    const cell = [...document.querySelectorAll('td')].find(td => td.textContent.includes(arguments[0]));
                    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
                    let node;
                    while ((node = walker.nextNode()) && !node.data.includes(arguments[0])) {}
                    const box = i => { const r = document.createRange(); r.setStart(node, i); r.setEnd(node, i + 1);
                                       return r.getBoundingClientRect(); };
                    const nine = node.data.indexOf('9'), close = node.data.indexOf(')');
                    return box(close).top > box(nine).top || box(close).left > box(nine).left;
                    """, TITLE);
            assertEquals(true, rightOfNine, "the title's closing \":)\" follows the 9 (not drawn before the title as \"(:\")");
            // A reference is read aloud or typed back ("A5C35AC9"): broken over two lines on a phone it reads as two.
            Object referenceLines = ((JavascriptExecutor) browser.driver()).executeScript("""
                    const ref = document.querySelector('td.ref');
                    const r = document.createRange(); r.selectNodeContents(ref);
                    return new Set([...r.getClientRects()].map(box => Math.round(box.top))).size;
                    """);
            assertEquals(1L, referenceLines, "the request's reference stays on one line on a phone");
            browser.check("print-board-ar-phone");
        }
        assertTrue(problems.isEmpty(), "axe-core (serious or critical) or sideways scrolling on a phone: " + problems);
    }
}
