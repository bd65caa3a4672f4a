package org.weft.server.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weft.server.domain.proposal.ProposalDraft;
import org.weft.server.model.ProposalStatus;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;

/**
 * A proposal's URL is its ActivityPub id and its page: another server gets the Note, a browser the page, at every
 * stage of its life (open, withdrawn, deleted, never there), and every answer says it varies with {@code Accept}.
 */
class ProposalUrlTest {
    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private static final List<String> SERVERS = List.of("application/activity+json, application/ld+json",
            "application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"");
    private static TestServers.Instance weft;

    @BeforeAll
    static void start() {
        weft = TestServers.start();
        weft.server().localActors().createGroup("block3", "Block 3", null);
        weft.server().localActors().createMember("amina", "Amina", "a long enough password", false);
    }

    @AfterAll
    static void stop() {
        weft.close();
    }

    @Test
    void serversGetTheNoteAndBrowsersThePage() {
        ProposalEntity p = offer("Fresh bread");
        for (String accept : SERVERS) {
            HttpResponse<String> note = TestHttp.get(p.getUri(), accept);
            assertEquals(200, note.statusCode(), accept);
            assertTrue(contentType(note).startsWith("application/activity+json"), accept + ": " + contentType(note));
            assertEquals(p.getUri(), TestHttp.json(note.body()).path("id").asText());
            assertTrue(note.body().contains("Fresh bread"), note.body());
            assertVariesWithAccept(note);
        }
        for (String accept : new String[] {BROWSER, "*/*", "application/json"}) {
            HttpResponse<String> page = TestHttp.get(p.getUri(), accept);
            assertEquals(200, page.statusCode(), accept);
            assertTrue(contentType(page).startsWith("text/html"), accept + ": " + contentType(page));
            assertTrue(page.body().contains("Fresh bread"), page.body());
            assertFalse(page.body().contains("\"@context\""), "a page, not the document");
            assertVariesWithAccept(page);
        }
    }

    @Test
    void aWithdrawnOrDeletedProposalIsGoneForBothAndAnUnknownOneMissing() {
        ProposalEntity withdrawn = offer("Withdrawn soup");
        ProposalEntity deleted = offer("Deleted blankets");
        weft.server().proposals().service().changeStatus("amina", withdrawn.getId(), ProposalStatus.WITHDRAWN);
        weft.server().proposals().service().delete("amina", deleted.getId());

        for (ProposalEntity p : List.of(withdrawn, deleted)) {
            HttpResponse<String> tombstone = TestHttp.get(p.getUri(), SERVERS.getFirst());
            assertEquals(410, tombstone.statusCode(), p.getTitle());
            assertEquals("Tombstone", TestHttp.json(tombstone.body()).path("type").asText(), tombstone.body());
            assertEquals("Note", TestHttp.json(tombstone.body()).path("formerType").asText());
            assertVariesWithAccept(tombstone);
            HttpResponse<String> page = TestHttp.get(p.getUri(), BROWSER);
            assertEquals(410, page.statusCode(), p.getTitle());
            assertFalse(page.body().contains(p.getTitle()), "nothing of it is shown: " + page.body());
            assertVariesWithAccept(page);
        }
        String unknown = weft.base() + "/proposals/00000000-0000-0000-0000-000000000000";
        for (String accept : List.of(SERVERS.getFirst(), BROWSER)) {
            HttpResponse<String> missing = TestHttp.get(unknown, accept);
            assertEquals(404, missing.statusCode(), accept);
            assertVariesWithAccept(missing);
        }
    }

    private static ProposalEntity offer(String title) {
        return weft.server().proposals().service().create("amina", ProposalDraft.builder().community("block3")
                .purpose(Purpose.OFFER).title(title).categories("bread").build());
    }

    private static String contentType(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    private static void assertVariesWithAccept(HttpResponse<String> response) {
        assertTrue(ActorDocumentTest.varyAccept(response), response.uri() + ": " + response.headers().map());
    }
}
