package org.weft.activitypub.jsonld;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The context documents shipped inside the jar (Weft never fetches a context), and what can be learnt from them:
 * the IRI every ActivityStreams and security term stands for, and Weft's own compaction context.
 */
final class BundledContexts {


    /** Context URL (canonical https spelling) to the JSON text of the document served there. */
    static final Map<String, String> DOCUMENTS = Map.of(
            ContextUrls.ACTIVITY_STREAMS, resource("activitystreams.jsonld"),
            ContextUrls.SECURITY_V1, resource("security-v1.jsonld"),
            ContextUrls.LEMMY, resource("lemmy-context.jsonld"));

    /** Term name to absolute IRI (or keyword) for every term of the ActivityStreams and security/v1 contexts. */
    static final Map<String, String> CORE_TERMS = coreTerms();

    /** The reverse of {@link #CORE_TERMS}: which names may stand for an IRI. */
    static final Map<String, Set<String>> CORE_NAMES_BY_IRI = namesByIri(CORE_TERMS);

    /** Weft's term map (object-model.md plus the Mastodon actor terms), as an inline context object. */
    static final ObjectNode WEFT_TERMS = (ObjectNode) readTree(resource("weft-terms.json"));

    private BundledContexts() {
    }

    /**
     * The context Weft compacts oddly-shaped documents against: AS2, security/v1 and the Weft term map, the same
     * context Weft itself emits.
     */
    static List<Object> weftContext() {
        return List.of(ContextUrls.ACTIVITY_STREAMS, ContextUrls.SECURITY_V1,
                PlainJson.toMap(WEFT_TERMS));
    }

    /**
     * Resolves a term definition (a string or an object with {@code @id}) to an absolute IRI, expanding a
     * {@code prefix:suffix} through the local map first and then the core prefixes.
     *
     * @return the IRI or keyword, or {@code null} when the definition names none
     */
    static String iriOf(JsonNode definition, JsonNode localMap) {
        JsonNode id = definition.isObject() ? definition.get("@id") : definition;
        if (id == null || !id.isTextual()) {
            return null;
        }
        String value = id.asText();
        int colon = value.indexOf(':');
        if (value.startsWith("@") || colon <= 0 || value.startsWith("_:") || value.contains("://")) {
            return value;
        }
        String prefix = value.substring(0, colon);
        JsonNode local = localMap == null ? null : localMap.get(prefix);
        String base = local != null && local.isTextual() ? local.asText() : CORE_TERMS.get(prefix);
        return base == null ? value : base + value.substring(colon + 1);
    }

    private static Map<String, String> coreTerms() {
        Map<String, String> terms = new HashMap<>();
        for (String url : List.of(ContextUrls.ACTIVITY_STREAMS, ContextUrls.SECURITY_V1)) {
            JsonNode map = readTree(DOCUMENTS.get(url)).get("@context");
            map.properties().forEach(e -> {
                if (!e.getKey().startsWith("@")) {
                    terms.put(e.getKey(), iriOf(e.getValue(), map));
                }
            });
        }
        return Map.copyOf(terms);
    }

    private static Map<String, Set<String>> namesByIri(Map<String, String> terms) {
        Map<String, Set<String>> byIri = new HashMap<>();
        terms.forEach((name, iri) -> byIri.computeIfAbsent(iri, k -> new HashSet<>()).add(name));
        return Map.copyOf(byIri);
    }

    private static JsonNode readTree(String json) {
        try {
            return PlainJson.read(json);
        } catch (IOException e) {
            throw new UncheckedIOException("bundled context is not JSON", e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = BundledContexts.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing bundled context " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An empty inline context, what an unknown context URL is taken to mean. */
    static ObjectNode emptyContext() {
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        doc.putObject("@context");
        return doc;
    }
}
