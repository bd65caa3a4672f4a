package org.weft.activitypub.vocab;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An {@code OrderedCollection}: an outbox, followers, following or featured collection.
 *
 * <p>Large collections give {@code totalItems} and a {@code first} page (Mastodon shows lists without {@code first}
 * as hidden); small ones such as {@code featured} may list {@code orderedItems} inline.
 *
 * @param id           the collection id
 * @param totalItems   how many items it holds
 * @param first        the first page's URL, or null
 * @param last         the last page's URL, or null
 * @param orderedItems inline items (ids as text nodes, or objects); empty when the collection is paged
 */
public record OrderedCollection(String id, long totalItems, String first, String last, List<JsonNode> orderedItems) {

    /** Checks the id and copies the items. */
    public OrderedCollection {
        Objects.requireNonNull(id, "id");
        orderedItems = orderedItems == null ? List.of() : List.copyOf(orderedItems);
    }

    /**
     * A paged collection whose first page is {@code id?page=1} (see {@link OrderedCollectionPage#pageUri}).
     *
     * @param id         the collection id
     * @param totalItems how many items it holds
     * @return the collection, with {@code first} set when there is anything to page through
     */
    public static OrderedCollection paged(String id, long totalItems) {
        return new OrderedCollection(id, totalItems, OrderedCollectionPage.pageUri(id, 1), null, List.of());
    }

    /**
     * A collection that lists its items inline.
     *
     * @param id    the collection id
     * @param items the items
     * @return the collection
     */
    public static OrderedCollection inline(String id, List<JsonNode> items) {
        return new OrderedCollection(id, items.size(), null, null, items);
    }

    /**
     * Writes the collection document.
     *
     * @return the document with the AS context
     */
    public ObjectNode toJson() {
        ObjectNode node = JsonValues.NODES.objectNode();
        node.set("@context", Contexts.activityStreams());
        node.put("id", id);
        node.put("type", "OrderedCollection");
        node.put("totalItems", totalItems);
        JsonValues.put(node, "first", first);
        JsonValues.put(node, "last", last);
        if (!orderedItems.isEmpty() || (first == null && totalItems == 0)) {
            node.putArray("orderedItems").addAll(orderedItems.stream().<JsonNode>map(JsonNode::deepCopy).toList());
        }
        return node;
    }

    /**
     * Reads a collection; an unordered {@code Collection} with {@code items} is read the same way.
     *
     * @param node a collection document
     * @return the collection ({@code totalItems} is 0 when not given)
     */
    public static OrderedCollection fromJson(JsonNode node) {
        JsonValues.requireObject(node, "collection");
        JsonNode total = node.get("totalItems");
        return new OrderedCollection(JsonValues.required(node, "id", "collection"),
                total != null && total.canConvertToLong() ? total.asLong() : 0,
                JsonValues.idOf(node.get("first")), JsonValues.idOf(node.get("last")),
                OrderedCollectionPage.items(node));
    }
}
