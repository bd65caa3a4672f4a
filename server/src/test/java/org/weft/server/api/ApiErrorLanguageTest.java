package org.weft.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weft.server.domain.account.AccountEnd;
import org.weft.server.domain.account.AccountService;
import org.weft.server.domain.account.ApiTokens;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;

/**
 * An API error keeps its stable English code and names its field, and its message is in the caller's language:
 * {@code ?lang=}, else {@code Accept-Language}, else the member's own choice on the pages, else English.
 */
class ApiErrorLanguageTest {
    private static final String TOO_LONG = "{\"community\": \"camp\", \"purpose\": \"offer\", \"categories\": [\"bread\"],"
            + " \"title\": \"" + "x".repeat(121) + "\"}";
    private static TestServers.Instance weft;
    private static String token;

    @BeforeAll
    static void start() {
        weft = TestServers.start();
        weft.server().localActors().createGroup("camp", "Camp", null);
        weft.server().localActors().createMember("olena", "Olena", "a long enough password", false);
        token = new ApiTokens(weft.server().db(), Clock.systemUTC()).create("olena", "test");
    }

    @AfterAll
    static void stop() {
        weft.close();
    }

    @Test
    void theCodeStaysEnglishAndTheMessageSpeaksTheCallersLanguage() {
        JsonNode english = refused("", null);
        assertEquals("A title can be at most 120 characters.",
                english.path("message").asText(), english.toString());

        JsonNode arabic = refused("?lang=ar", null);
        assertEquals("لا يزيد العنوان عن ١٢٠ حرفًا.", arabic.path("message").asText(), "Arabic, with Arabic digits");
        JsonNode persian = refused("", "fa-IR,fa;q=0.9,en;q=0.5");
        assertTrue(persian.path("message").asText().startsWith("عنوان حداکثر"), persian.toString());
        JsonNode chosenOverHeader = refused("?lang=fr", "ar");
        assertTrue(chosenOverHeader.path("message").asText().startsWith("Un titre"), chosenOverHeader.toString());

        long olena = weft.server().db().inTransaction(s -> ActorRepository.localByUsername(s, "olena")).orElseThrow().getId();
        new AccountService(weft.server().db(), weft.server().localActors(), weft.server().proposals().service(),
                AccountEnd.NONE, Clock.systemUTC()).setLanguage(olena, "uk");
        JsonNode hers = refused("", null);
        assertEquals("Назва — не більше 120 символів.", hers.path("message").asText(), "the member's page language");

        for (JsonNode error : new JsonNode[] {english, arabic, persian, chosenOverHeader, hers}) {
            assertEquals("title_too_long", error.path("error").asText(), error.toString());
            assertEquals("title", error.path("field").asText(), error.toString());
        }
    }

    @Test
    void aBadLanguageParameterIsItselfAnErrorInTheNextBestLanguage() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(weft.base() + ApiRoutes.PREFIX + "/proposals?lang=tlh"))
                .header("Accept-Language", "es").GET().build();
        JsonNode error = ApiClient.expect(400, TestHttp.send(request));
        assertEquals("lang_unknown", error.path("error").asText());
        assertTrue(error.path("message").asText().startsWith("‘lang’ debe ser uno de"), error.toString());
    }

    private static JsonNode refused(String query, String acceptLanguage) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(weft.base() + ApiRoutes.PREFIX + "/proposals" + query))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(TOO_LONG, StandardCharsets.UTF_8));
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        return ApiClient.expect(400, TestHttp.send(request.build()));
    }
}
