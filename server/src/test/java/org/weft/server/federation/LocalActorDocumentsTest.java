package org.weft.server.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weft.server.domain.actor.ActorRenderer;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;

/**
 * The in-memory actor documents: what a GET returns right after a change, and that memory stays bounded whatever
 * names are asked for. The page-driven edits (the operator's "about", account deletion) are in
 * {@code ui.ActorDocumentFreshnessTest}.
 */
class LocalActorDocumentsTest {
    private static final String JRD_ACCEPT = "application/jrd+json";
    private static TestServers.Instance weft;

    @BeforeAll
    static void start() {
        weft = TestServers.start();
        weft.server().localActors().createMember("rosa", "Rosa", "correct horse battery", false);
        weft.server().localActors().createGroup("street9", "Street 9", "Old summary");
    }

    @AfterAll
    static void stop() {
        weft.close();
    }

    @Test
    void anEditThroughAnySessionShowsOnTheNextGet() {
        assertEquals("Rosa", TestHttp.activityJson(weft.base() + "/users/rosa").path("name").asText());
        weft.server().db().run(s -> {
            var rosa = ActorRepository.localByUsername(s, "rosa").orElseThrow();
            rosa.setDisplayName("Rosa M.");
            rosa.setManuallyApproves(true);
        });
        var actor = TestHttp.activityJson(weft.base() + "/users/rosa");
        assertEquals("Rosa M.", actor.path("name").asText());
        assertTrue(actor.path("manuallyApprovesFollowers").asBoolean());
    }

    @Test
    void aNewActorIsFoundAtOnceAfterA404() {
        String acct = "acct:newcomer@" + weft.domain();
        assertEquals(404, webfinger(acct).statusCode());
        assertEquals(404, TestHttp.get(weft.base() + "/users/newcomer", "application/activity+json").statusCode());
        weft.server().localActors().createMember("newcomer", "New", "correct horse battery", false);
        assertEquals(200, webfinger(acct).statusCode());
        assertEquals("New", TestHttp.activityJson(weft.base() + "/users/newcomer").path("name").asText());
        assertEquals(200, webfinger(weft.base() + "/users/newcomer").statusCode(), "and by URL");
    }

    @Test
    void aDeletionIs410AtOnceEverywhere() {
        weft.server().localActors().createMember("leaving", "Leaving", "correct horse battery", false);
        String id = weft.base() + "/users/leaving";
        assertEquals(200, webfinger("acct:leaving@" + weft.domain()).statusCode());
        assertEquals(200, webfinger(id).statusCode());
        assertEquals(200, TestHttp.get(id, "application/activity+json").statusCode());
        weft.server().db().run(s -> ActorRepository.localByUsername(s, "leaving").orElseThrow()
                .setDeletedAt(java.time.Instant.now()));
        assertEquals(410, TestHttp.get(id, "application/activity+json").statusCode());
        assertEquals(410, webfinger("acct:leaving@" + weft.domain()).statusCode());
        assertEquals(410, webfinger(id).statusCode());
    }

    @Test
    void headersAreAsBeforeWhenServedFromMemory() {
        for (int i = 0; i < 2; i++) { // the first GET loads, the second is served from memory
            HttpResponse<String> actor = TestHttp.get(weft.base() + "/groups/street9", "application/activity+json");
            assertEquals(200, actor.statusCode());
            assertEquals("application/activity+json; charset=utf-8", actor.headers().firstValue("Content-Type").orElse(""));
            assertTrue(ActorDocumentTest.varyAccept(actor), actor.headers().map().toString());
            HttpResponse<String> jrd = webfinger("acct:street9@" + weft.domain());
            assertEquals(200, jrd.statusCode());
            assertEquals("application/jrd+json", jrd.headers().firstValue("Content-Type").orElse(""));
            assertEquals("*", jrd.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
            HttpResponse<String> instance = TestHttp.get(weft.base() + "/actor", "application/activity+json");
            assertEquals("Application", TestHttp.json(instance.body()).path("type").asText());
            assertTrue(ActorDocumentTest.varyAccept(instance));
        }
    }

    @Test
    void lookupsOfUnknownNamesKeepNothing() {
        LocalActorDocuments served = weft.server().actorDocuments();
        webfinger("acct:rosa@" + weft.domain());
        int before = served.size();
        for (int i = 0; i < 300; i++) {
            assertEquals(404, webfinger("acct:nobody" + i + "@" + weft.domain()).statusCode());
            assertEquals(404, webfinger(weft.base() + "/users/nobody" + i).statusCode());
        }
        assertEquals(404, TestHttp.get(weft.base() + "/users/nobody1", "application/activity+json").statusCode());
        assertTrue(served.size() <= before, "kept " + served.size() + " entries, had " + before);
        assertTrue(served.size() <= LocalActorDocuments.DEFAULT_CAPACITY);
    }

    @Test
    void neverMoreEntriesThanTheCapacity() {
        for (int i = 0; i < 5; i++) {
            weft.server().localActors().createMember("capped" + i, "Capped " + i, "correct horse battery", false);
        }
        var documents = new LocalActorDocuments(weft.server().db(), new ActorRenderer(weft.server().urls()), 3,
                Duration.ofMinutes(1), System::nanoTime);
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 5; i++) {
                var doc = documents.byUsername("capped" + i).orElseThrow();
                assertEquals(weft.base() + "/users/capped" + i, doc.uri());
                assertTrue(new String(doc.activityJson(), java.nio.charset.StandardCharsets.UTF_8).contains("Capped " + i));
                assertTrue(documents.size() <= 3, "size " + documents.size());
            }
        }
        for (int i = 0; i < 1000; i++) {
            assertTrue(documents.byUsername("ghost" + i).isEmpty());
        }
        assertTrue(documents.size() <= 3);
    }

    @Test
    void aLoadThatRacesWithACommitIsNotKept() {
        weft.server().localActors().createMember("racer", "Racer", "correct horse battery", false);
        AtomicLong clock = new AtomicLong();
        LocalActorDocuments[] documents = new LocalActorDocuments[1];
        // The clock is read while a document is rendered: invalidate there, as a commit landing mid-load would.
        documents[0] = new LocalActorDocuments(weft.server().db(), new ActorRenderer(weft.server().urls()), 10,
                Duration.ofMinutes(1), () -> {
                    if (clock.incrementAndGet() == 1) {
                        documents[0].invalidate(weft.base() + "/users/racer");
                    }
                    return 0;
                });
        assertTrue(documents[0].byUsername("racer").isPresent());
        assertEquals(0, documents[0].size(), "served once, not kept");
        assertTrue(documents[0].byUsername("racer").isPresent());
        assertEquals(1, documents[0].size());
    }

    @Test
    void aWriteOutsideThisProcessShowsAfterTheMaximumAge() {
        weft.server().localActors().createMember("elsewhere", "Before", "correct horse battery", false);
        AtomicLong now = new AtomicLong();
        var documents = new LocalActorDocuments(weft.server().db(), new ActorRenderer(weft.server().urls()), 10,
                Duration.ofSeconds(30), now::get);
        assertTrue(json(documents.byUsername("elsewhere").orElseThrow()).contains("Before"));
        // Plain SQL: what another process sharing the database does, and Hibernate's events do not see.
        weft.server().db().run(s -> s.createNativeMutationQuery(
                "UPDATE actor SET display_name = 'After' WHERE username = 'elsewhere' AND is_local = true").executeUpdate());
        now.addAndGet(Duration.ofSeconds(29).toNanos());
        assertTrue(json(documents.byUsername("elsewhere").orElseThrow()).contains("Before"));
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        String after = json(documents.byUsername("elsewhere").orElseThrow());
        assertTrue(after.contains("After"), after);
        assertFalse(after.contains("Before"), after);
    }

    private static String json(LocalActorDocuments.Document doc) {
        return new String(doc.activityJson(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> webfinger(String resource) {
        return TestHttp.get(weft.base() + "/.well-known/webfinger?resource=" + resource, JRD_ACCEPT);
    }
}
