package org.weft.activitypub.vocab;

import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What remains of a deleted object: served with status 410 at its URL and embedded in the Delete.
 *
 * @param id         the deleted object's id
 * @param formerType what it was, e.g. {@code Note}, or null
 * @param deleted    when it was deleted, or null
 */
public record Tombstone(String id, String formerType, Instant deleted) {

    /** Checks the id is there. */
    public Tombstone {
        Objects.requireNonNull(id, "id");
    }

    /**
     * A tombstone for a deleted object.
     *
     * @param id         the deleted object's id
     * @param formerType what it was, or null
     * @param deleted    when, or null
     * @return the tombstone
     */
    public static Tombstone of(String id, String formerType, Instant deleted) {
        return new Tombstone(id, formerType, deleted);
    }

    /**
     * Writes the tombstone document.
     *
     * @return {@code {@context, id, type: Tombstone, formerType, deleted}}
     */
    public ObjectNode toJson() {
        ObjectNode node = JsonValues.NODES.objectNode();
        node.set("@context", Contexts.activityStreams());
        node.put("id", id);
        node.put("type", "Tombstone");
        JsonValues.put(node, "formerType", formerType);
        JsonValues.put(node, "deleted", deleted);
        return node;
    }

    /**
     * Reads a tombstone.
     *
     * @param node a {@code Tombstone} object
     * @return the tombstone
     * @throws org.weft.activitypub.jsonld.MalformedActivityException if it has no id or is not a Tombstone
     */
    public static Tombstone fromJson(JsonNode node) {
        JsonValues.requireObject(node, "tombstone");
        if (!"Tombstone".equals(JsonValues.type(node))) {
            throw JsonValues.invalid("not a Tombstone: " + node.get("type"));
        }
        return new Tombstone(JsonValues.required(node, "id", "tombstone"), JsonValues.text(node, "formerType"),
                JsonValues.instant(node, "deleted"));
    }
}
