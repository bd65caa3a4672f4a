package org.weft.server.domain.taxonomy;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.weft.activitypub.jsonld.PlainJson;

/** Turns the JSON data file into concepts; structural checks happen in {@link TaxonomyValidator}. */
final class TaxonomyReader {


    private TaxonomyReader() {
    }

    /** The raw concepts of a taxonomy file, narrower links filled in from the broader ones. */
    static List<Concept> read(InputStream in) {
        JsonNode root;
        try {
            root = PlainJson.read(in);
        } catch (IOException e) {
            throw new InvalidTaxonomyException("taxonomy data is not valid JSON: " + e.getMessage(), e);
        }
        JsonNode concepts = root.path("concepts");
        if (!concepts.isArray() || concepts.isEmpty()) {
            throw new InvalidTaxonomyException("taxonomy data has no \"concepts\" array");
        }
        List<JsonNode> nodes = new ArrayList<>();
        concepts.forEach(nodes::add);
        Map<String, List<String>> children = new LinkedHashMap<>();
        for (JsonNode node : nodes) {
            String broader = textOrNull(node, "broader");
            if (broader != null) {
                children.computeIfAbsent(broader, k -> new ArrayList<>()).add(node.path("id").asText());
            }
        }
        List<Concept> result = new ArrayList<>();
        for (JsonNode node : nodes) {
            String id = requiredText(node, "id");
            result.add(new Concept(id, Taxonomy.BASE_URI + id, requiredText(node, "hashtag"), textOrNull(node, "broader"),
                    children.getOrDefault(id, List.of()), labels(node.path("labels")), synonyms(node.path("synonyms")),
                    node.path("sensitive").asBoolean(false)));
        }
        return result;
    }

    private static Map<String, String> labels(JsonNode node) {
        Map<String, String> labels = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }

    private static Map<String, List<String>> synonyms(JsonNode node) {
        Map<String, List<String>> synonyms = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            List<String> words = new ArrayList<>();
            e.getValue().forEach(w -> words.add(w.asText()));
            synonyms.put(e.getKey(), words);
        });
        return synonyms;
    }

    private static String requiredText(JsonNode node, String field) {
        String value = textOrNull(node, field);
        if (value == null || value.isBlank()) {
            throw new InvalidTaxonomyException("a concept has no \"" + field + "\": " + node);
        }
        return value;
    }

    private static String textOrNull(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
