package org.weft.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.weft.server.api.ApiClient.expect;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weft.server.domain.account.ApiTokens;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;

/**
 * What a careless or hostile client may send: markup in text, absurd numbers, unknown categories, dates far
 * away, broken or mistyped JSON, huge bodies, the wrong content type. Each gets a clear 4xx that says what
 * to fix (naming the field where one is to blame), and nothing is stored.
 */
class ApiHostileInputTest {
    private static final String SCRIPT_TITLE = "<script>alert('title')</script>Bread & butter";
    private static final String HOSTILE_DESCRIPTION = "<img src=x onerror=alert(1)> \"quoted\" </textarea><b>bold</b>";
    private static TestServers.Instance weft;
    private static ApiClient amina;

    @BeforeAll
    static void start() {
        weft = TestServers.start();
        weft.server().localActors().createGroup("block3", "Block 3", null);
        amina = ApiClient.newMember(weft, "amina", "Amina");
    }

    @AfterAll
    static void stop() {
        weft.close();
    }

    @Test
    void markupIsStoredAsTextEscapedInJsonAndInertOnThePage() {
        String body = TestHttp.JSON.createObjectNode().put("community", "block3").put("purpose", "offer")
                .put("title", SCRIPT_TITLE).put("description", HOSTILE_DESCRIPTION)
                .set("categories", TestHttp.JSON.createArrayNode().add("bread")).toString();
        HttpResponse<String> created = amina.post("/proposals", body);
        JsonNode offer = expect(201, created);
        assertEquals(SCRIPT_TITLE, offer.path("title").asText(), "stored and returned exactly as written, as text");
        assertEquals(HOSTILE_DESCRIPTION, offer.path("description").asText());
        assertFalse(created.body().contains("<"), "no raw angle bracket in the JSON: " + created.body());
        assertFalse(created.body().contains(">") || created.body().contains("&"), created.body());
        assertTrue(created.body().contains("\\u003Cscript\\u003E"), created.body());
        assertEquals("nosniff", created.headers().firstValue("X-Content-Type-Options").orElse(""));

        HttpResponse<String> page = TestHttp.get(offer.path("uri").asText(), "text/html");
        assertEquals(200, page.statusCode());
        assertFalse(page.body().contains("<script"), page.body());
        assertFalse(page.body().contains("<img"), page.body());
        assertFalse(page.body().contains("<b>bold"), page.body());
        assertTrue(page.body().contains("&lt;script&gt;"), "shown as text: " + page.body());
        assertTrue(page.body().contains("&lt;img src=x onerror=alert(1)&gt;"), page.body());
    }

    /** A NUL or another control character in a text field is dropped, as the pages' forms drop it (ui.Forms). */
    @Test
    void controlCharactersInTextAreDropped() {
        String body = TestHttp.JSON.createObjectNode().put("community", "block3").put("purpose", "offer")
                .put("title", "abc\u0000def").put("description", "one\u0007\ntwo\u009b")
                .set("categories", TestHttp.JSON.createArrayNode().add("bread")).toString();
        JsonNode offer = expect(201, amina.post("/proposals", body));
        assertEquals("abcdef", offer.path("title").asText());
        assertEquals("one\ntwo", offer.path("description").asText(), "the line break stays");
        String note = TestHttp.get(offer.path("uri").asText(), "application/activity+json").body();
        assertFalse(note.contains("\\u0000") || note.contains("\\u0007"), "nor in what other servers get: " + note);
    }

    @Test
    void absurdValuesAreRefusedAndNothingIsStored() {
        long before = proposalCount();
        assertRefused(offerWith("\"quantity\": 1e12, \"unit\": \"one\""), "quantity", "quantity_out_of_range");
        assertRefused(offerWith("\"quantity\": -5, \"unit\": \"one\""), "quantity", "quantity_out_of_range");
        assertRefused(offerWith("\"quantity\": 0, \"unit\": \"one\""), "quantity", "quantity_out_of_range");
        assertRefused(offerWith("\"quantity\": 1e-999999, \"unit\": \"one\""), "quantity", "quantity_too_precise");
        assertRefused(offerWith("\"quantity\": 1e999999999, \"unit\": \"one\""), "quantity", "quantity_out_of_range");
        assertRefused(offerWith("\"quantity\": 3, \"unit\": \"lorry-loads\""), "unit", "unit_unknown");
        assertRefused(offerWith("\"categories\": [\"not-a-concept\"]"), "categories", "category_unknown");
        assertRefused(offerWith("\"categories\": [\"https://evil.example/taxonomy#bread\"]"), "categories", "category_unknown");
        assertRefused(offerWith("\"categories\": [\"bread\", \"water\", \"tents\", \"shoes\"]"), "categories", "categories_too_many");
        assertRefused(offerWith("\"categories\": []"), "categories", "categories_required");
        assertRefused(offerWith("\"endsAt\": \"9999-12-31T23:59:59Z\""), "endsAt", "ends_too_far");
        assertRefused(offerWith("\"endsAt\": \"+999999999-12-31T23:59:59Z\""), "endsAt", "ends_too_far");
        assertRefused(offerWith("\"endsAt\": \"2001-01-01T00:00:00Z\""), "endsAt", "ends_not_in_future");
        assertRefused(offerWith("\"endsAt\": \"next tuesday\""), "endsAt", "field_date_time");
        assertRefused(offerWith("\"coordinates\": {\"latitude\": 91, \"longitude\": 10}"), "coordinates", "coordinates_out_of_range");
        assertRefused(offerWith("\"coordinates\": {\"latitude\": 1e999999999, \"longitude\": 10}"), "coordinates", "coordinates_out_of_range");
        assertRefused(offerWith("\"area\": \"atlantis\""), "area", "area_unknown");
        assertRefused(offerWith("\"language\": \"<script>\""), "language", "language_invalid");
        assertRefused(offerWith("\"title\": \"" + "x".repeat(121) + "\""), "title", "title_too_long");
        assertRefused(offerWith("\"title\": \"   \""), "title", "title_required");
        assertRefused(offerWith("\"description\": \"" + "y".repeat(5_001) + "\""), "description", "description_too_long");
        assertRefused(amina.post("/proposals", "{\"community\": \"nowhere\", \"purpose\": \"offer\", \"title\": \"t\","
                + " \"categories\": [\"bread\"]}"), "community", "community_unknown");
        assertRefused(amina.post("/proposals", "{\"community\": \"block3\", \"title\": \"t\", \"categories\": [\"bread\"]}"),
                "purpose", "purpose_required");
        assertEquals(before, proposalCount(), "nothing was stored");
    }

    @Test
    void brokenOrMistypedJsonIsA400NamingTheField() {
        long before = proposalCount();
        assertRefused(amina.post("/proposals", "{\"title\": "), null, "json_invalid");
        assertRefused(amina.post("/proposals", "[1, 2]"), null, "json_not_object");
        assertRefused(amina.post("/proposals", "{} {}"), null, "json_invalid");
        assertRefused(amina.post("/proposals", "{\"title\": \"a\", \"title\": \"b\"}"), null, "json_invalid");
        assertRefused(amina.post("/proposals", ""), null, "json_not_object");
        assertRefused(offerWith("\"colour\": \"red\""), "colour", "field_unknown");
        assertRefused(offerWith("\"title\": 42"), "title", "field_type");
        assertRefused(offerWith("\"categories\": \"bread\""), "categories", "field_type");
        assertRefused(offerWith("\"categories\": [7]"), "categories", "field_type");
        assertRefused(offerWith("\"quantity\": \"lots\", \"unit\": \"one\""), "quantity", "field_type");
        assertRefused(offerWith("\"kind\": \"bribe\""), "kind", "field_choice");
        assertRefused(offerWith("\"audience\": \"everyone\""), "audience", "field_choice");
        assertRefused(offerWith("\"coordinates\": \"here\""), "coordinates", "field_type");
        assertRefused(offerWith("\"coordinates\": {\"latitude\": 1, \"longitude\": 2, \"altitude\": 3}"),
                "coordinates.altitude", "field_unknown");
        assertRefused(offerWith("\"coordinates\": {\"latitude\": 1}"), "coordinates", "coordinates_incomplete");
        assertRefused(offerWith("\"translations\": {\"fr\": \"Du pain\"}"), "translations.fr", "field_type");
        assertRefused(offerWith("\"translations\": {\"fr\": {\"title\": \"Pain\", \"body\": \"x\"}}"),
                "translations.fr.body", "field_unknown");
        assertEquals(before, proposalCount(), "nothing was stored");

        long id = expect(201, offerWith("\"title\": \"Kept\"")).path("id").asLong();
        assertRefused(amina.patch("/proposals/" + id, "{\"purpose\": \"request\"}"), "purpose", "field_unknown");
        assertRefused(amina.patch("/proposals/" + id, "{\"community\": \"other\"}"), "community", "field_unknown");
        assertRefused(amina.patch("/proposals/" + id, "{\"unit\": \"hour\"}"), "unit", "unit_needs_quantity");
        assertRefused(amina.patch("/proposals/" + id, "{\"audience\": \"anonymous\"}"), "audience", "audience_fixed");
        assertRefused(amina.patch("/proposals/" + id, "{\"title\": \"New\", \"categories\": [\"nope\"]}"), "categories",
                "category_unknown");
        assertRefused(amina.post("/proposals/" + id + "/status", "{}"), "status", "field_required");
        assertRefused(amina.post("/proposals/" + id + "/status", "{\"status\": \"gone\"}"), "status", "field_choice");
        assertRefused(amina.post("/proposals/" + id + "/status", "{\"status\": \"expired\"}"), "status",
                "status_change_not_allowed");
        assertRefused(amina.post("/proposals/" + id + "/renew", "{\"endsAt\": 5}"), "endsAt", "field_type");
        assertEquals("Kept", expect(200, amina.get("/proposals/" + id)).path("title").asText(), "a refused edit changes nothing");
        assertEquals("open", expect(200, amina.get("/proposals/" + id)).path("status").asText());
    }

    @Test
    void bodiesMustBeSmallJson() {
        long before = proposalCount();
        String big = "{\"community\": \"block3\", \"purpose\": \"offer\", \"categories\": [\"bread\"], \"title\": \"big\","
                + " \"description\": \"" + "z".repeat(70 * 1024) + "\"}";
        HttpResponse<String> sized = amina.post("/proposals", big);
        assertEquals(413, sized.statusCode(), sized.body());
        assertEquals("body_too_large", TestHttp.json(sized.body()).path("error").asText(), sized.body());
        assertTrue(TestHttp.json(sized.body()).path("message").asText().contains("65,536 bytes"), sized.body());

        // Without a Content-Length (chunked), the cap holds while reading.
        HttpResponse<String> chunked = TestHttp.send(HttpRequest.newBuilder(URI.create(weft.base() + "/api/v1/proposals"))
                .header("Authorization", "Bearer " + tokenOf())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8)))).build());
        assertEquals(413, chunked.statusCode(), chunked.body());

        String small = "{\"community\": \"block3\", \"purpose\": \"offer\", \"categories\": [\"bread\"], \"title\": \"t\"}";
        HttpResponse<String> text = amina.send("POST", "/proposals", "text/plain", small.getBytes(StandardCharsets.UTF_8));
        assertEquals(415, text.statusCode(), text.body());
        HttpResponse<String> form = amina.send("POST", "/proposals", "application/x-www-form-urlencoded",
                "title=t".getBytes(StandardCharsets.UTF_8));
        assertEquals(415, form.statusCode(), form.body());
        HttpResponse<String> untyped = amina.send("POST", "/proposals", null, small.getBytes(StandardCharsets.UTF_8));
        assertEquals(415, untyped.statusCode(), untyped.body());
        assertEquals(before, proposalCount(), "nothing was stored");
        assertEquals(201, amina.send("POST", "/proposals", "application/json; charset=UTF-8",
                small.getBytes(StandardCharsets.UTF_8)).statusCode(), "a charset parameter is fine");
    }

    @Test
    void searchParametersAreChecked() {
        ApiClient anyone = ApiClient.anonymous(weft);
        assertRefused(anyone.get("/proposals?q=" + "w".repeat(201)), "q", "parameter_too_long");
        assertRefused(anyone.get("/proposals?size=1000"), "size", "parameter_range");
        assertRefused(anyone.get("/proposals?page=0"), "page", "parameter_range");
        assertRefused(anyone.get("/proposals?page=abc"), "page", "parameter_range");
        assertRefused(anyone.get("/proposals?category=nope"), "category", "category_unknown");
        assertRefused(anyone.get("/proposals?status=bogus"), "status", "field_choice");
        assertRefused(anyone.get("/proposals?purpose=swap"), "purpose", "field_choice");
        assertRefused(anyone.get("/proposals?categroy=bread"), "categroy", "parameter_unknown");
        assertRefused(anyone.get("/proposals?lang=tlh"), "lang", "lang_unknown");
        assertRefused(anyone.get("/proposals?purpose=offer&purpose=request"), "purpose", "parameter_repeated");
        assertEquals(0, expect(200, anyone.get("/proposals?q=%25%25_%27%22%3Cscript%3E")).path("total").asInt(),
                "wildcards and quotes in search text are just text");
    }

    private static HttpResponse<String> offerWith(String fields) {
        String base = "\"community\": \"block3\", \"purpose\": \"offer\", \"title\": \"Something\", \"categories\": [\"bread\"]";
        // Later keys may not repeat earlier ones (duplicates are refused), so drop the defaults being overridden.
        for (String key : new String[] {"title", "categories"}) {
            if (fields.contains("\"" + key + "\":")) {
                base = base.replaceAll(", \"" + key + "\": (\"[^\"]*\"|\\[[^]]*])", "");
            }
        }
        return amina.post("/proposals", "{" + base + ", " + fields + "}");
    }

    /** A 400 with the stable code, the field when one is to blame, and a sentence for people (not the code). */
    private static void assertRefused(HttpResponse<String> response, String field, String code) {
        JsonNode error = expect(400, response);
        assertEquals(code, error.path("error").asText(), error.toString());
        String message = error.path("message").asText();
        assertFalse(message.isBlank() || message.startsWith("error.") || message.equals(code), error.toString());
        if (field != null) {
            assertEquals(field, error.path("field").asText(), error.toString());
        }
    }

    private static long proposalCount() {
        return weft.server().db().inTransaction(s -> s.createSelectionQuery("select count(*) from ProposalEntity", Long.class)
                .getSingleResult());
    }

    private static String tokenOf() {
        return new ApiTokens(weft.server().db(), java.time.Clock.systemUTC()).create("amina", "chunked");
    }
}
