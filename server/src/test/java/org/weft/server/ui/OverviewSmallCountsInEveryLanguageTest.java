package org.weft.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weft.server.domain.proposal.ProposalDraft;
import org.weft.server.model.Audience;
import org.weft.server.model.ProposalStatus;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.testing.TestServers;

/**
 * The needs overview hides a small count as "fewer than 3" in every language: a community with one request of a
 * category and two of another, read in English and in Arabic (and Persian), by a visitor and by a member, shows the
 * same figures cell for cell, the Arabic ones in Arabic words and digits, never a bare 0 for a hidden count.
 */
class OverviewSmallCountsInEveryLanguageTest {
    private static final Pattern CELL = Pattern.compile("<td>([^<]*)</td>|<text [^>]*>([^<]*)</text>");
    private static TestServers.Instance weft;

    @BeforeAll
    static void start() {
        weft = TestServers.start();
        weft.server().localActors().createGroup("camp", "Camp", null);
        weft.server().localActors().createMember("omar", "Omar", "omar-password", false);
        weft.server().proposals().areas().create("camp-a", "Camp A", 36.20, 37.10);
        post("Bread for a family", "bread", Audience.PUBLIC);
        post("Blankets for the night", "bedding", Audience.PUBLIC);
        post("Blankets for a child", "bedding", Audience.COMMUNITY);
        ProposalEntity met = post("A tent", "tents", Audience.PUBLIC);
        weft.server().proposals().service().changeStatus("omar", met.getId(), ProposalStatus.FULFILLED);
    }

    @AfterAll
    static void stop() {
        weft.close();
    }

    @Test
    void aSmallCountIsFewerThanThreeInEnglishArabicAndPersianForVisitorsAndMembers() {
        for (boolean member : List.of(false, true)) {
            List<String> english = cells(page("en", member), Map.of("fewer than 3", "fewer than 3"));
            assertTrue(english.contains("fewer than 3"), "the small counts are hidden in English: " + english);
            for (String lang : List.of("ar", "fa")) {
                String html = page(lang, member);
                List<String> shown = cells(html, Map.of("أقل من ٣", "fewer than 3", "کمتر از ۳", "fewer than 3"));
                assertEquals(english, shown, lang + (member ? ", a member" : ", a visitor") + ": " + html);
            }
        }
    }

    private static String page(String lang, boolean member) {
        PageClient client = new PageClient(weft.base()).language(lang);
        if (member) {
            client.login("omar", "omar-password");
            client.submit("/", "/language", Map.of("lang", lang));
        }
        for (String path : List.of("/overview", "/overview/camp")) {
            assertEquals(200, client.get(path).statusCode(), path);
        }
        return client.get("/overview").body() + client.get("/overview/camp").body();
    }

    /** Every table cell and chart label, digits made Western and the hidden count's words made English. */
    private static List<String> cells(String html, Map<String, String> fewer) {
        return CELL.matcher(html).results().map(r -> r.group(1) != null ? r.group(1) : r.group(2))
                .map(text -> fewer.getOrDefault(text, text)).map(OverviewSmallCountsInEveryLanguageTest::western)
                .map(text -> text.replaceAll("^(\\d+) على الأقل$", "at least $1").replaceAll("^دست‌کم (\\d+)$", "at least $1"))
                .filter(text -> text.matches("fewer than 3|at least \\d+|\\d+")).toList();
    }

    private static String western(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c >= '٠' && c <= '٩') {
                out.append((char) ('0' + c - '٠'));
            } else if (c >= '۰' && c <= '۹') {
                out.append((char) ('0' + c - '۰'));
            } else if (c != '٬' && c != ',') {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static ProposalEntity post(String title, String concept, Audience audience) {
        return weft.server().proposals().service().create("omar", ProposalDraft.builder().community("camp")
                .purpose(Purpose.REQUEST).language("en").title(title).description(title).categories(concept)
                .area("camp-a").audience(audience).build());
    }
}
