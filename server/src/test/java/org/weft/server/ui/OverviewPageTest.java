package org.weft.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
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
 * The needs overview as a visitor, a member and an Arabic reader see it, and its open data read back with Commons
 * CSV and Jackson: small counts hidden in every form, community-only proposals counted for members only, the page
 * under 50 KB with its charts as SVG and their numbers in tables, and a name a spreadsheet would run neutralised.
 */
class OverviewPageTest {
    private static TestServers.Instance weft;

    @BeforeAll
    static void start() {
        weft = TestServers.start();
        weft.server().localActors().createGroup("camp", "Camp", null);
        weft.server().localActors().createMember("omar", "Omar", "omar-password", false);
        weft.server().proposals().areas().create("camp-a", "Camp A", 36.20, 37.10);
        weft.server().proposals().areas().create("camp-b", "=HYPERLINK(\"http://x\")", 36.25, 37.30);
        for (int i = 0; i < 3; i++) {
            post(Purpose.REQUEST, "Bread for a family " + i, "bread", "camp-a", Audience.PUBLIC);
            post(Purpose.REQUEST, "Medicine for the block " + i, "medicine", "camp-b", Audience.COMMUNITY);
        }
        post(Purpose.OFFER, "Bread to share", "bread", "camp-a", Audience.PUBLIC);
        post(Purpose.OFFER, "Blankets", "bedding", "camp-b", Audience.PUBLIC);
        ProposalEntity promised = post(Purpose.REQUEST, "A tent", "tents", "camp-b", Audience.PUBLIC);
        weft.server().proposals().service().changeStatus("omar", promised.getId(), ProposalStatus.PROMISED);
    }

    @AfterAll
    static void stop() {
        weft.close();
    }

    private static ProposalEntity post(Purpose purpose, String title, String concept, String area, Audience audience) {
        return weft.server().proposals().service().create("omar", ProposalDraft.builder().community("camp")
                .purpose(purpose).language("en").title(title).description(title).categories(concept).area(area)
                .audience(audience).build());
    }

    @Test
    void aVisitorSeesChartsAndTablesWithSmallCountsHiddenAndNoCommunityOnlyProposal() {
        HttpResponse<String> page = new PageClient(weft.base()).get("/overview/camp");
        assertEquals(200, page.statusCode());
        String html = page.body();
        assertTrue(html.contains("Needs overview · "), html);
        assertTrue(html.contains("<svg role=\"img\""), "charts drawn on the server");
        assertTrue(html.contains("<caption>Open requests and offers by category</caption>"), "and their numbers as a table");
        assertTrue(html.contains("<td>3</td>"), "three bread requests");
        assertTrue(html.contains("<td>fewer than 3</td>"), "one offer is only 'fewer than 3'");
        assertTrue(html.contains("<td>at least 0</td>"), "two offers, each alone in its row: the total would tell");
        assertFalse(html.contains(">Health<"), "community-only medicine requests are not counted for a visitor");
        assertTrue(html.contains("are not counted here"), html);
        assertTrue(html.contains("rounded to the nearest multiple of 3"), "the rounding rule is said");
        assertFalse(html.contains("Bread for a family"), "counts only, never a proposal");
        assertFalse(html.contains("omar") || html.contains("Omar"), "never a person");
        assertTrue(html.contains("<circle"), "the areas' map");
        assertTrue(page.body().getBytes(StandardCharsets.UTF_8).length < 50 * 1024, "under 50 KB");
        assertFalse(html.contains("overview."), "no raw message key");
    }

    @Test
    void aMemberAlsoSeesCommunityOnlyProposalsCounted() {
        PageClient member = new PageClient(weft.base());
        member.login("omar", "omar-password");
        String html = member.get("/overview/camp").body();
        assertTrue(html.contains(">Health<"), "three community-only medicine requests, counted for a member");
        assertTrue(html.contains("are counted here"), html);
    }

    @Test
    void theArabicPageIsRightToLeftWithItsOwnWordsAndDigits() {
        String html = new PageClient(weft.base()).language("ar").get("/overview/camp").body();
        assertTrue(html.contains("lang=\"ar\"") && html.contains("dir=\"rtl\""), html);
        assertTrue(html.contains("نظرة عامة على الاحتياجات"), html);
        assertTrue(html.contains("<td>أقل من ٣</td>"), "fewer than three, in Arabic digits");
        assertTrue(html.contains("أقرب مضاعف لـ ٣"), "the rounding rule, in Arabic");
        assertTrue(html.contains("direction=\"rtl\""), "the charts' bars mirrored");
        assertTrue(html.contains("<td>٣</td>"), html);
        assertFalse(html.contains("overview.") || html.contains("Needs overview"), "no raw key, no English");
    }

    @Test
    void theBoardLinksToItsOverviewAndAnUnknownCommunityHasNone() {
        assertTrue(new PageClient(weft.base()).get("/board/camp").body().contains("href=\"/overview/camp\""));
        assertEquals(404, new PageClient(weft.base()).get("/overview/nowhere").statusCode());
        assertEquals(404, new PageClient(weft.base()).get("/overview/nowhere.csv").statusCode());
        assertEquals(200, new PageClient(weft.base()).get("/overview").statusCode());
    }

    @Test
    void theCsvReadsBackWithHiddenCellsEmptyAndNamesNeutralised() throws IOException {
        HttpResponse<String> csv = new PageClient(weft.base()).get("/overview/camp.csv");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("content-type").orElse("").startsWith("text/csv"));
        List<CSVRecord> rows = parse(csv.body());
        CSVRecord food = find(rows, "open_requests", "category", "food");
        assertEquals("3", food.get("value"));
        assertEquals("camp", food.get("community"));
        CSVRecord offers = find(rows, "open_offers", "category", "food");
        assertEquals("", offers.get("value"), "one offer: no number");
        assertEquals("3", offers.get("fewer_than"));
        CSVRecord campB = find(rows, "open_offers", "area", "camp-b");
        assertEquals("'=HYPERLINK(\"http://x\")", campB.get("area_name"), "a formula is neutralised");
        assertTrue(Double.parseDouble(campB.get("longitude")) > 37, "coordinates stay numbers");
        assertEquals("0", find(rows, "open_requests", "area", "camp-b").get("value"),
                "the tent is promised, the medicine requests are community-only: none open for a visitor");
        CSVRecord total = rows.stream().filter(r -> r.get("indicator").equals("open_offers")
                && r.get("category").isEmpty() && r.get("area").isEmpty()).findFirst().orElseThrow();
        assertEquals("true", total.get("at_least"));
        assertEquals("3", rows.stream().filter(r -> r.get("indicator").equals("open_requests")
                && r.get("category").isEmpty() && r.get("area").isEmpty()).findFirst().orElseThrow().get("value"),
                "three bread requests, nothing hidden: exact");
        assertEquals("3", find(rows, "median_hours_to_promised_requests", "indicator",
                "median_hours_to_promised_requests").get("fewer_than"), "the promise was noted, and is one: hidden");
    }

    @Test
    void theHxlFileHasItsHashtagRowUnderTheHeader() throws IOException {
        String body = new PageClient(weft.base()).get("/overview/camp.hxl.csv").body();
        List<CSVRecord> all = parse(body);
        CSVRecord tags = all.get(0);
        assertEquals("#org+code", tags.get("community"));
        assertEquals("#sector+code", tags.get("category"));
        assertEquals("#loc+name", tags.get("area_name"));
        assertEquals("#indicator+num", tags.get("value"));
        assertEquals("#date+start", tags.get("period_start"));
        CSVRecord food = find(all.subList(1, all.size()), "open_requests", "category", "food");
        assertEquals("3", food.get("value"));
    }

    @Test
    void theJsonCountsCommunityOnlyProposalsOnlyForAMember() throws IOException {
        JsonNode visitor = new ObjectMapper().readTree(new PageClient(weft.base()).get("/overview/camp.json").body());
        assertFalse(visitor.get("community_only_counted").asBoolean());
        assertEquals(3, visitor.get("threshold").asInt());
        assertFalse(visitor.toString().contains("\"health\""), visitor.toString());
        PageClient member = new PageClient(weft.base());
        member.login("omar", "omar-password");
        JsonNode seen = new ObjectMapper().readTree(member.get("/overview/camp.json").body());
        assertTrue(seen.get("community_only_counted").asBoolean());
        JsonNode health = null;
        for (JsonNode f : seen.get("figures")) {
            if ("health".equals(f.path("category").asText()) && "open_requests".equals(f.get("indicator").asText())) {
                health = f;
            }
        }
        assertEquals(3, health.get("value").asInt(), seen.toString());
    }

    private static List<CSVRecord> parse(String body) throws IOException {
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(body))
                .setFormat(CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            return parser.getRecords();
        }
    }

    private static CSVRecord find(List<CSVRecord> rows, String indicator, String column, String value) {
        return rows.stream().filter(r -> r.get("indicator").equals(indicator) && r.get(column).equals(value)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + indicator + " with " + column + " " + value + " in " + rows));
    }
}
