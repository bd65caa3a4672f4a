package org.weft.server.opendata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weft.server.domain.proposal.ProposalDraft;
import org.weft.server.model.Audience;
import org.weft.server.model.HelpKind;
import org.weft.server.model.ProposalStatus;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;
import org.weft.web.i18n.Messages;

/**
 * A visitor's view of a community's open data: the CSV, the HXL-tagged CSV and the JSON list exactly the open public
 * proposals posted to that community (not community-only ones, not promised or withdrawn ones, not another
 * community's), name no member (not even a public proposal's author, nor an anonymous one's), give the coarse area and
 * never coordinates, and carry hostile titles as inert text: a spreadsheet formula is neutralised, markup escaped in
 * JSON, and each parser reads the title back.
 */
class OpenDataFilesTest {
    private static final String FORMULA = "=HYPERLINK(\"http://evil.example\",\"Click\")";
    private static final String MARKUP = "<script>alert('x')</script> & \"quotes\", commas";

    private static TestServers.Instance weft;
    private static ProposalEntity bread;
    private static ProposalEntity formula;
    private static ProposalEntity anonymous;

    @BeforeAll
    static void start() {
        weft = TestServers.start();
        weft.server().localActors().createGroup("camp", "Camp Hope", null);
        weft.server().localActors().createGroup("other", "Another Camp", null);
        weft.server().localActors().createMember("omar", "Omar Haddad", "omar-password", false);
        weft.server().proposals().areas().create("camp-a", "Camp A", 36.2, 37.1);
        weft.server().proposals().areas().create("camp-a/block-3", "Block 3", null, null);
        bread = weft.server().proposals().service().create("omar", draft("camp", Purpose.OFFER, "Fresh bread every morning",
                "bread", Audience.PUBLIC).kind(HelpKind.GIFT).quantity(new BigDecimal("12"), "one")
                .area("camp-a/block-3").coordinates(36.21234, 37.13456).build());
        anonymous = weft.server().proposals().service().create("omar", draft("camp", Purpose.REQUEST,
                "Formula for a newborn", "baby-food", Audience.ANONYMOUS).area("camp-a").build());
        formula = weft.server().proposals().service().create("omar", draft("camp", Purpose.OFFER, FORMULA, "bread",
                Audience.PUBLIC).build());
        create("camp", Purpose.OFFER, MARKUP, "prams", Audience.PUBLIC);
        create("camp", Purpose.OFFER, "+SUM(1,2)", "prams", Audience.PUBLIC);
        create("camp", Purpose.OFFER, "-2+3", "prams", Audience.PUBLIC);
        create("camp", Purpose.OFFER, "@cmd", "prams", Audience.PUBLIC);
        create("camp", Purpose.OFFER, "Soup for the block only", "food", Audience.COMMUNITY);
        create("other", Purpose.OFFER, "Bread in another camp", "bread", Audience.PUBLIC);
        ProposalEntity promised = create("camp", Purpose.OFFER, "Bread already promised", "bread", Audience.PUBLIC);
        weft.server().proposals().service().changeStatus("omar", promised.getId(), ProposalStatus.PROMISED);
        ProposalEntity withdrawn = create("camp", Purpose.OFFER, "Bread that was withdrawn", "bread", Audience.PUBLIC);
        weft.server().proposals().service().changeStatus("omar", withdrawn.getId(), ProposalStatus.WITHDRAWN);
    }

    @AfterAll
    static void stop() {
        weft.close();
    }

    @Test
    void theCsvListsTheOpenPublicProposalsOfThisCommunityOnly() throws IOException {
        HttpResponse<String> res = get("/board/camp/proposals.csv");
        assertEquals(200, res.statusCode());
        assertTrue(res.headers().firstValue("Content-Type").orElse("").startsWith("text/csv; charset=utf-8"), res.headers()
                .toString());
        assertEquals("*", res.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        List<CSVRecord> rows = parse(res.body(), 0);
        assertEquals(List.of("reference", "url", "purpose", "purpose_label", "kind", "sector", "sector_label", "categories",
                "category_labels", "title", "language", "quantity", "unit", "area", "area_name", "status", "posted", "ends"),
                List.of(CSVFormat.RFC4180.parse(new StringReader(res.body())).getRecords().getFirst().values()));
        assertTrue(res.body().contains("\r\n"), "RFC 4180 ends records with CRLF");
        Map<String, CSVRecord> byTitle = byTitle(rows);
        assertEquals(7, rows.size(), byTitle.keySet().toString());
        for (String absent : List.of("Soup for the block only", "Bread in another camp", "Bread already promised",
                "Bread that was withdrawn")) {
            assertFalse(byTitle.containsKey(absent), absent);
            assertFalse(res.body().contains(absent), absent);
        }
        CSVRecord b = byTitle.get("Fresh bread every morning");
        assertEquals(bread.getUri(), b.get("url"));
        assertEquals(bread.getUri().substring(bread.getUri().lastIndexOf('/') + 1, bread.getUri().lastIndexOf('/') + 9)
                .toUpperCase(), b.get("reference"));
        assertEquals("offer", b.get("purpose"));
        assertEquals("gift", b.get("kind"));
        assertEquals("bread", b.get("categories"));
        assertEquals("food", b.get("sector"));
        assertEquals("12", b.get("quantity"));
        assertEquals("camp-a/block-3", b.get("area"));
        assertEquals("open", b.get("status"));
        assertTrue(b.get("posted").matches("\\d{4}-\\d{2}-\\d{2}"), b.get("posted"));
        assertEquals("request", byTitle.get("Formula for a newborn").get("purpose"));
    }

    @Test
    void noPersonAndNoCoordinatesLeaveInAnyFormat() {
        ProposalEntity stored = weft.server().db().inTransaction(s -> s.find(ProposalEntity.class, bread.getId()));
        assertTrue(stored.getLatitude() != null, "the proposal does have coordinates, snapped");
        for (String path : List.of("/board/camp/proposals.csv", "/board/camp/proposals.hxl.csv", "/board/camp/proposals.json",
                "/board/camp/feed.atom")) {
            String body = get(path).body();
            assertTrue(body.contains("Formula for a newborn"), path + " lists the anonymous request");
            assertFalse(body.contains("Omar") || body.contains("omar"), path + " names no member: " + body);
            assertFalse(body.contains(String.valueOf(stored.getLatitude())), path + " has no latitude");
            assertFalse(body.contains(String.valueOf(stored.getLongitude())), path + " has no longitude");
            assertFalse(body.contains("Soup for the block only"), path + " has no community-only proposal");
        }
    }

    @Test
    void cellsASpreadsheetWouldRunAreNeutralisedAndReadBackAsText() throws IOException {
        Map<String, CSVRecord> byTitle = byTitle(parse(get("/board/camp/proposals.csv").body(), 0));
        assertTrue(byTitle.containsKey("'" + FORMULA), byTitle.keySet().toString());
        assertTrue(byTitle.containsKey("'+SUM(1,2)"), byTitle.keySet().toString());
        assertTrue(byTitle.containsKey("'-2+3"), byTitle.keySet().toString());
        assertTrue(byTitle.containsKey("'@cmd"), byTitle.keySet().toString());
        assertTrue(byTitle.containsKey(MARKUP), "commas, quotes and markup survive RFC 4180 quoting as they are");
        for (String title : byTitle.keySet()) {
            assertFalse("=+-@".indexOf(title.charAt(0)) >= 0, "no cell starts a formula: " + title);
        }
    }

    @Test
    void theHxlFileHasTheHashtagRowUnderTheHeader() throws IOException {
        HttpResponse<String> res = get("/board/camp/proposals.hxl.csv");
        assertEquals(200, res.statusCode());
        List<CSVRecord> all = CSVFormat.RFC4180.parse(new StringReader(res.body())).getRecords();
        assertEquals("reference", all.get(0).get(0));
        List<String> tags = List.of(all.get(1).values());
        assertEquals(List.of("#meta+id", "#meta+url", "#indicator+type+code", "#indicator+type+name", "#modality+code",
                "#sector+code", "#sector+name", "#item+code", "#item+name", "#description+title", "#meta+lang",
                "#indicator+num", "#indicator+unit", "#loc+code", "#loc+name", "#status+code", "#date+reported", "#date+end"),
                tags);
        for (String tag : tags) {
            assertTrue(tag.matches("#[a-z][a-z0-9_]*(\\+[a-z][a-z0-9_]*)*"), "a valid HXL hashtag: " + tag);
        }
        assertEquals(2 + 7, all.size(), "header, hashtags, then the same seven proposals");
    }

    @Test
    void theJsonEscapesMarkupAndReadsBackExactly() {
        HttpResponse<String> res = get("/board/camp/proposals.json");
        assertEquals(200, res.statusCode());
        assertFalse(res.body().contains("<script>"), res.body());
        assertTrue(res.body().contains("\\u003Cscript\\u003E"), res.body());
        JsonNode doc = TestHttp.json(res.body());
        assertEquals("camp", doc.get("community").get("name").asText());
        List<String> titles = new ArrayList<>();
        doc.get("items").forEach(i -> titles.add(i.get("title").asText()));
        assertEquals(7, titles.size(), titles.toString());
        assertTrue(titles.contains(MARKUP), titles.toString());
        JsonNode first = null;
        for (JsonNode item : doc.get("items")) {
            if (item.get("title").asText().equals("Formula for a newborn")) {
                first = item;
            }
        }
        assertEquals("baby-food", first.get("categories").get(0).get("id").asText());
        assertEquals("camp-a", first.get("area").asText());
        assertTrue(first.get("quantity").isNull());
        assertNull(first.get("author"), "no author field at all");
    }

    @Test
    void labelsComeInTheAskedLanguageAndCodesStayTheSame() throws IOException {
        Map<String, CSVRecord> byTitle = byTitle(parse(get("/board/camp/proposals.csv?lang=ar").body(), 0));
        CSVRecord request = byTitle.get("Formula for a newborn");
        assertEquals("request", request.get("purpose"));
        assertEquals(Messages.forLanguage("ar").get("purpose.request"), request.get("purpose_label"));
    }

    @Test
    void filtersNarrowTheListAndAValueThatNamesNothingIsRefused() throws IOException {
        assertEquals(List.of("Formula for a newborn"),
                new ArrayList<>(byTitle(parse(get("/board/camp/proposals.csv?purpose=request").body(), 0)).keySet()));
        assertEquals(3, parse(get("/board/camp/proposals.csv?category=food").body(), 0).size(), "food takes bread, baby food");
        assertEquals(2, parse(get("/board/camp/proposals.csv?area=camp-a").body(), 0).size(), "camp-a takes block 3");
        HttpResponse<String> unknown = get("/board/camp/proposals.csv?category=cats");
        assertEquals(400, unknown.statusCode());
        assertEquals("category_unknown", TestHttp.json(unknown.body()).get("error").asText());
        assertEquals(400, get("/board/camp/proposals.json?area=nowhere").statusCode());
        assertEquals(400, get("/board/camp/proposals.json?purpose=gift").statusCode());
        assertEquals(400, get("/board/camp/feed.atom?lang=de").statusCode());
        HttpResponse<String> missing = get("/board/nobody/proposals.csv");
        assertEquals(404, missing.statusCode());
        assertEquals("not_found", TestHttp.json(missing.body()).get("error").asText());
    }

    @Test
    void eachFileAnswers304ToItsOwnTagUntilAProposalChanges() {
        for (String path : List.of("/board/camp/proposals.csv", "/board/camp/proposals.hxl.csv",
                "/board/camp/proposals.json")) {
            HttpResponse<String> first = get(path);
            assertEquals(200, first.statusCode(), path);
            String etag = first.headers().firstValue("ETag").orElseThrow();
            assertTrue(first.headers().firstValue("Last-Modified").isPresent(), path);
            HttpResponse<String> again = conditional(path, etag);
            assertEquals(304, again.statusCode(), path);
            assertEquals("", again.body());
            assertEquals("*", again.headers().firstValue("Access-Control-Allow-Origin").orElse(null), "as a 200 has it");
            assertEquals(200, conditional(path + "?lang=ar", etag).statusCode(), "another language, another tag");
            assertEquals(200, conditional(path + "?purpose=offer", etag).statusCode(), "another filter, another tag");
        }
        String csv = "/board/camp/proposals.csv";
        String before = get(csv).headers().firstValue("ETag").orElseThrow();
        assertFalse(before.equals(get("/board/camp/proposals.json").headers().firstValue("ETag").orElseThrow()));
        ProposalEntity added = create("camp", Purpose.REQUEST, "Nappies, asked just now", "baby-food", Audience.PUBLIC);
        HttpResponse<String> afterNew = conditional(csv, before);
        assertEquals(200, afterNew.statusCode(), "a new proposal changes the file");
        assertTrue(afterNew.body().contains("Nappies, asked just now"));
        String newTag = afterNew.headers().firstValue("ETag").orElseThrow();
        assertFalse(newTag.equals(before));
        assertEquals(304, conditional(csv, newTag).statusCode());
        weft.server().proposals().service().changeStatus("omar", added.getId(), ProposalStatus.WITHDRAWN);
        HttpResponse<String> afterWithdrawal = conditional(csv, newTag);
        assertEquals(200, afterWithdrawal.statusCode(), "a withdrawal changes the file");
        assertFalse(afterWithdrawal.body().contains("Nappies, asked just now"));
        assertFalse(afterWithdrawal.headers().firstValue("ETag").orElseThrow().equals(newTag));
    }

    @Test
    void bomOneStartsTheCsvFilesWithAByteOrderMarkForExcelAndNothingElseChanges() throws Exception {
        for (String file : List.of("proposals.csv", "proposals.hxl.csv")) {
            byte[] marked = bytes("/board/camp/" + file + "?lang=ar&bom=1");
            assertEquals(List.of(0xEF, 0xBB, 0xBF), List.of(marked[0] & 0xFF, marked[1] & 0xFF, marked[2] & 0xFF), file);
            String rest = new String(marked, 3, marked.length - 3, StandardCharsets.UTF_8);
            byte[] plain = bytes("/board/camp/" + file + "?lang=ar");
            assertEquals('"', plain[0], "without the parameter, no mark: " + file);
            assertEquals(new String(plain, StandardCharsets.UTF_8), rest, "the rest is the same file");
            List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(rest)).getRecords();
            assertEquals("reference", records.getFirst().get(0), "the first column's name is read cleanly");
            assertTrue(rest.contains(Messages.forLanguage("ar").get("purpose.request")), "Arabic labels in UTF-8");
            assertEquals('"', bytes("/board/camp/" + file + "?bom=0")[0], "bom=0 is no mark");
        }
        HttpResponse<String> wrong = get("/board/camp/proposals.csv?bom=yes");
        assertEquals(400, wrong.statusCode());
        assertEquals("field_choice", TestHttp.json(wrong.body()).get("error").asText());
    }

    private static byte[] bytes(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(weft.base() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
    }

    private static HttpResponse<String> conditional(String path, String etag) {
        return TestHttp.send(HttpRequest.newBuilder(URI.create(weft.base() + path)).header("If-None-Match", etag).GET()
                .build());
    }

    private static List<CSVRecord> parse(String csv, int skip) throws IOException {
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
        return records.subList(skip, records.size());
    }

    private static Map<String, CSVRecord> byTitle(List<CSVRecord> rows) {
        Map<String, CSVRecord> byTitle = new HashMap<>();
        rows.forEach(r -> byTitle.put(r.get("title"), r));
        return byTitle;
    }

    static HttpResponse<String> get(String path) {
        return TestHttp.send(HttpRequest.newBuilder(URI.create(weft.base() + path)).GET().build());
    }

    private static ProposalDraft.Builder draft(String community, Purpose purpose, String title, String concept,
                                               Audience audience) {
        return ProposalDraft.builder().community(community).purpose(purpose).language("en").title(title)
                .description("Details of " + title).categories(concept).audience(audience);
    }

    private static ProposalEntity create(String community, Purpose purpose, String title, String concept,
                                         Audience audience) {
        return weft.server().proposals().service().create("omar", draft(community, purpose, title, concept, audience).build());
    }
}
