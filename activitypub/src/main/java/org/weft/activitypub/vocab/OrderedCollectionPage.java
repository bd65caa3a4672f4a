package org.weft.activitypub.vocab;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * One page of an {@link OrderedCollection}, served at {@code <collection>?page=N} (N from 1).
 *
 * @param id           this page's URL
 * @param partOf       the collection id
 * @param totalItems   the collection's size, or null to leave it out
 * @param next         the next page's URL, or null on the last page
 * @param prev         the previous page's URL, or null on the first page
 * @param orderedItems the items of this page (ids as text nodes, or objects)
 */
public record OrderedCollectionPage(String id, String partOf, Long totalItems, String next, String prev,
                                    List<JsonNode> orderedItems) {

    /** Checks the ids and copies the items. */
    public OrderedCollectionPage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(partOf, "partOf");
        orderedItems = orderedItems == null ? List.of() : List.copyOf(orderedItems);
    }

    /**
     * The URL of page {@code page} of a collection: {@code ?page=N}, or {@code &page=N} if it has a query.
     *
     * @param collectionId the collection id
     * @param page         the page number, from 1
     * @return the page URL
     */
    public static String pageUri(String collectionId, int page) {
        if (page < 1) {
            throw new IllegalArgumentException("pages are numbered from 1, got " + page);
        }
        return collectionId + (collectionId.contains("?") ? "&" : "?") + "page=" + page;
    }

    /**
     * Page {@code page} of a collection of {@code totalItems}, with {@code next} and {@code prev} worked out.
     *
     * @param collectionId the collection id
     * @param page         the page number, from 1
     * @param pageSize     items per page
     * @param totalItems   the collection's size
     * @param items        the items on this page
     * @return the page
     */
    public static OrderedCollectionPage of(String collectionId, int page, int pageSize, long totalItems,
                                           List<JsonNode> items) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("page size must be positive, got " + pageSize);
        }
        String next = (long) page * pageSize < totalItems ? pageUri(collectionId, page + 1) : null;
        String prev = page > 1 ? pageUri(collectionId, page - 1) : null;
        return new OrderedCollectionPage(pageUri(collectionId, page), collectionId, totalItems, next, prev, items);
    }

    /**
     * Turns ids into items.
     *
     * @param ids object or actor ids
     * @return text nodes
     */
    public static List<JsonNode> idItems(List<String> ids) {
        return ids.stream().<JsonNode>map(TextNode::valueOf).toList();
    }

    /**
     * Writes the page document.
     *
     * @return the document with the AS context
     */
    public ObjectNode toJson() {
        ObjectNode node = JsonValues.NODES.objectNode();
        node.set("@context", Contexts.activityStreams());
        node.put("id", id);
        node.put("type", "OrderedCollectionPage");
        node.put("partOf", partOf);
        if (totalItems != null) {
            node.put("totalItems", totalItems);
        }
        JsonValues.put(node, "next", next);
        JsonValues.put(node, "prev", prev);
        node.putArray("orderedItems").addAll(orderedItems.stream().<JsonNode>map(JsonNode::deepCopy).toList());
        return node;
    }

    /**
     * Reads a page; an unordered {@code CollectionPage} with {@code items} is read the same way.
     *
     * @param node a page document
     * @return the page
     */
    public static OrderedCollectionPage fromJson(JsonNode node) {
        JsonValues.requireObject(node, "collection page");
        JsonNode total = node.get("totalItems");
        return new OrderedCollectionPage(JsonValues.required(node, "id", "collection page"),
                JsonValues.required(node, "partOf", "collection page"),
                total != null && total.canConvertToLong() ? total.asLong() : null,
                JsonValues.idOf(node.get("next")), JsonValues.idOf(node.get("prev")), items(node));
    }

    static List<JsonNode> items(JsonNode node) {
        JsonNode items = node.has("orderedItems") ? node.get("orderedItems") : node.get("items");
        List<JsonNode> list = new ArrayList<>();
        if (items != null && items.isArray()) {
            items.forEach(item -> list.add(item.deepCopy()));
        } else if (items != null && !items.isNull()) {
            list.add(items.deepCopy());
        }
        return list;
    }
}
