package org.weft.server.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;

/**
 * {@code GET /taxonomy/v1}: the categories as SKOS JSON-LD, readable from any origin, naming where it is served; written
 * on the first request (not at start) and the same on every later one.
 */
class TaxonomyEndpointTest {
    @Test
    void theTaxonomyIsServedAsSkosToAnyOriginTheSameEachTime() {
        try (TestServers.Instance weft = TestServers.start()) {
            HttpResponse<String> first = TestHttp.get(weft.base() + "/taxonomy/v1", "application/ld+json");
            HttpResponse<String> second = TestHttp.get(weft.base() + "/taxonomy/v1", "application/ld+json");

            assertEquals(200, first.statusCode());
            assertEquals("application/ld+json; charset=utf-8", first.headers().firstValue("Content-Type").orElse(""));
            assertEquals("*", first.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
            JsonNode scheme = TestHttp.json(first.body()).path("@graph").get(0);
            assertEquals("skos:ConceptScheme", scheme.path("@type").asText());
            assertEquals(weft.base() + "/taxonomy/v1", scheme.path("dcterms:source").path("@id").asText());
            assertTrue(TestHttp.json(first.body()).path("@graph").size() > 10, "the scheme and its concepts");
            assertEquals(first.body(), second.body());
        }
    }
}
