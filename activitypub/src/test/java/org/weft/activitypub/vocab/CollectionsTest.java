package org.weft.activitypub.vocab;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.weft.activitypub.Fixtures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CollectionsTest {

    private static final String FOLLOWERS = "https://camp.weft.test/groups/block3/followers";

    @Test
    void pagedCollectionPointsAtPageOne() {
        JsonNode json = OrderedCollection.paged(FOLLOWERS, 42).toJson();
        assertEquals(Vocab.AS_CONTEXT, json.get("@context").asText());
        assertEquals("OrderedCollection", json.get("type").asText());
        assertEquals(42, json.get("totalItems").asLong());
        assertEquals(FOLLOWERS + "?page=1", json.get("first").asText());
        assertFalse(json.has("orderedItems"));
    }

    @Test
    void inlineCollectionListsItems() {
        OrderedCollection featured = OrderedCollection.inline("https://camp.weft.test/groups/block3/featured",
                OrderedCollectionPage.idItems(List.of("https://camp.weft.test/proposals/how-to")));
        JsonNode json = featured.toJson();
        assertEquals(1, json.get("totalItems").asLong());
        assertEquals("https://camp.weft.test/proposals/how-to", json.get("orderedItems").get(0).asText());
        assertEquals(featured, OrderedCollection.fromJson(json));
    }

    @Test
    void pagesLinkToTheirNeighbours() {
        List<JsonNode> items = OrderedCollectionPage.idItems(List.of("https://a.example/u/1", "https://a.example/u/2"));
        OrderedCollectionPage first = OrderedCollectionPage.of(FOLLOWERS, 1, 2, 5, items);
        assertEquals(FOLLOWERS + "?page=1", first.id());
        assertEquals(FOLLOWERS + "?page=2", first.next());
        assertNull(first.prev());
        OrderedCollectionPage middle = OrderedCollectionPage.of(FOLLOWERS, 2, 2, 5, items);
        assertEquals(FOLLOWERS + "?page=3", middle.next());
        assertEquals(FOLLOWERS + "?page=1", middle.prev());
        OrderedCollectionPage last = OrderedCollectionPage.of(FOLLOWERS, 3, 2, 5, items.subList(0, 1));
        assertNull(last.next());
        OrderedCollectionPage exact = OrderedCollectionPage.of(FOLLOWERS, 2, 2, 4, items);
        assertNull(exact.next(), "no empty page after an exactly full one");

        JsonNode json = middle.toJson();
        assertEquals("OrderedCollectionPage", json.get("type").asText());
        assertEquals(FOLLOWERS, json.get("partOf").asText());
        assertEquals(2, json.get("orderedItems").size());
        assertEquals(middle, OrderedCollectionPage.fromJson(json));
    }

    @Test
    void pageUriKeepsAnExistingQuery() {
        assertEquals("https://x.example/outbox?only=public&page=3",
                OrderedCollectionPage.pageUri("https://x.example/outbox?only=public", 3));
        assertThrows(IllegalArgumentException.class, () -> OrderedCollectionPage.pageUri(FOLLOWERS, 0));
    }

    @Test
    void readsMastodonRepliesCollectionPage() {
        JsonNode replies = Fixtures.parsed("mastodon/create-note-public.json").get("object").get("replies");
        OrderedCollection collection = OrderedCollection.fromJson(replies);
        assertEquals("https://mastodon.example/users/rosa/statuses/116205812345678901/replies", collection.id());
        assertNull(collection.first(), "an embedded first page without id has no URL to follow");
        JsonNode firstPage = replies.get("first").deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) firstPage).put("id", collection.id() + "?page=true");
        OrderedCollectionPage page = OrderedCollectionPage.fromJson(firstPage);
        assertEquals(collection.id(), page.partOf());
        assertTrue(page.next().endsWith("only_other_accounts=true&page=true"));
        assertTrue(page.orderedItems().isEmpty());
    }
}
