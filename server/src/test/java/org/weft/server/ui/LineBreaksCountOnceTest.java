package org.weft.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.weft.server.api.ApiClient.expect;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weft.server.api.ApiClient;
import org.weft.server.domain.proposal.ProposalDraft;
import org.weft.server.model.Audience;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.testing.TestServers;
import org.weft.web.i18n.Messages;

/**
 * A browser counts a line break as one character against a text area's {@code maxlength} but sends it as CR LF. What
 * it lets a member type the server takes, counted the same way, and stores with LF breaks; one character more is still
 * refused. The QA cases: 20 lines of 99 characters in a 2,000-character message, 50 in a 5,000-character response.
 */
class LineBreaksCountOnceTest {
    private static final Pattern WRITE = Pattern.compile("action=\"/conversations/(\\d+)/messages\"");
    private static TestServers.Instance weft;
    private static PageClient layla;
    private static PageClient omar;
    private static ApiClient laylaApi;
    private static ApiClient omarApi;

    @BeforeAll
    static void start() {
        weft = TestServers.start();
        weft.server().localActors().createGroup("camp", "Camp Board", null);
        laylaApi = ApiClient.newMember(weft, "layla", "Layla");
        omarApi = ApiClient.newMember(weft, "omar", "Omar");
        layla = loggedIn("layla");
        omar = loggedIn("omar").language("ar");
    }

    @AfterAll
    static void stop() {
        weft.close();
    }

    /** {@code count} lines of 99 Arabic letters, each ended by a line break as a browser sends it. */
    private static String lines(int count) {
        return ("ب".repeat(99) + "\r\n").repeat(count);
    }

    @Test
    void aResponseOfFiftyFullLinesIsTakenAndOneCharacterMoreIsNot() {
        ProposalEntity offer = post("A box of books");
        Messages ar = Messages.forLanguage("ar");

        HttpResponse<String> over = omar.submit(path(offer), path(offer) + "/respond", Map.of("text", lines(50) + "ب"));
        assertEquals(400, over.statusCode(), "5,001 as the browser counts is over the limit");
        assertTrue(over.body().contains(ar.get("error.response_too_long", 5_000)), over.body());
        assertFalse(layla.get(path(offer)).body().contains("ببب"), "the author has no response");

        HttpResponse<String> taken = omar.submit(path(offer), path(offer) + "/respond", Map.of("text", lines(50)));
        assertEquals(303, taken.statusCode(), "5,000 as the browser counts: " + taken.body());
        // The author reads it as it was typed: fifty lines, no carriage returns.
        JsonNode received = expect(200, laylaApi.get("/proposals/" + offer.getId() + "/responses")).path("items").get(0);
        String text = received.path("text").asText();
        assertEquals(50, text.split("\n").length, text);
        assertFalse(received.path("content").asText().contains("\r"), "stored with LF breaks: " + received);
    }

    @Test
    void aMessageOfTwentyFullLinesIsTakenAndOneCharacterMoreIsNot() {
        ProposalEntity offer = post("A camping stove");
        long id = respond(offer);
        Messages ar = Messages.forLanguage("ar");

        HttpResponse<String> over = omar.submit("/conversations/" + id, "/conversations/" + id + "/messages",
                Map.of("text", lines(20) + "ب"));
        assertEquals(400, over.statusCode(), "2,001 as the browser counts is over the limit");
        assertTrue(over.body().contains(ar.get("error.message_too_long", 2_000)), over.body());
        assertEquals(0, expect(200, laylaApi.get("/responses/" + id + "/messages")).path("items").size(),
                "Layla has no message");

        HttpResponse<String> taken = omar.submit("/conversations/" + id, "/conversations/" + id + "/messages",
                Map.of("text", lines(20)));
        assertEquals(303, taken.statusCode(), "2,000 as the browser counts: " + taken.body());
        String text = expect(200, laylaApi.get("/responses/" + id + "/messages")).path("items").get(0).path("text").asText();
        assertEquals(20, text.split("\n").length, text);
        assertFalse(text.contains("\r"), "stored with LF breaks");
    }

    /** A program may send CR LF too: the API counts and stores its text as the pages do. */
    @Test
    void theApiCountsALineBreakAsOneCharacterToo() throws Exception {
        ProposalEntity offer = post("A pram");
        long id = respond(offer);
        ObjectMapper json = new ObjectMapper();
        String over = json.writeValueAsString(Map.of("text", lines(20) + "x"));
        assertEquals("message_too_long", expect(400, omarApi.post("/responses/" + id + "/messages", over))
                .path("error").asText());
        expect(201, omarApi.post("/responses/" + id + "/messages", json.writeValueAsString(Map.of("text", lines(20)))));
        String text = expect(200, laylaApi.get("/responses/" + id + "/messages")).path("items").get(0).path("text").asText();
        assertFalse(text.contains("\r"), text);
        assertEquals(20, text.split("\n").length, text);
    }

    private static PageClient loggedIn(String username) {
        PageClient client = new PageClient(weft.base());
        client.login(username, "a long enough password");
        return client;
    }

    private static ProposalEntity post(String title) {
        return weft.server().proposals().service().create("layla", ProposalDraft.builder().community("camp")
                .purpose(Purpose.OFFER).audience(Audience.PUBLIC).language("en").title(title).categories("bedding").build());
    }

    private static long respond(ProposalEntity p) {
        assertEquals(303, omar.submit(path(p), path(p) + "/respond", Map.of("text", "May I have it?")).statusCode());
        Matcher form = WRITE.matcher(omar.get(path(p)).body());
        assertTrue(form.find(), "the responder has a conversation on the page");
        return Long.parseLong(form.group(1));
    }

    private static String path(ProposalEntity p) {
        return URI.create(p.getUri()).getPath();
    }
}
