package org.weft.activitypub.webfinger;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One link of a JRD document.
 *
 * @param rel        the relation, e.g. {@code self}
 * @param type       the media type, or null
 * @param href       the target, or null when {@code template} is used
 * @param template   a URI template such as {@code …?uri={uri}}, or null
 * @param properties extra properties (Lemmy sends the actor type here); empty when none
 */
public record JrdLink(String rel, String type, String href, String template, Map<String, String> properties) {

    /** Checks the relation and copies the properties. */
    public JrdLink {
        Objects.requireNonNull(rel, "rel");
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }

    /**
     * A link with an href.
     *
     * @param rel  the relation
     * @param type the media type, or null
     * @param href the target
     * @return the link
     */
    public static JrdLink of(String rel, String type, String href) {
        return new JrdLink(rel, type, href, null, Map.of());
    }

    /**
     * Writes the link, leaving out absent parts (no explicit nulls).
     *
     * @return a fresh object
     */
    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("rel", rel);
        if (type != null) {
            node.put("type", type);
        }
        if (href != null) {
            node.put("href", href);
        }
        if (template != null) {
            node.put("template", template);
        }
        if (!properties.isEmpty()) {
            ObjectNode props = node.putObject("properties");
            properties.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> props.put(e.getKey(), e.getValue()));
        }
        return node;
    }

    /**
     * Reads a link, treating explicit nulls as absent.
     *
     * @param node a link object
     * @return the link, or null when it has no {@code rel}
     */
    static JrdLink fromJson(JsonNode node) {
        if (node == null || !node.isObject() || !node.path("rel").isTextual()) {
            return null;
        }
        Map<String, String> properties = new LinkedHashMap<>();
        JsonNode props = node.get("properties");
        if (props != null && props.isObject()) {
            props.properties().forEach(e -> {
                if (e.getValue().isTextual()) {
                    properties.put(e.getKey(), e.getValue().asText());
                }
            });
        }
        return new JrdLink(node.get("rel").asText(), text(node, "type"), text(node, "href"), text(node, "template"),
                properties);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }
}
