package org.weft.activitypub.vocab;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An activity as sent or received: Follow, Accept, Undo, Create, Delete, Announce, Like and the rest.
 *
 * <p>{@code raw} is the full document. For a received activity it is exactly what arrived (so a group can Announce
 * it unchanged, FEP-1b12); for one built here it is generated from the other components. {@link #toJson()}
 * returns a copy of it.
 *
 * @param id        the activity id
 * @param type      the activity type as sent (unknown types are kept, so they can be acknowledged and ignored)
 * @param actor     the id of the actor that performed it
 * @param object    what it acts on, or null (some activities have none)
 * @param target    the {@code target}, or null
 * @param to        primary addressees, Public spelt in full
 * @param cc        secondary addressees, Public spelt in full
 * @param published when it was published, or null
 * @param raw       the whole document
 */
public record Activity(String id, String type, String actor, ObjectRef object, ObjectRef target, List<String> to,
                       List<String> cc, Instant published, JsonNode raw) {

    /** Checks the required parts and builds {@code raw} when none is given. */
    public Activity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(actor, "actor");
        to = to == null ? List.of() : to.stream().map(Vocab::normalizeAddress).toList();
        cc = cc == null ? List.of() : cc.stream().map(Vocab::normalizeAddress).toList();
        raw = raw == null ? build(id, type, actor, object, target, to, cc, published) : raw.deepCopy();
    }

    /**
     * Reads a received activity, tolerating an actor given as an object or array, {@code to}/{@code cc} as a
     * string or array, and an array {@code type} (the first entry is kept).
     *
     * @param node a parsed activity
     * @return the activity
     * @throws org.weft.activitypub.jsonld.MalformedActivityException if id, type or actor is missing
     */
    public static Activity fromJson(JsonNode node) {
        JsonValues.requireObject(node, "activity");
        String id = JsonValues.required(node, "id", "activity");
        String type = JsonValues.type(node);
        if (type == null) {
            throw JsonValues.invalid("activity " + id + " has no type");
        }
        return new Activity(id, type, JsonValues.required(node, "actor", "activity " + id),
                ObjectRef.fromJson(node.get("object")), ObjectRef.fromJson(node.get("target")),
                JsonValues.addresses(node.get("to")), JsonValues.addresses(node.get("cc")),
                JsonValues.instant(node, "published"), node);
    }

    /**
     * The document to send.
     *
     * @return a copy of {@link #raw()}
     */
    public ObjectNode toJson() {
        return (ObjectNode) raw.deepCopy();
    }

    /**
     * The embedded object read as an activity, for Accept, Reject and Undo.
     *
     * @return the inner activity, or empty when the object is a bare id or not a readable activity
     */
    public Optional<Activity> objectAsActivity() {
        if (object == null || object.embedded().isEmpty()) {
            return Optional.empty();
        }
        JsonNode inner = object.embedded().get();
        if (!inner.hasNonNull("id") || !inner.hasNonNull("actor") || JsonValues.type(inner) == null) {
            return Optional.empty();
        }
        return Optional.of(fromJson(inner));
    }

    /**
     * The FEP-1b12 {@code audience}, read from the raw document.
     *
     * @return the audience ids, possibly empty
     */
    public List<String> audience() {
        return JsonValues.addresses(raw.get("audience"));
    }

    /**
     * Whether Public is among {@code to} or {@code cc}.
     *
     * @return true for public and unlisted activities
     */
    public boolean isPublic() {
        return to.contains(Vocab.PUBLIC) || cc.contains(Vocab.PUBLIC);
    }

    /**
     * Every addressee, {@code to} then {@code cc}, without duplicates.
     *
     * @return the addressees
     */
    public List<String> addressees() {
        List<String> all = new ArrayList<>(to);
        cc.stream().filter(a -> !all.contains(a)).forEach(all::add);
        return List.copyOf(all);
    }

    /**
     * A copy with other addressing. The copy's JSON is rebuilt from the components.
     *
     * @param newTo the new {@code to}
     * @param newCc the new {@code cc}
     * @return the copy
     */
    public Activity withAddressing(List<String> newTo, List<String> newCc) {
        return new Activity(id, type, actor, object, target, newTo, newCc, published, null);
    }

    /**
     * A copy with a publication time. The copy's JSON is rebuilt from the components.
     *
     * @param when the time
     * @return the copy
     */
    public Activity withPublished(Instant when) {
        return new Activity(id, type, actor, object, target, to, cc, when, null);
    }

    /**
     * This activity as it is embedded in an Accept, Reject or Undo: no {@code @context}, and {@code actor} and
     * {@code object} as plain ids, which every server accepts (interop.md §4).
     *
     * @return a fresh object
     */
    public ObjectNode toEmbeddedJson() {
        ObjectRef plainObject = object == null || object.id() == null ? object : ObjectRef.of(object.id());
        ObjectNode node = build(id, type, actor, plainObject, target, to, cc, published);
        node.remove("@context");
        return node;
    }

    private static ObjectNode build(String id, String type, String actor, ObjectRef object, ObjectRef target,
                                    List<String> to, List<String> cc, Instant published) {
        ObjectNode node = JsonValues.NODES.objectNode();
        JsonNode context = Contexts.activityStreams();
        node.set("@context", context);
        node.put("id", id);
        node.put("type", type);
        node.put("actor", actor);
        if (object != null) {
            JsonNode value = object.toJson();
            if (value.isObject() && value.has("@context")) {
                // An embedded object's context (actor terms, Weft terms) must apply to the whole document.
                node.set("@context", ((ObjectNode) value).remove("@context"));
            }
            node.set("object", value);
        }
        if (target != null) {
            node.set("target", target.toJson());
        }
        if (!to.isEmpty()) {
            node.set("to", JsonValues.array(to));
        }
        if (!cc.isEmpty()) {
            node.set("cc", JsonValues.array(cc));
        }
        JsonValues.put(node, "published", published);
        return node;
    }
}
