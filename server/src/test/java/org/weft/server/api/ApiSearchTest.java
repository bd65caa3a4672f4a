package org.weft.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.weft.server.api.ApiClient.expect;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weft.server.domain.proposal.ProposalDraft;
import org.weft.server.domain.proposal.ProposalService;
import org.weft.server.model.Audience;
import org.weft.server.model.ProposalStatus;
import org.weft.server.model.Purpose;
import org.weft.server.testing.TestServers;

/**
 * {@code GET /proposals}: each filter alone and together — purpose, category with its narrower concepts, area
 * with its sub-areas, status, text, community — paging (by page and by cursor), and community-only proposals for members only.
 */
class ApiSearchTest {
    private static TestServers.Instance weft;
    private static ApiClient member;
    private static ApiClient anyone;

    @BeforeAll
    static void start() {
        weft = TestServers.start();
        weft.server().localActors().createGroup("block3", "Block 3", null);
        weft.server().localActors().createGroup("riverside", "Riverside", null);
        var areas = weft.server().proposals().areas();
        areas.create("camp-a", "Camp A", 32.29, 36.32);
        areas.create("camp-a/block-3", "Block 3", null, null);
        areas.create("camp-a/block-5", "Block 5", null, null);
        areas.create("camp-b", "Camp B", null, null);
        member = ApiClient.newMember(weft, "amina", "Amina");
        ApiClient.newMember(weft, "yusuf", "Yusuf");
        anyone = ApiClient.anonymous(weft);

        ProposalService proposals = weft.server().proposals().service();
        post("amina", Purpose.OFFER, "Fresh bread every morning", "bread", "camp-a/block-3", null, "block3");
        post("yusuf", Purpose.OFFER, "Rice and lentils", "staple-food", "camp-a/block-5", null, "block3");
        post("yusuf", Purpose.REQUEST, "Wheelchair for a week", "mobility-aids", "camp-b", Audience.PUBLIC, "block3");
        post("amina", Purpose.REQUEST, "Someone to look after two children", "babysitting", "camp-a", null, "block3");
        long soup = post("yusuf", Purpose.OFFER, "Soup on Fridays", "food", null, null, "block3");
        proposals.changeStatus("yusuf", soup, ProposalStatus.PROMISED);
        long drill = post("amina", Purpose.OFFER, "Drill to lend", "tools", "camp-a/block-3", null, "block3");
        proposals.changeStatus("amina", drill, ProposalStatus.WITHDRAWN);
        post("yusuf", Purpose.OFFER, "Bread for anyone", "bread", "camp-b", Audience.ANONYMOUS, "riverside");
    }

    @AfterAll
    static void stop() {
        weft.close();
    }

    @Test
    void byPurposeWithCommunityOnlyRequestsForMembersOnly() {
        assertEquals(Set.of("Fresh bread every morning", "Rice and lentils", "Soup on Fridays", "Bread for anyone"),
                titles(anyone, "purpose=offer"));
        assertEquals(Set.of("Wheelchair for a week"), titles(anyone, "purpose=request"));
        assertEquals(Set.of("Wheelchair for a week", "Someone to look after two children"), titles(member, "purpose=request"));
        assertEquals(Set.of("Wheelchair for a week", "Someone to look after two children"), titles(member, "purpose=REQUEST"));
    }

    @Test
    void byCategoryIncludingNarrowerConcepts() {
        assertEquals(Set.of("Fresh bread every morning", "Rice and lentils", "Soup on Fridays", "Bread for anyone"),
                titles(anyone, "category=food"), "food finds bread and staple foods too");
        assertEquals(Set.of("Fresh bread every morning", "Bread for anyone"), titles(anyone, "category=bread"),
                "but bread does not find the broader food");
        assertEquals(Set.of("Fresh bread every morning", "Bread for anyone", "Wheelchair for a week"),
                titles(anyone, "category=bread,mobility-aids"));
        assertEquals(titles(anyone, "category=bread&category=mobility-aids"), titles(anyone, "category=bread,mobility-aids"));
        assertEquals(Set.of("Fresh bread every morning", "Bread for anyone"),
                titles(anyone, "category=https://w3id.org/weft/taxonomy/v1%23bread"), "a concept URI works too");
        assertEquals(Set.of("Wheelchair for a week"), titles(anyone, "category=health"));
        assertEquals(Set.of(), titles(anyone, "category=childcare"), "community-only, so not for anonymous callers");
        assertEquals(Set.of("Someone to look after two children"), titles(member, "category=childcare"));
    }

    @Test
    void byAreaIncludingSubAreas() {
        assertEquals(Set.of("Fresh bread every morning", "Rice and lentils", "Someone to look after two children"),
                titles(member, "area=camp-a"));
        assertEquals(Set.of("Fresh bread every morning"), titles(member, "area=camp-a/block-3"));
        assertEquals(Set.of("Wheelchair for a week", "Bread for anyone"), titles(anyone, "area=camp-b"));
        assertEquals(Set.of(), titles(anyone, "area=camp"), "a code is matched by whole path segments");
        assertEquals(Set.of(), titles(anyone, "area=camp-a/block"));
    }

    @Test
    void byStatusTextAndCommunity() {
        assertEquals(Set.of("Drill to lend"), titles(anyone, "status=withdrawn"));
        assertEquals(Set.of("Soup on Fridays"), titles(anyone, "status=promised"));
        assertEquals(Set.of("Drill to lend", "Soup on Fridays"), titles(anyone, "status=withdrawn,promised"));
        assertEquals(6, titles(anyone, "status=all").size(), "everything but the community-only request");
        assertEquals(7, titles(member, "status=all").size());
        assertEquals(5, titles(anyone, "").size(), "open and promised by default");

        assertEquals(Set.of("Fresh bread every morning", "Bread for anyone"), titles(anyone, "q=bread"));
        assertEquals(Set.of("Fresh bread every morning", "Bread for anyone"), titles(anyone, "q=BREAD"));
        assertEquals(Set.of("Rice and lentils"), titles(anyone, "q=%20lentils%20"));
        assertEquals(Set.of("Bread for anyone"), titles(anyone, "community=riverside"));
        assertEquals(Set.of("Fresh bread every morning"), titles(anyone, "community=block3&q=bread"));
        assertEquals(Set.of("Fresh bread every morning"),
                titles(anyone, "purpose=offer&category=food&area=camp-a&q=fresh&community=block3&status=open"));
        assertEquals(Set.of(), titles(anyone, "community=nowhere"));
    }

    @Test
    void pagesAreDisjointNewestFirstAndCounted() {
        List<String> all = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            JsonNode result = expect(200, anyone.get("/proposals?size=2&page=" + page));
            assertEquals(5, result.path("total").asInt());
            assertEquals(page, result.path("page").asInt());
            assertEquals(2, result.path("size").asInt());
            result.path("items").forEach(p -> all.add(p.path("title").asText()));
        }
        assertEquals(List.of("Bread for anyone", "Soup on Fridays", "Wheelchair for a week", "Rice and lentils",
                "Fresh bread every morning"), all, "newest first, each once");
        assertEquals(0, expect(200, anyone.get("/proposals?size=2&page=4")).path("items").size());
        assertEquals(20, expect(200, anyone.get("/proposals")).path("size").asInt(), "20 a page by default");
    }

    @Test
    void cursorsWalkTheSameOrderAsPagesAndBackAgain() {
        List<String> older = new ArrayList<>();
        List<String> cursors = new ArrayList<>();
        JsonNode result = expect(200, anyone.get("/proposals?size=2"));
        assertTrue(result.path("newer").isNull(), "the newest page: " + result);
        while (true) {
            result.path("items").forEach(p -> older.add(p.path("title").asText()));
            assertEquals(5, result.path("total").asInt());
            assertFalse(result.path("totalCapped").asBoolean());
            if (result.path("older").isNull()) {
                break;
            }
            cursors.add(result.path("older").asText());
            result = expect(200, anyone.get("/proposals?size=2&before=" + cursors.getLast()));
            assertFalse(result.has("page"), "a cursor page has no number: " + result);
        }
        assertEquals(List.of("Bread for anyone", "Soup on Fridays", "Wheelchair for a week", "Rice and lentils",
                "Fresh bread every morning"), older, "newest first, each once, as with page=");
        assertEquals(2, cursors.size());

        JsonNode middle = expect(200, anyone.get("/proposals?size=2&after=" + result.path("newer").asText()));
        assertEquals(List.of("Wheelchair for a week", "Rice and lentils"), titlesOf(middle), "newer walks back");
        JsonNode newest = expect(200, anyone.get("/proposals?size=2&after=" + middle.path("newer").asText()));
        assertEquals(List.of("Bread for anyone", "Soup on Fridays"), titlesOf(newest));
        assertTrue(newest.path("newer").isNull(), "back at the newest page");
    }

    @Test
    void aCursorThatIsNotOneOrTwoWaysOfPagingAreRefused() {
        JsonNode junk = expect(400, anyone.get("/proposals?before=yesterday"));
        assertEquals("before", junk.path("field").asText(), junk.toString());
        assertTrue(junk.path("error").asText().contains("cursor"), junk.toString());
        String cursor = expect(200, anyone.get("/proposals?size=2")).path("older").asText();
        assertEquals(400, anyone.get("/proposals?size=2&page=2&before=" + cursor).statusCode());
        assertEquals(400, anyone.get("/proposals?size=2&after=" + cursor + "&before=" + cursor).statusCode());
        assertEquals(400, member.get("/me/proposals?after=1.5").statusCode());
    }

    private static List<String> titlesOf(JsonNode result) {
        List<String> titles = new ArrayList<>();
        result.path("items").forEach(p -> titles.add(p.path("title").asText()));
        return titles;
    }

    @Test
    void labelsFollowTheLanguageAskedFor() {
        JsonNode result = expect(200, anyone.get("/proposals?category=mobility-aids&lang=fr"));
        assertEquals("Aides à la mobilité", result.path("items").get(0).path("categories").get(0).path("label").asText());
    }

    @Test
    void areasAreListedParentsFirst() {
        JsonNode areas = expect(200, anyone.get("/areas")).path("items");
        List<String> codes = new ArrayList<>();
        areas.forEach(a -> codes.add(a.path("code").asText()));
        assertEquals(List.of("camp-a", "camp-a/block-3", "camp-a/block-5", "camp-b"), codes);
        assertEquals("Camp A, Block 3", areas.get(1).path("fullName").asText());
        assertEquals("camp-a", areas.get(1).path("parent").asText());
        assertTrue(areas.get(0).path("parent").isNull());
        assertEquals(32.29, areas.get(0).path("centre").path("latitude").asDouble(), 1e-9);
    }

    private static Set<String> titles(ApiClient client, String query) {
        JsonNode result = expect(200, client.get("/proposals?size=100" + (query.isEmpty() ? "" : "&" + query)));
        Set<String> titles = new HashSet<>();
        result.path("items").forEach(p -> titles.add(p.path("title").asText()));
        assertEquals(titles.size(), result.path("total").asInt(), "total matches the items: " + result);
        return titles;
    }

    private static long post(String author, Purpose purpose, String title, String category, String area, Audience audience,
                             String community) {
        return weft.server().proposals().service().create(author, ProposalDraft.builder().community(community)
                .purpose(purpose).title(title).categories(category).area(area).audience(audience).build()).getId();
    }
}
