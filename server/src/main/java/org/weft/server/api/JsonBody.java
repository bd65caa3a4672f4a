package org.weft.server.api;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import org.weft.server.domain.DomainException;
import org.weft.server.model.ControlCharacters;
import org.weft.server.model.LineBreaks;

/**
 * A request's JSON object, read with the API's limits (64 KiB, {@code application/json}) and read
 * field by field with errors that name the field. {@code null} counts as absent, so clients may send
 * every field and leave the ones they do not mean as {@code null}.
 */
final class JsonBody {
    static final int MAX_BYTES = 64 * 1024;

    private final ObjectNode object;
    private final String prefix;

    private JsonBody(ObjectNode object, String prefix) {
        this.object = object;
        this.prefix = prefix;
    }

    /** The body as a JSON object; fields outside {@code allowed} are refused. */
    static JsonBody read(ServerRequest req, Set<String> allowed) {
        JsonBody body = new JsonBody(parse(readCapped(req, true)), "");
        body.allowOnly(allowed);
        return body;
    }

    /** As {@link #read}, but an empty body (no content at all) is an empty object: for actions with optional input. */
    static JsonBody readOptional(ServerRequest req, Set<String> allowed) {
        byte[] bytes = readCapped(req, false);
        if (bytes.length == 0) {
            return new JsonBody(ApiJson.object(), "");
        }
        JsonBody body = new JsonBody(parse(bytes), "");
        body.allowOnly(allowed);
        return body;
    }

    boolean has(String field) {
        JsonNode node = object.get(field);
        return node != null && !node.isNull();
    }

    /**
     * A string field as the pages' forms read it (ui.Forms): without the control characters no one types, and with its
     * line breaks as LF, so a text counts, and is stored, the same whether a page or a program sent it.
     */
    String text(String field) {
        return value(field, JsonNode::isTextual, "api.type.string", node -> typed(node.textValue()));
    }

    private static String typed(String text) {
        return LineBreaks.unify(ControlCharacters.strip(text));
    }

    Boolean bool(String field) {
        return value(field, JsonNode::isBoolean, "api.type.boolean", JsonNode::booleanValue);
    }

    BigDecimal decimal(String field) {
        return value(field, JsonNode::isNumber, "api.type.number", JsonNode::decimalValue);
    }

    Double number(String field) {
        BigDecimal value = decimal(field);
        return value == null ? null : value.doubleValue();
    }

    /** An instant in ISO 8601 with an offset: {@code 2030-05-01T18:00:00Z} or {@code …+03:00}. */
    Instant instant(String field) {
        String text = text(field);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.badField(name(field), "field_date_time", name(field));
        }
    }

    /** One of a fixed set of lower-case words, e.g. a purpose or a status. */
    <T> T word(String field, Function<String, Optional<T>> parse, String choices) {
        String text = text(field);
        if (text == null) {
            return null;
        }
        return parse.apply(text.toLowerCase(Locale.ROOT))
                .orElseThrow(() -> ApiException.badField(name(field), "field_choice", name(field), choices));
    }

    List<String> textList(String field) {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw wrongType(field, "api.type.textList");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                throw wrongType(field, "api.type.textList");
            }
            values.add(typed(item.textValue()));
        }
        return values;
    }

    /** A list of whole numbers (ids). */
    List<Long> longList(String field) {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        List<Long> values = new ArrayList<>();
        if (node.isArray()) {
            for (JsonNode item : node) {
                if (!item.canConvertToExactIntegral() || !item.canConvertToLong()) {
                    throw wrongType(field, "api.type.idList");
                }
                values.add(item.longValue());
            }
            return values;
        }
        throw wrongType(field, "api.type.idList");
    }

    /** A nested object, read with the same rules; its fields are reported as {@code outer.inner}. */
    JsonBody object(String field, Set<String> allowed) {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw wrongType(field, "api.type.object");
        }
        JsonBody nested = new JsonBody((ObjectNode) node, name(field) + ".");
        nested.allowOnly(allowed);
        return nested;
    }

    /** The names of a nested object's fields, for maps keyed by the client (e.g. language tags). */
    Iterable<String> fieldNames() {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    String name(String field) {
        return prefix + field;
    }

    private void allowOnly(Set<String> allowed) {
        if (allowed == null) {
            return;
        }
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw ApiException.badField(name(name), "field_unknown", name(name),
                        String.join(", ", new TreeSet<>(allowed)));
            }
        }
    }

    private <T> T value(String field, Predicate<JsonNode> isRightType, String type,
                        Function<JsonNode, T> read) {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!isRightType.test(node)) {
            throw wrongType(field, type);
        }
        return read.apply(node);
    }

    /** @param type the key of the expected type's words ({@code api.type.string}, …) */
    ApiException wrongType(String field, String type) {
        return ApiException.badField(name(field), "field_type", name(field), new DomainException.Term(type));
    }

    private static byte[] readCapped(ServerRequest req, boolean required) {
        long declared = req.headers().contentLength().orElse(-1);
        if (declared > MAX_BYTES) {
            throw ApiException.of(Status.REQUEST_ENTITY_TOO_LARGE_413, "body_too_large", MAX_BYTES);
        }
        if (!required && declared == 0 || !required && declared < 0 && !req.content().hasEntity()) {
            return new byte[0];
        }
        String contentType = req.headers().first(HeaderNames.CONTENT_TYPE).orElse("");
        String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json")) {
            throw ApiException.of(Status.UNSUPPORTED_MEDIA_TYPE_415, "content_type_unsupported", contentType);
        }
        try (InputStream in = req.content().inputStream()) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw ApiException.of(Status.REQUEST_ENTITY_TOO_LARGE_413, "body_too_large", MAX_BYTES);
            }
            return bytes;
        } catch (IOException e) {
            throw ApiException.badRequest("body_unreadable");
        }
    }

    private static ObjectNode parse(byte[] bytes) {
        JsonNode node;
        try {
            node = ApiJson.MAPPER.readTree(bytes);
        } catch (JacksonException e) {
            throw ApiException.badRequest("json_invalid");
        } catch (IOException e) {
            throw ApiException.badRequest("body_unreadable");
        }
        if (node == null || node.isMissingNode() || !node.isObject()) {
            throw ApiException.badRequest("json_not_object");
        }
        return (ObjectNode) node;
    }
}
