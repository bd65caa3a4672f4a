package org.weft.server.api;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.weft.server.http.HtmlSafeJson;

/**
 * The API's one JSON mapper. Reading is strict (a repeated key or text after the document is an
 * error, numbers keep their exact decimal value); writing escapes {@code < > & '} as {@code \u003c}…,
 * so a member's "&lt;script&gt;" cannot turn into markup even in a client that pastes JSON into a page,
 * while every parser still reads back exactly what the member wrote.
 */
final class ApiJson {
    static final ObjectMapper MAPPER = mapper();

    private ApiJson() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static byte[] write(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write JSON", e);
        }
    }

    private static ObjectMapper mapper() {
        ObjectMapper mapper = JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .build();
        mapper.getFactory().setCharacterEscapes(HtmlSafeJson.escapes());
        return mapper;
    }
}
