package org.weft.server.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weft.server.domain.account.ApiTokens;
import org.weft.server.domain.proposal.ProposalDraft;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;

/**
 * Every kind of answer a running instance gives carries {@code Referrer-Policy: same-origin},
 * {@code X-Content-Type-Options: nosniff} and a {@code Date} in IMF-fixdate (two-digit day): pages, redirects, form
 * refusals, the API and its errors, ActivityPub documents, WebFinger, NodeInfo, static files, the inbox's refusals,
 * 404s and what Helidon answers to a malformed request. Issue 9 found WebFinger without nosniff, no Referrer-Policy
 * anywhere, and one-digit days.
 */
class SecurityHeadersTest {
    /** RFC 9110's IMF-fixdate, nothing looser: a one-digit day fails. */
    static final Pattern IMF_FIXDATE = Pattern.compile(
            "(Mon|Tue|Wed|Thu|Fri|Sat|Sun), [0-3][0-9] (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [0-9]{4} "
                    + "[0-2][0-9]:[0-5][0-9]:[0-6][0-9] GMT");
    private static final String HTML = "text/html";
    private static final String AP = "application/activity+json";
    private static TestServers.Instance weft;
    private static String proposalPath;
    private static String token;

    @BeforeAll
    static void start() {
        weft = TestServers.start();
        weft.server().localActors().createGroup("camp", "Camp", "Help between neighbours");
        weft.server().localActors().createMember("amina", "Amina", "amina-password", false);
        ProposalEntity p = weft.server().proposals().service().create("amina", ProposalDraft.builder().community("camp")
                .purpose(Purpose.OFFER).title("Soup").description("Lentil soup").language("en").categories("other")
                .build());
        proposalPath = URI.create(p.getUri()).getPath();
        token = new ApiTokens(weft.server().db(), java.time.Clock.systemUTC()).create("amina", "test");
    }

    @AfterAll
    static void stop() {
        weft.close();
    }

    @Test
    void everyRouteKindCarriesTheHeaders() {
        Map<String, HttpResponse<String>> answers = new LinkedHashMap<>();
        String base = weft.base();
        answers.put("home page", TestHttp.get(base + "/", HTML));
        answers.put("login page", TestHttp.get(base + "/login", HTML));
        answers.put("board page", TestHttp.get(base + "/board/camp", HTML));
        answers.put("proposal page", TestHttp.get(base + proposalPath, HTML));
        answers.put("proposal as ActivityStreams", TestHttp.get(base + proposalPath, AP));
        answers.put("member profile page", TestHttp.get(base + "/users/amina", HTML));
        answers.put("member actor", TestHttp.get(base + "/users/amina", AP));
        answers.put("group actor", TestHttp.get(base + "/groups/camp", AP));
        answers.put("instance actor", TestHttp.get(base + "/actor", AP));
        answers.put("outbox", TestHttp.get(base + "/groups/camp/outbox", AP));
        answers.put("followers", TestHttp.get(base + "/groups/camp/followers", AP));
        answers.put("webfinger", TestHttp.get(base + "/.well-known/webfinger?resource=acct:camp@" + weft.domain(),
                "application/jrd+json"));
        answers.put("webfinger refusal", TestHttp.get(base + "/.well-known/webfinger?resource=nonsense", "*/*"));
        answers.put("nodeinfo index", TestHttp.get(base + "/.well-known/nodeinfo", "application/json"));
        answers.put("nodeinfo", TestHttp.get(base + "/nodeinfo/2.1", "application/json"));
        answers.put("taxonomy", TestHttp.get(base + "/taxonomy/v1", "application/ld+json"));
        answers.put("static file", TestHttp.get(base + "/static/weft.css", "text/css"));
        answers.put("health", TestHttp.get(base + "/health", "application/json"));
        answers.put("API list", TestHttp.get(base + "/api/v1/proposals", "application/json"));
        answers.put("API with token", TestHttp.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/me"))
                .header("Authorization", "Bearer " + token).build()));
        answers.put("API 401", TestHttp.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/me"))
                .header("Authorization", "Bearer wrong").build()));
        answers.put("API 400", TestHttp.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/proposals"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{not json")).build()));
        answers.put("page 404", TestHttp.get(base + "/no/such/page", HTML));
        answers.put("account redirect", TestHttp.get(base + "/account", HTML));
        answers.put("form without token", TestHttp.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=amina&password=x")).build()));
        answers.put("unsigned inbox POST", TestHttp.send(HttpRequest.newBuilder(URI.create(base + "/inbox"))
                .header("Content-Type", AP).POST(HttpRequest.BodyPublishers.ofString("{}")).build()));
        answers.put("method not allowed", TestHttp.send(HttpRequest.newBuilder(URI.create(base + "/health"))
                .DELETE().build()));

        assertEquals(200, answers.get("webfinger").statusCode(), "the walk reached real answers");
        assertEquals(200, answers.get("static file").statusCode());
        assertEquals(303, answers.get("account redirect").statusCode());
        assertEquals(401, answers.get("unsigned inbox POST").statusCode());
        for (Map.Entry<String, HttpResponse<String>> answer : answers.entrySet()) {
            HttpResponse<String> res = answer.getValue();
            String what = answer.getKey() + " (" + res.statusCode() + ")";
            assertEquals("same-origin", res.headers().firstValue("Referrer-Policy").orElse("none"), what);
            assertEquals("nosniff", res.headers().firstValue("X-Content-Type-Options").orElse("none"), what);
            assertEquals(1, res.headers().allValues("Date").size(), what + ": one Date");
            assertImfFixdate(res.headers().firstValue("Date").orElseThrow(), what);
        }
    }

    @Test
    void aMalformedRequestIsAnsweredWithTheHeadersToo() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", weft.server().port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write("GET / HTTP/1.1 junk\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            String head = answer.substring(0, Math.max(0, answer.indexOf("\r\n\r\n")));
            assertTrue(head.startsWith("HTTP/1.1 400"), head);
            assertTrue(head.contains("\r\nReferrer-Policy: same-origin"), head);
            assertTrue(head.contains("\r\nX-Content-Type-Options: nosniff"), head);
            String date = head.lines().filter(l -> l.startsWith("Date: ")).findFirst().orElseThrow().substring(6);
            assertImfFixdate(date, "the 400 Helidon makes");
        }
    }

    private static void assertImfFixdate(String date, String what) {
        assertTrue(IMF_FIXDATE.matcher(date).matches(), what + ": " + date);
        Instant when = ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        assertTrue(Math.abs(when.getEpochSecond() - Instant.now().getEpochSecond()) < 3600, what + ": the time now, " + date);
    }
}
