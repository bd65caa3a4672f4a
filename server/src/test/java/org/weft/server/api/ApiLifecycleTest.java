package org.weft.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.weft.server.api.ApiClient.expect;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.weft.server.model.ProposalStatus;
import org.weft.server.testing.TestClock;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;
import org.weft.server.ui.PageClient;
import org.weft.web.i18n.Messages;

/**
 * Every API action is checked against the proposal's lifecycle (the table in docs/api.md): each forbidden transition
 * answers 400 with its code and a sentence in the caller's language, and changes nothing — the proposal as its author reads it, its responses, and what was sent
 * to other servers are the same before and after. Deleting works in every status, a withdrawn proposal included
 * (it used to answer 500), through the API and the page.
 */
class ApiLifecycleTest {
    private static final String PASSWORD = "a long enough password";
    private static final String MOVE = "status_change_not_allowed";
    private static TestServers.Instance weft;
    private static ApiClient amina;
    /** One proposal in each status, each with one undecided response from Omar; the refusals try to change them. */
    private static final Map<ProposalStatus, Long> PROPOSALS = new EnumMap<>(ProposalStatus.class);
    private static final Map<ProposalStatus, Long> RESPONSES = new EnumMap<>(ProposalStatus.class);
    /** Another one in each status, for the deletions. */
    private static final Map<ProposalStatus, Long> DOOMED = new EnumMap<>(ProposalStatus.class);
    private static long accepted;
    private static long declined;

    @BeforeAll
    static void start() {
        // The server's clock runs with real time, and is moved on to expire the short offers: no waiting, however slow
        // the machine is at making them.
        TestClock clock = new TestClock();
        weft = TestServers.start(Map.of(), clock);
        weft.server().localActors().createGroup("block3", "Block 3", null);
        amina = ApiClient.newMember(weft, "amina", "Amina");
        weft.server().localActors().createMember("omar", "Omar", PASSWORD, false);
        PageClient omar = new PageClient(weft.base());
        omar.login("omar", PASSWORD);
        Instant soon = clock.instant().plus(Duration.ofHours(1));
        for (Map<ProposalStatus, Long> set : List.of(PROPOSALS, DOOMED)) {
            for (ProposalStatus status : ProposalStatus.values()) {
                JsonNode created = expect(201, amina.post("/proposals", "{\"community\": \"block3\", \"purpose\": \"offer\","
                        + " \"title\": \"Sewing lessons, " + status.wire() + "\", \"categories\": [\"sewing\"]"
                        + (status == ProposalStatus.EXPIRED ? ", \"endsAt\": \"" + soon + "\"" : "") + "}"));
                set.put(status, created.path("id").asLong());
                if (set == PROPOSALS) {
                    RESPONSES.put(status, respond(omar, created, "I would like to learn, " + status.wire()));
                }
            }
            for (ProposalStatus status : List.of(ProposalStatus.PROMISED, ProposalStatus.FULFILLED, ProposalStatus.WITHDRAWN)) {
                expect(200, amina.post("/proposals/" + set.get(status) + "/status", status(status.wire())));
            }
        }
        clock.advance(Duration.ofHours(2));
        weft.server().proposals().service().expireDue();
        for (Map<ProposalStatus, Long> set : List.of(PROPOSALS, DOOMED)) {
            for (ProposalStatus status : ProposalStatus.values()) {
                assertEquals(status.wire(), expect(200, amina.get("/proposals/" + set.get(status))).path("status").asText());
            }
        }
        // Two responses already decided, on a proposal of their own.
        JsonNode decided = expect(201, amina.post("/proposals", """
                {"community": "block3", "purpose": "offer", "title": "Bread", "categories": ["bread"]}"""));
        declined = respond(omar, decided, "Some bread for me?");
        weft.server().localActors().createMember("nadia", "Nadia", PASSWORD, false);
        PageClient nadia = new PageClient(weft.base());
        nadia.login("nadia", PASSWORD);
        accepted = respond(nadia, decided, "And for my neighbour?"); // one answer each: a second one is refused
        expect(200, amina.post("/responses/" + declined + "/decline", null));
        expect(200, amina.post("/responses/" + accepted + "/accept", "{\"handOff\": \"At the bakery, 9am\"}"));
    }

    @AfterAll
    static void stop() {
        weft.close();
    }

    /** What the lifecycle forbids: the proposal's status, the call that must be refused, and the refusal's code. */
    static Stream<Arguments> forbidden() {
        return Stream.of(
                forbid(ProposalStatus.FULFILLED, "PATCH", "", "{\"title\": \"Too late\"}", "proposal_not_editable"),
                forbid(ProposalStatus.WITHDRAWN, "PATCH", "", "{\"title\": \"Too late\"}", "proposal_not_editable"),
                forbid(ProposalStatus.EXPIRED, "PATCH", "", "{\"title\": \"Too late\"}", "proposal_not_editable"),
                forbid(ProposalStatus.FULFILLED, "POST", "/renew", "{}", "proposal_not_renewable"),
                forbid(ProposalStatus.WITHDRAWN, "POST", "/renew", "{}", "proposal_not_renewable"),
                forbid(ProposalStatus.FULFILLED, "POST", "/status", status("open"), MOVE),
                forbid(ProposalStatus.WITHDRAWN, "POST", "/status", status("open"), MOVE),
                forbid(ProposalStatus.EXPIRED, "POST", "/status", status("open"), MOVE),
                forbid(ProposalStatus.FULFILLED, "POST", "/status", status("promised"), MOVE),
                forbid(ProposalStatus.WITHDRAWN, "POST", "/status", status("promised"), MOVE),
                forbid(ProposalStatus.EXPIRED, "POST", "/status", status("promised"), MOVE),
                forbid(ProposalStatus.WITHDRAWN, "POST", "/status", status("fulfilled"), MOVE),
                forbid(ProposalStatus.EXPIRED, "POST", "/status", status("fulfilled"), MOVE),
                forbid(ProposalStatus.FULFILLED, "POST", "/status", status("withdrawn"), MOVE),
                forbid(ProposalStatus.OPEN, "POST", "/status", status("expired"), MOVE),
                forbid(ProposalStatus.PROMISED, "POST", "/status", status("expired"), MOVE),
                forbid(ProposalStatus.FULFILLED, "POST", "/status", status("expired"), MOVE),
                forbid(ProposalStatus.WITHDRAWN, "POST", "/status", status("expired"), MOVE),
                forbid(ProposalStatus.FULFILLED, "POST", "accept", "{}", "proposal_not_accepting"),
                forbid(ProposalStatus.WITHDRAWN, "POST", "accept", "{}", "proposal_not_accepting"),
                forbid(ProposalStatus.EXPIRED, "POST", "accept", "{}", "proposal_not_accepting"));
    }

    /**
     * The refusal carries its code for programs and says why in the caller's language (asked here in Arabic: no English
     * sentence reaches the client), naming the statuses in that language too.
     */
    @ParameterizedTest(name = "{0} {1} {2} is refused")
    @MethodSource("forbidden")
    void aForbiddenTransitionIsRefusedAndChangesNothing(ProposalStatus status, String method, String action, String body,
                                                        String code) {
        long id = PROPOSALS.get(status);
        String path = action.equals("accept") ? "/responses/" + RESPONSES.get(status) + "/accept" : "/proposals/" + id + action;
        State before = State.of(id);
        JsonNode refused = expect(400, amina.send(method, path + "?lang=ar", ApiClient.JSON, body.getBytes()));
        assertEquals(code, refused.path("error").asText(), refused.toString());
        Messages arabic = Messages.forLanguage("ar");
        String expected = code.equals(MOVE)
                ? arabic.get("error." + code, arabic.get("status." + status.wire()),
                        arabic.get("status." + TestHttp.json(body).path("status").asText()))
                : arabic.get("error." + code, arabic.get("status." + status.wire()));
        assertEquals(expected, refused.path("message").asText(), refused.toString());
        if (code.equals(MOVE)) {
            assertEquals("status", refused.path("field").asText(), refused.toString());
        }
        assertEquals(before, State.of(id), "nothing changed");
    }

    /**
     * A decision on a response is final: the other decision is refused, saying which one was made, and changes
     * nothing; the same decision again (a second tap) answers as the first did and changes nothing either.
     */
    @Test
    void aDecisionOnAResponseIsFinal() {
        Messages persian = Messages.forLanguage("fa");
        for (long response : List.of(accepted, declined)) {
            boolean wasAccepted = response == accepted;
            long of = responseProposal(response);
            State before = State.of(of);
            String other = wasAccepted ? "decline" : "accept";
            JsonNode refused = expect(400, amina.post("/responses/" + response + "/" + other + "?lang=fa", null));
            assertEquals("response_already_decided", refused.path("error").asText(), refused.toString());
            assertEquals(persian.get("error.response_already_decided",
                    persian.get(wasAccepted ? "response.accepted" : "response.declined")), refused.path("message").asText());
            assertEquals(before, State.of(of), "nothing changed");
            JsonNode again = expect(200, amina.post("/responses/" + response + "/" + (wasAccepted ? "accept" : "decline"), null));
            assertEquals(wasAccepted ? "accepted" : "declined", again.path("state").asText(), again.toString());
            assertEquals(before, State.of(of), "the same decision again changed nothing and sent nothing");
        }
    }

    /**
     * On the pages too: a refused form (sent although the page no longer offers it, e.g. from an old tab) says why in
     * the member's language, never the domain's English, and changes nothing.
     */
    @Test
    void aRefusedFormSaysWhyInTheMembersLanguageAndChangesNothing() {
        long id = PROPOSALS.get(ProposalStatus.FULFILLED);
        State before = State.of(id);
        String path = URI.create(expect(200, amina.get("/proposals/" + id)).path("uri").asText()).getRawPath();
        PageClient page = new PageClient(weft.base()).language("ar");
        page.login("amina", PASSWORD);
        HttpResponse<String> refused = page.submit(path, path + "/status", Map.of("status", "open"));
        assertEquals(400, refused.statusCode(), refused.body());
        Messages arabic = Messages.forLanguage("ar");
        String why = arabic.get("error.status_change_not_allowed", arabic.get("status.fulfilled"), arabic.get("status.open"));
        assertTrue(refused.body().contains(why), "\"" + why + "\" on: " + refused.body());
        assertFalse(refused.body().contains("cannot become") || refused.body().contains("status_change_not_allowed"),
                refused.body());
        assertEquals(before, State.of(id), "nothing changed");
    }

    /** Deleting works in every status, a withdrawn one too, and only the first deletion makes a tombstone. */
    @Test
    void deletingWorksInEveryStatusAndAWithdrawnProposalIsDeletedOnce() {
        long withdrawn = DOOMED.get(ProposalStatus.WITHDRAWN);
        String uri = expect(200, amina.get("/proposals/" + withdrawn)).path("uri").asText();
        long sent = sentAbout(uri);
        HttpResponse<String> deleted = amina.delete("/proposals/" + withdrawn);
        assertEquals(204, deleted.statusCode(), deleted.body());
        expect(404, amina.get("/proposals/" + withdrawn));
        expect(404, amina.delete("/proposals/" + withdrawn));
        assertEquals(410, TestHttp.get(uri, "application/activity+json").statusCode());
        assertEquals(1L, tombstones(uri), "the withdrawal's tombstone stands; no second one");
        assertEquals(sent, sentAbout(uri), "other servers removed it on withdrawal: nothing more is sent");
        for (ProposalStatus status : List.of(ProposalStatus.OPEN, ProposalStatus.PROMISED, ProposalStatus.FULFILLED,
                ProposalStatus.EXPIRED)) {
            long id = DOOMED.get(status);
            assertEquals(204, amina.delete("/proposals/" + id).statusCode(), status.wire());
            expect(404, amina.get("/proposals/" + id));
        }
    }

    /**
     * On the page: "my proposals" offers Delete for each, a withdrawn one too; deleting asks first (nothing changes
     * until the member confirms), then takes it off the list.
     */
    @Test
    void theMemberDeletesAWithdrawnProposalFromTheirPage() {
        JsonNode created = expect(201, amina.post("/proposals", """
                {"community": "block3", "purpose": "offer", "title": "Old cot to give", "categories": ["prams"]}"""));
        long id = created.path("id").asLong();
        expect(200, amina.post("/proposals/" + id + "/status", status("withdrawn")));
        String path = created.path("uri").asText().substring(weft.base().length());
        PageClient page = new PageClient(weft.base());
        page.login("amina", PASSWORD);
        String mine = page.get("/me/proposals").body();
        assertTrue(mine.contains("Old cot to give") && mine.contains("action=\"" + created.path("uri").asText() + "/delete\""),
                mine);
        HttpResponse<String> asked = page.submit("/me/proposals", path + "/delete", Map.of());
        assertEquals(200, asked.statusCode(), "deleting asks first: " + asked.body());
        expect(200, amina.get("/proposals/" + id));
        HttpResponse<String> done = page.post(path + "/delete", PageClient.hiddenFields(asked.body(), path + "/delete"));
        assertEquals(303, done.statusCode(), done.body());
        assertEquals("/me/proposals?done=deleted", done.headers().firstValue("Location").orElse(""));
        assertFalse(page.get("/me/proposals").body().contains("Old cot to give"));
        expect(404, amina.get("/proposals/" + id));
        assertEquals(1L, tombstones(created.path("uri").asText()));
    }

    /** The proposal as its author reads it, its responses, and how much went out about it. */
    private record State(String proposal, String responses, long sent) {
        static State of(long id) {
            String proposal = expect(200, amina.get("/proposals/" + id)).toString();
            String responses = expect(200, amina.get("/proposals/" + id + "/responses")).toString();
            String uri = TestHttp.json(proposal).path("uri").asText();
            return new State(proposal, responses, sentAbout(uri));
        }
    }

    private static long responseProposal(long responseId) {
        return weft.server().db().inTransaction(s -> s.createSelectionQuery(
                "select r.proposal.id from ResponseEntity r where r.id = :id", Long.class).setParameter("id", responseId)
                .getSingleResult());
    }

    private static long sentAbout(String uri) {
        return weft.server().db().inTransaction(s -> s.createSelectionQuery(
                "select count(*) from OutboundActivityEntity where body like :uri", Long.class)
                .setParameter("uri", "%\"" + uri + "\"%").getSingleResult());
    }

    private static long tombstones(String uri) {
        return weft.server().db().inTransaction(s -> s.createSelectionQuery(
                "select count(*) from TombstoneEntity where uri = :u", Long.class).setParameter("u", uri).getSingleResult());
    }

    private static long respond(PageClient member, JsonNode proposal, String text) {
        String page = proposal.path("uri").asText().substring(weft.base().length());
        HttpResponse<String> sent = member.submit(page, page + "/respond", Map.of("text", text));
        assertEquals(303, sent.statusCode(), sent.body());
        return weft.server().db().inTransaction(s -> s.createSelectionQuery(
                "select r.id from ResponseEntity r where r.content like :t", Long.class)
                .setParameter("t", "%" + text + "%").getSingleResult());
    }

    private static Arguments forbid(ProposalStatus status, String method, String action, String body, String code) {
        return Arguments.of(status, method, action, body, code);
    }

    private static String status(String status) {
        return "{\"status\": \"" + status + "\"}";
    }
}
