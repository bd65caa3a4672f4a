package org.weft.activitypub.vocab;

import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * The {@code object} (or {@code target}) of an activity: always an id, and the embedded object when the sender
 * included one. Mastodon sends a bare URI for Like and Announce and an embedded Follow in Accept and Undo; both
 * arrive here in the same shape.
 *
 * @param id       the referenced object's id (null only for an embedded object that has none)
 * @param embedded the object as sent, when it was embedded
 */
public record ObjectRef(String id, Optional<JsonNode> embedded) {

    /** Checks that the reference names something. */
    public ObjectRef {
        Objects.requireNonNull(embedded, "embedded");
        if (id == null && embedded.isEmpty()) {
            throw new IllegalArgumentException("an object reference needs an id or an embedded object");
        }
    }

    /**
     * A reference by id only.
     *
     * @param id the object id
     * @return the reference
     */
    public static ObjectRef of(String id) {
        return new ObjectRef(Objects.requireNonNull(id, "id"), Optional.empty());
    }

    /**
     * A reference that embeds the object.
     *
     * @param object the object, whose {@code id} becomes the reference's id
     * @return the reference
     */
    public static ObjectRef embed(JsonNode object) {
        JsonValues.requireObject(object, "embedded object");
        return new ObjectRef(JsonValues.text(object, "id"), Optional.of(object.deepCopy()));
    }

    /**
     * Reads an {@code object} value: a string, an object, a Link ({@code href}), or an array, of which only the
     * first entry is kept (the full array stays in the activity's raw JSON, e.g. for Flag).
     *
     * @param value the value, possibly null
     * @return the reference, or null when the value names nothing
     */
    public static ObjectRef fromJson(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        JsonNode first = value;
        if (value.isArray()) {
            if (value.isEmpty()) {
                return null;
            }
            first = value.get(0);
        }
        if (first.isTextual()) {
            return of(first.asText());
        }
        if (first.isObject()) {
            String id = JsonValues.idOf(first);
            boolean bareLink = id != null && !first.has("id") && "Link".equals(JsonValues.type(first));
            return bareLink ? of(id) : new ObjectRef(id, Optional.of(first.deepCopy()));
        }
        return null;
    }

    /**
     * Whether the object was sent embedded.
     *
     * @return true when {@link #embedded()} is present
     */
    public boolean isEmbedded() {
        return embedded.isPresent();
    }

    /**
     * The embedded object's {@code type}.
     *
     * @return the type, or empty for a bare id
     */
    public Optional<String> type() {
        return embedded.map(JsonValues::type);
    }

    /**
     * Writes the value for an activity's {@code object}: the embedded object, or the id as a string.
     *
     * @return a fresh node
     */
    public JsonNode toJson() {
        return embedded.<JsonNode>map(JsonNode::deepCopy).orElseGet(() -> TextNode.valueOf(id));
    }
}
