package org.weft.server.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weft.server.api.ApiClient;
import org.weft.server.domain.proposal.ProposalDraft;
import org.weft.server.domain.proposal.StoredTranslations;
import org.weft.server.model.Audience;
import org.weft.server.model.ProposalStatus;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.OutboundActivityEntity;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.testing.CapturedLog;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;

/**
 * A member's and a community's outbox as another server reads them (unsigned, as any server or crawler may): what
 * the member posted that still exists, each as it is now, as Mastodon builds its outbox. An edit leaves no old
 * wording there, and a deleted, withdrawn or hidden post leaves no text and no Announce of it; a poll shows its
 * counts as its followers last got them. A stored activity that cannot be read is left out, and the rest listed.
 */
class OutboxTest {
    /** More posts than one page holds, so a post that goes must go from every page and the pages still add up. */
    private static final int OTHER_POSTS = CollectionsEndpoint.PAGE_SIZE + 2;
    private static TestServers.Instance weft;
    private static String alice;
    private static String camp;
    private static final List<String> BLANKETS = new ArrayList<>();

    @BeforeAll
    static void start() {
        weft = TestServers.start();
        camp = weft.server().localActors().createGroup("campa", "Camp A", null).getUri();
        alice = weft.server().localActors().createMember("alice", "Alice", "correct horse battery", false).getUri();
        weft.server().localActors().createMember("bilal", "Bilal", "correct horse battery", false);
        for (int i = 0; i < OTHER_POSTS; i++) {
            BLANKETS.add(post(Purpose.OFFER, "Spare blanket number " + i, "Warm, washed.").getUri());
        }
    }

    @AfterAll
    static void stop() {
        weft.close();
    }

    @Test
    void anEditedOfferShowsOnlyItsCurrentWording() {
        ProposalEntity offer = post(Purpose.OFFER, "Old drill, needs a battery", "Corded, from the workshop.");
        weft.server().proposals().service().edit("alice", offer.getId(), ProposalDraft.builder()
                .title("Cordless drill with two batteries").description("Charged and ready.").build());

        String everything = allPages(alice + "/outbox").toString();
        assertTrue(everything.contains("Cordless drill with two batteries"), everything);
        assertFalse(everything.contains("Old drill, needs a battery"), "the old title stays nowhere");
        assertFalse(everything.contains("Corded, from the workshop."), "nor the old description");

        List<JsonNode> items = itemsAbout(alice + "/outbox", offer.getUri());
        assertEquals(1, items.size(), "one item for the offer: its Create, no Update beside it");
        assertEquals("Create", items.get(0).path("type").asText());
        assertEquals(alice, items.get(0).path("actor").asText());
        assertTrue(items.get(0).path("object").path("content").asText().contains("Cordless drill with two batteries"),
                items.get(0).toString());
        assertEquals(1, itemsAbout(camp + "/outbox", offer.getUri()).size(), "the community's Announce stays");
    }

    @Test
    void aWithdrawnThenDeletedRequestLeavesNeitherOutbox() {
        ProposalEntity ladder = post(Purpose.REQUEST, "Need a ladder for one afternoon", "Meet at the water point.");
        long memberTotal = total(alice + "/outbox");
        long campTotal = total(camp + "/outbox");
        assertTrue(allPages(alice + "/outbox").toString().contains("Meet at the water point."));
        assertEquals(1, itemsAbout(camp + "/outbox", ladder.getUri()).size(), "the community announced it");

        weft.server().proposals().service().changeStatus("alice", ladder.getId(), ProposalStatus.PROMISED);
        weft.server().proposals().service().changeStatus("alice", ladder.getId(), ProposalStatus.WITHDRAWN);
        assertGone(ladder, memberTotal, campTotal, "withdrawn");

        weft.server().proposals().service().delete("alice", ladder.getId());
        assertGone(ladder, memberTotal, campTotal, "deleted");
        assertEquals(410, TestHttp.get(ladder.getUri(), "application/activity+json").statusCode());
    }

    @Test
    void anOfferAModeratorHidIsNotListedForAVisitor() {
        ProposalEntity scam = post(Purpose.OFFER, "Phones cheap, pay first", "Send the money to my account.");
        long memberTotal = total(alice + "/outbox");
        long campTotal = total(camp + "/outbox");
        long bilal = weft.server().db().inTransaction(s -> ActorRepository.localByUsername(s, "bilal").orElseThrow()
                .getId());
        long report = weft.server().safety().reports().fromMember(bilal, scam.getUri(), "Asks for money first");
        weft.server().safety().reports().hideContent(report, Optional.empty(), "Scam");

        assertGone(scam, memberTotal, campTotal, "hidden");
    }

    @Test
    void aClosedPollIsListedOnceWithItsFinalCounts() {
        ApiClient dina = ApiClient.newMember(weft, "dina", "Dina");
        ApiClient emre = ApiClient.newMember(weft, "emre", "Emre");
        weft.server().moderators().add("campa", "dina", Optional.empty());
        String pollUri = ApiClient.expect(201, dina.post("/groups/campa/polls", "{\"question\":\"Which day to clean?\","
                + "\"options\":[\"Friday\",\"Sunday\"],\"multiple\":false,\"voters\":\"followers\","
                + "\"endsAt\":\"" + Instant.now().plus(Duration.ofDays(3)) + "\"}")).path("uri").asText();
        String path = URI.create(pollUri).getRawPath();
        ApiClient.expect(200, emre.post(path + "/votes", "{\"choices\":[1]}"));
        ApiClient.expect(200, dina.post(path + "/close", "{\"reason\":\"Decided at the meeting\"}"));

        List<JsonNode> items = itemsAbout(camp + "/outbox", pollUri);
        assertEquals(1, items.size(), "the poll's Create, not its Update beside it: " + items);
        assertEquals("Create", items.get(0).path("type").asText());
        JsonNode question = items.get(0).path("object");
        assertEquals(1, question.path("votersCount").asInt(), question.toString());
        assertFalse(question.path("closed").isMissingNode(), "as it is now: closed " + question);
    }

    @Test
    void aStoredActivityThatCannotBeReadIsLeftOutAndTheRestListed() {
        ProposalEntity damaged = post(Purpose.OFFER, "Kettle, descaled", "Works on gas too.");
        long memberTotal = total(alice + "/outbox");
        long campTotal = total(camp + "/outbox");
        long create = sentAbout(alice, "Create", damaged.getUri());
        long announce = sentAbout(camp, "Announce", damaged.getUri());
        String createBody = body(create);
        String announceBody = body(announce);
        try (CapturedLog log = CapturedLog.start()) {
            setBody(create, "{\"secret\": \"not an activity");
            setBody(announce, "{\"secret\": \"no id, no type\"}");

            for (int walk = 0; walk < 2; walk++) {
                for (String outbox : List.of(alice + "/outbox", camp + "/outbox")) {
                    List<JsonNode> pages = allPages(outbox); // each page answered 200
                    String everything = pages.toString();
                    assertFalse(everything.contains(damaged.getUri()), "the damaged row is left out of " + outbox);
                    for (String blanket : BLANKETS) {
                        assertTrue(everything.contains(blanket), blanket + " stays listed in " + outbox);
                    }
                    long listed = pages.stream().mapToLong(page -> page.path("orderedItems").size()).sum();
                    assertEquals(total(outbox) - 1, listed, "totalItems still counts the row left out: " + outbox);
                }
            }
            assertEquals(memberTotal, total(alice + "/outbox"));
            assertEquals(campTotal, total(camp + "/outbox"));

            List<String> warnings = log.warningsAndErrors().stream()
                    .filter(line -> line.contains(OutboxItems.class.getName())).toList();
            assertEquals(2, warnings.size(), "each damaged row once, however often it is read: " + warnings);
            assertTrue(warnings.get(0).contains(" " + create + " ") || warnings.get(1).contains(" " + create + " "),
                    warnings.toString());
            assertTrue(warnings.get(0).contains(" " + announce + " ") || warnings.get(1).contains(" " + announce + " "),
                    warnings.toString());
            assertFalse(warnings.toString().contains("secret"), "no body text in the log: " + warnings);
        } finally {
            setBody(create, createBody);
            setBody(announce, announceBody);
        }
    }

    /**
     * A proposal whose stored translations are not JSON (a damaged or hand-written row) still goes out, in its own
     * language: the outbox pages, its own document and the API answer as for any other, without the translations, and
     * the row is named in the log once however often it is read, without its text. Another proposal's translations
     * still go out beside it.
     */
    @Test
    void storedTranslationsThatCannotBeReadAreLeftOutAndTheProposalStillGoesOut() {
        ProposalEntity kettle = translated("Kettle, still works", "Чайник, ще працює");
        ProposalEntity pot = translated("A big soup pot", "Велика каструля");
        String stored = weft.server().db().inTransaction(s -> s.find(ProposalEntity.class, kettle.getId())
                .getTranslations());
        setTranslations(kettle.getId(), "{\"uk\": {\"title\": \"secret, cut off");
        try (CapturedLog log = CapturedLog.start()) {
            for (int walk = 0; walk < 2; walk++) {
                String everything = allPages(alice + "/outbox").toString(); // each page answered 200
                assertTrue(everything.contains("Kettle, still works") && everything.contains("Велика каструля"),
                        everything);
                assertFalse(everything.contains("secret"), everything);
                JsonNode note = TestHttp.activityJson(kettle.getUri());
                assertEquals(List.of("en"), fieldNames(note.path("contentMap")), note.toString());
                assertTrue(note.path("content").asText().contains("Kettle, still works"), note.toString());
                assertTrue(TestHttp.activityJson(pot.getUri()).path("contentMap").has("uk"), "the other keeps its own");
                JsonNode api = ApiClient.expect(200, ApiClient.anonymous(weft).get("/proposals/" + kettle.getId()));
                assertEquals("Kettle, still works", api.path("title").asText());
                assertTrue(api.path("translations").isObject() && api.path("translations").isEmpty(), api.toString());
            }
            List<String> warnings = log.warningsAndErrors().stream()
                    .filter(line -> line.contains(StoredTranslations.class.getName())).toList();
            assertEquals(1, warnings.size(), "the row once, however often it is read: " + warnings);
            assertTrue(warnings.getFirst().contains(" " + kettle.getId() + " "), warnings.toString());
            assertFalse(warnings.toString().contains("secret"), "no stored text in the log: " + warnings);
        } finally {
            setTranslations(kettle.getId(), stored);
        }
    }

    private static ProposalEntity translated(String title, String ukrainian) {
        return weft.server().proposals().service().create("alice", ProposalDraft.builder().community("campa")
                .purpose(Purpose.OFFER).language("en").title(title).categories("tools").audience(Audience.PUBLIC)
                .translations(Map.of("uk", new ProposalDraft.Text(ukrainian, "Працює"))).build());
    }

    private static void setTranslations(long id, String translations) {
        weft.server().db().inTransaction(s -> s.createMutationQuery(
                "update ProposalEntity set translations = :t where id = :id")
                .setParameter("t", translations).setParameter("id", id).executeUpdate());
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static long sentAbout(String actorUri, String type, String objectUri) {
        return weft.server().db().inTransaction(s -> s.createSelectionQuery("select o.id from OutboundActivityEntity o"
                        + " where o.actor.uri = :a and o.activityType = :t and o.objectUri = :o", Long.class)
                .setParameter("a", actorUri).setParameter("t", type).setParameter("o", objectUri).getSingleResult());
    }

    private static String body(long id) {
        return weft.server().db().inTransaction(s -> s.find(OutboundActivityEntity.class, id).getBody());
    }

    private static void setBody(long id, String body) {
        weft.server().db().inTransaction(s -> s.createMutationQuery(
                "update OutboundActivityEntity set body = :b where id = :id")
                .setParameter("b", body).setParameter("id", id).executeUpdate());
    }

    private static void assertGone(ProposalEntity p, long memberTotal, long campTotal, String how) {
        for (String outbox : List.of(alice + "/outbox", camp + "/outbox")) {
            List<JsonNode> pages = allPages(outbox);
            String everything = pages.toString();
            assertFalse(everything.contains(p.getTitle()), how + ": no text of it in " + outbox);
            assertFalse(everything.contains(p.getDescription()), how + ": no text of it in " + outbox);
            assertFalse(everything.contains(p.getUri()), how + ": no Create or Announce of it in " + outbox);
            long listed = pages.stream().mapToLong(page -> page.path("orderedItems").size()).sum();
            assertEquals(total(outbox), listed, how + ": the pages hold totalItems items in " + outbox);
        }
        assertEquals(memberTotal - 1, total(alice + "/outbox"), how + ": the member's outbox lists one post fewer");
        assertEquals(campTotal - 1, total(camp + "/outbox"), how + ": the community's outbox lists one Announce fewer");
    }

    private static ProposalEntity post(Purpose purpose, String title, String description) {
        return weft.server().proposals().service().create("alice", ProposalDraft.builder().community("campa")
                .purpose(purpose).language("en").title(title).description(description).categories("tools")
                .audience(Audience.PUBLIC).build());
    }

    private static long total(String outbox) {
        return TestHttp.activityJson(outbox).path("totalItems").asLong();
    }

    /** Every page of the collection, following {@code next} from {@code first}, as a remote server walks it. */
    private static List<JsonNode> allPages(String outbox) {
        List<JsonNode> pages = new ArrayList<>();
        String next = TestHttp.activityJson(outbox).path("first").asText();
        while (!next.isEmpty() && pages.size() < 10) {
            JsonNode page = TestHttp.activityJson(next);
            pages.add(page);
            next = page.path("next").asText();
        }
        return pages;
    }

    /** The items whose object is {@code uri}: a Create carrying it, or an Announce naming it. */
    private static List<JsonNode> itemsAbout(String outbox, String uri) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode page : allPages(outbox)) {
            for (JsonNode item : page.path("orderedItems")) {
                JsonNode object = item.path("object");
                if (uri.equals(object.isTextual() ? object.asText() : object.path("id").asText())) {
                    found.add(item);
                }
            }
        }
        return found;
    }
}
