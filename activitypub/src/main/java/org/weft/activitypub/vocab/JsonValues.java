package org.weft.activitypub.vocab;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.weft.activitypub.jsonld.MalformedActivityException;

/** Tolerant readers and tidy writers for the value shapes that vary between servers. */
final class JsonValues {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonValues() {
    }

    /** The id a value refers to: a string, an object's {@code id} (or a Link's {@code href}), an array's first. */
    static String idOf(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.isObject()) {
            String id = text(value, "id");
            return id != null ? id : text(value, "href");
        }
        if (value.isArray()) {
            for (JsonNode item : value) {
                String id = idOf(item);
                if (id != null) {
                    return id;
                }
            }
        }
        return null;
    }

    /** Every id in a value that may be one string, one object or an array of either. */
    static List<String> ids(JsonNode value) {
        List<String> ids = new ArrayList<>();
        if (value == null || value.isNull() || value.isMissingNode()) {
            return ids;
        }
        if (value.isArray()) {
            for (JsonNode item : value) {
                String id = idOf(item);
                if (id != null) {
                    ids.add(id);
                }
            }
        } else {
            String id = idOf(value);
            if (id != null) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** Addresses from {@code to}/{@code cc}/{@code audience}, with Public in its full spelling. */
    static List<String> addresses(JsonNode value) {
        return ids(value).stream().map(Vocab::normalizeAddress).toList();
    }

    /** A string field, or null when absent, null or not a string. */
    static String text(JsonNode parent, String field) {
        JsonNode value = parent.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    /** A string field that must be there. */
    static String required(JsonNode parent, String field, String what) {
        String value = idOf(parent.get(field));
        if (value == null || value.isBlank()) {
            throw invalid(what + " has no " + field);
        }
        return value;
    }

    /** A boolean field, with a default for absent or non-boolean values. */
    static boolean bool(JsonNode parent, String field, boolean fallback) {
        JsonNode value = parent.get(field);
        return value != null && value.isBoolean() ? value.asBoolean() : fallback;
    }

    /** An xsd:dateTime field, or null when absent or unreadable (a bad date is not worth refusing a document). */
    static Instant instant(JsonNode parent, String field) {
        String value = text(parent, field);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The first string of a {@code type}, which may be an array. */
    static String type(JsonNode parent) {
        JsonNode type = parent.get("type");
        if (type != null && type.isArray()) {
            for (JsonNode item : type) {
                if (item.isTextual()) {
                    return item.asText();
                }
            }
            return null;
        }
        return type != null && type.isTextual() ? type.asText() : null;
    }

    static void put(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    /** Writes an instant as Mastodon does, to the second: {@code 2026-01-05T00:00:00Z}. */
    static void put(ObjectNode node, String field, Instant value) {
        if (value != null) {
            node.put(field, value.truncatedTo(ChronoUnit.SECONDS).toString());
        }
    }

    static ArrayNode array(List<String> values) {
        ArrayNode array = NODES.arrayNode();
        values.forEach(array::add);
        return array;
    }

    static void requireObject(JsonNode node, String what) {
        if (node == null || !node.isObject()) {
            throw invalid(what + " is not a JSON object");
        }
    }

    static MalformedActivityException invalid(String message) {
        return new MalformedActivityException(MalformedActivityException.Reason.INVALID_SHAPE, message);
    }
}
