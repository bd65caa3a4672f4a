package org.weft.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.weft.server.api.ApiClient.expect;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;

/**
 * A member drives proposals through their whole life over the API: an offer from creation to fulfilled, a
 * request renewed and withdrawn, a deleted proposal gone from the API (404) and from its URL (410).
 */
class ApiProposalLifecycleTest {
    private static TestServers.Instance weft;
    private static ApiClient amina;

    @BeforeAll
    static void start() {
        weft = TestServers.start();
        weft.server().localActors().createGroup("block3", "Block 3", null);
        weft.server().proposals().areas().create("camp-a", "Camp A", null, null);
        weft.server().proposals().areas().create("camp-a/block-3", "Block 3", null, null);
        amina = ApiClient.newMember(weft, "amina", "Amina");
    }

    @AfterAll
    static void stop() {
        weft.close();
    }

    @Test
    void anOfferIsCreatedReadEditedPromisedAndFulfilled() {
        Instant before = Instant.now();
        HttpResponse<String> created = amina.post("/proposals", """
                {"community": "block3", "purpose": "offer", "title": "Fresh bread every morning",
                 "description": "Ten bundles, free.", "language": "en", "categories": ["bread"], "kind": "gift",
                 "quantity": 10, "unit": "one", "area": "camp-a/block-3",
                 "coordinates": {"latitude": 32.291234, "longitude": 36.323456},
                 "translations": {"fr": {"title": "Du pain frais", "description": "Dix paquets."}}}""");
        JsonNode offer = expect(201, created);
        long id = offer.path("id").asLong();
        assertEquals(weft.base() + "/api/v1/proposals/" + id, created.headers().firstValue("Location").orElse(""));
        assertEquals("application/json; charset=utf-8", created.headers().firstValue("Content-Type").orElse(""));
        assertTrue(offer.path("uri").asText().startsWith(weft.base() + "/proposals/"), offer.toString());
        assertEquals("offer", offer.path("purpose").asText());
        assertEquals("open", offer.path("status").asText());
        assertEquals("Fresh bread every morning", offer.path("title").asText());
        assertEquals("Dix paquets.", offer.path("translations").path("fr").path("description").asText());
        assertEquals("bread", offer.path("categories").get(0).path("id").asText());
        assertEquals("https://w3id.org/weft/taxonomy/v1#bread", offer.path("categories").get(0).path("uri").asText());
        assertEquals("Bread", offer.path("categories").get(0).path("label").asText());
        assertEquals("gift", offer.path("kind").asText());
        assertEquals("10", offer.path("quantity").asText());
        assertEquals("one", offer.path("unit").asText());
        assertEquals("camp-a/block-3", offer.path("area").path("code").asText());
        assertEquals("Camp A, Block 3", offer.path("area").path("name").asText());
        assertEquals(32.29, offer.path("coordinates").path("latitude").asDouble(), 1e-9, "snapped, not the exact point");
        assertTrue(Math.abs(offer.path("coordinates").path("longitude").asDouble() - 36.323456) > 1e-4);
        assertEquals("public", offer.path("audience").asText(), "offers are public unless the member says otherwise");
        assertEquals("block3", offer.path("community").path("name").asText());
        assertEquals("@block3@" + weft.domain(), offer.path("community").path("handle").asText());
        Instant endsAt = Instant.parse(offer.path("endsAt").asText());
        assertFalse(endsAt.isBefore(before.plus(Duration.ofDays(14)).truncatedTo(ChronoUnit.SECONDS)), "two weeks by default");
        assertTrue(endsAt.isBefore(Instant.now().plus(Duration.ofDays(14)).plusSeconds(1)));
        assertTrue(offer.path("updated").isNull());
        assertTrue(offer.path("mine").asBoolean());
        assertEquals("amina", offer.path("author").asText(), "the author sees their own username");
        assertEquals(0, offer.path("responsesCount").asInt());

        JsonNode read = expect(200, amina.get("/proposals/" + id + "?lang=fr"));
        assertEquals(offer.path("uri"), read.path("uri"));
        assertEquals("Pain", read.path("categories").get(0).path("label").asText(), "labels in the language asked for");
        assertEquals("Bread", expect(200, ApiClient.anonymous(weft).get("/proposals/" + id)).path("categories").get(0)
                .path("label").asText());

        JsonNode edited = expect(200, amina.patch("/proposals/" + id, """
                {"title": "Bread on weekdays", "quantity": 4.5, "unit": "kilogram", "categories": ["bread", "cooked-meals"]}"""));
        assertEquals("Bread on weekdays", edited.path("title").asText());
        assertEquals("Ten bundles, free.", edited.path("description").asText(), "fields not sent stay as they were");
        assertEquals("4.5", edited.path("quantity").asText());
        assertEquals("kilogram", edited.path("unit").asText());
        assertEquals(2, edited.path("categories").size());
        assertFalse(edited.path("updated").isNull());

        assertEquals("promised", expect(200, amina.post("/proposals/" + id + "/status", "{\"status\": \"promised\"}"))
                .path("status").asText());
        assertEquals("fulfilled", expect(200, amina.post("/proposals/" + id + "/status", "{\"status\": \"fulfilled\"}"))
                .path("status").asText());
        JsonNode refused = expect(400, amina.patch("/proposals/" + id, "{\"title\": \"Too late\"}"));
        assertEquals("proposal_not_editable", refused.path("error").asText(), refused.toString());
        assertTrue(refused.path("message").asText().contains("Fulfilled"), "the status in words: " + refused);
        expect(400, amina.post("/proposals/" + id + "/status", "{\"status\": \"open\"}"));
        assertEquals("Bread on weekdays", expect(200, amina.get("/proposals/" + id)).path("title").asText());
        assertEquals("fulfilled", expect(200, amina.get("/proposals/" + id)).path("status").asText());
    }

    @Test
    void aRequestIsRenewedAndWithdrawn() {
        JsonNode request = expect(201, amina.post("/proposals", """
                {"community": "block3", "purpose": "request", "title": "A wheelchair for a week",
                 "categories": ["mobility-aids"], "kind": "loan"}"""));
        long id = request.path("id").asLong();
        assertEquals("community", request.path("audience").asText(), "requests go to the community by default");
        assertEquals("loan", request.path("kind").asText());
        assertEquals("en", request.path("language").asText());

        Instant wanted = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);
        JsonNode renewed = expect(200, amina.post("/proposals/" + id + "/renew", "{\"endsAt\": \"" + wanted + "\"}"));
        assertEquals(wanted, Instant.parse(renewed.path("endsAt").asText()));

        Instant before = Instant.now();
        JsonNode byDefault = expect(200, amina.send("POST", "/proposals/" + id + "/renew", null, null));
        Instant defaultEnd = Instant.parse(byDefault.path("endsAt").asText());
        assertTrue(defaultEnd.isAfter(before.plus(Duration.ofDays(7)).minusSeconds(1))
                && defaultEnd.isBefore(Instant.now().plus(Duration.ofDays(7)).plusSeconds(1)), "a week: " + defaultEnd);

        assertEquals("withdrawn", expect(200, amina.post("/proposals/" + id + "/status", "{\"status\": \"withdrawn\"}"))
                .path("status").asText());
        JsonNode refused = expect(400, amina.post("/proposals/" + id + "/renew", "{}"));
        assertEquals("proposal_not_renewable", refused.path("error").asText(), refused.toString());
    }

    @Test
    void myProposalsListsEveryStatusAndADeletedProposalIsGone() {
        long open = expect(201, amina.post("/proposals", """
                {"community": "block3", "purpose": "offer", "title": "Sewing lessons", "categories": ["sewing"]}"""))
                .path("id").asLong();
        JsonNode doomed = expect(201, amina.post("/proposals", """
                {"community": "block3", "purpose": "offer", "title": "Old pram", "categories": ["prams"]}"""));
        long doomedId = doomed.path("id").asLong();
        expect(200, amina.post("/proposals/" + open + "/status", "{\"status\": \"withdrawn\"}"));

        JsonNode mine = expect(200, amina.get("/me/proposals?size=100"));
        Set<Long> ids = new HashSet<>();
        mine.path("items").forEach(p -> {
            ids.add(p.path("id").asLong());
            assertEquals("amina", p.path("author").asText());
        });
        assertTrue(ids.contains(open) && ids.contains(doomedId), "withdrawn ones too: " + ids);
        assertEquals(ids.size(), mine.path("total").asInt());
        JsonNode withdrawn = expect(200, amina.get("/me/proposals?status=withdrawn&size=100")).path("items");
        Set<Long> withdrawnIds = new HashSet<>();
        withdrawn.forEach(p -> {
            assertEquals("withdrawn", p.path("status").asText());
            withdrawnIds.add(p.path("id").asLong());
        });
        assertTrue(withdrawnIds.contains(open) && !withdrawnIds.contains(doomedId), withdrawnIds.toString());

        HttpResponse<String> deleted = amina.delete("/proposals/" + doomedId);
        assertEquals(204, deleted.statusCode(), deleted.body());
        assertEquals("", deleted.body());
        expect(404, amina.get("/proposals/" + doomedId));
        expect(404, amina.delete("/proposals/" + doomedId));
        expect(404, amina.patch("/proposals/" + doomedId, "{\"title\": \"Back\"}"));
        assertFalse(expect(200, amina.get("/me/proposals?size=100")).toString().contains("Old pram"));

        String uri = doomed.path("uri").asText();
        assertEquals(410, TestHttp.get(uri, "text/html").statusCode(), "the proposal's page is gone");
        assertEquals(410, TestHttp.get(uri, "application/activity+json").statusCode(), "and so is its Note");
    }

    @Test
    void unknownIdsAre404() {
        expect(404, amina.get("/proposals/987654"));
        expect(404, amina.get("/proposals/not-a-number"));
        expect(404, amina.post("/proposals/987654/status", "{\"status\": \"fulfilled\"}"));
        expect(404, ApiClient.anonymous(weft).get("/proposals/-3"));
    }
}
