package org.weft.activitypub.jsonld;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Plain JSON with Jackson's defaults and no JSON-LD processing, one mapper for the protocol library and the server:
 * what Weft wrote or checked itself (stored activities, bundled contexts, the taxonomy, a proposal's translations),
 * documents fetched from other servers, and the JSON of replies. The mapper stays private so nobody reconfigures it
 * for everyone. Two readers differ on purpose and keep their own: a body posted to an inbox goes through
 * {@link JsonLdCodec} (size and depth limits), and the member API reads and writes strictly ({@code api.ApiJson}).
 */
public final class PlainJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PlainJson() {
    }

    public static JsonNode read(String json) throws JsonProcessingException {
        return MAPPER.readTree(json);
    }

    public static JsonNode read(byte[] json) throws IOException {
        return MAPPER.readTree(json);
    }

    public static JsonNode read(InputStream json) throws IOException {
        return MAPPER.readTree(json);
    }

    /** The node as compact UTF-8 JSON. */
    public static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Cannot write JSON", e);
        }
    }

    /** The node as plain Java maps, lists, strings and numbers (what jsonld-java takes). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> toMap(JsonNode node) {
        return MAPPER.convertValue(node, Map.class);
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static ArrayNode array() {
        return MAPPER.createArrayNode();
    }
}
