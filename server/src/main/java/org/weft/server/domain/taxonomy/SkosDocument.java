package org.weft.server.domain.taxonomy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The taxonomy as a SKOS concept scheme in JSON-LD, the form every instance serves at a stable URL so that other
 * software can resolve the category URIs it finds in {@code resourceClassifiedAs}.
 */
public final class SkosDocument {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SkosDocument() {
    }

    /**
     * Builds the document: a default {@code @graph} holding the concept scheme first, then one {@code skos:Concept}
     * per concept in data-file order.
     *
     * @param servedAtUrl where this instance serves the document, or {@code null}; recorded on the scheme as
     *                    {@code dcterms:source}. The scheme and concept ids stay the w3id URIs, the same on every
     *                    instance, because matching compares them.
     */
    public static ObjectNode toJsonLd(Taxonomy taxonomy, String servedAtUrl) {
        ObjectNode doc = NODES.objectNode();
        ObjectNode context = doc.putObject("@context");
        context.put("skos", "http://www.w3.org/2004/02/skos/core#");
        context.put("dcterms", "http://purl.org/dc/terms/");
        context.put("weft", "https://w3id.org/weft/ns#");
        ArrayNode graph = doc.putArray("@graph");
        String schemeId = schemeId();
        ObjectNode scheme = graph.addObject();
        scheme.put("@id", schemeId);
        scheme.put("@type", "skos:ConceptScheme");
        scheme.set("dcterms:title", langString("Weft mutual aid taxonomy", "en"));
        scheme.put("dcterms:hasVersion", Taxonomy.VERSION);
        if (servedAtUrl != null) {
            scheme.set("dcterms:source", idRef(servedAtUrl));
        }
        ArrayNode top = scheme.putArray("skos:hasTopConcept");
        taxonomy.topLevel().forEach(c -> top.add(idRef(c.uri())));
        for (Concept concept : taxonomy.all()) {
            graph.add(concept(taxonomy, concept, schemeId));
        }
        return doc;
    }

    /** The scheme URI: the base without its trailing {@code #}. */
    public static String schemeId() {
        return Taxonomy.BASE_URI.substring(0, Taxonomy.BASE_URI.length() - 1);
    }

    private static ObjectNode concept(Taxonomy taxonomy, Concept concept, String schemeId) {
        ObjectNode node = NODES.objectNode();
        node.put("@id", concept.uri());
        node.put("@type", "skos:Concept");
        node.set("skos:inScheme", idRef(schemeId));
        node.put("skos:notation", concept.hashtag());
        if (concept.sensitive()) {
            // Other instances may give such help the same care (narrower concepts inherit the mark).
            node.put("weft:sensitive", true);
        }
        ArrayNode prefLabels = node.putArray("skos:prefLabel");
        ArrayNode altLabels = node.putArray("skos:altLabel");
        for (String lang : Taxonomy.LANGUAGES) {
            prefLabels.add(langString(taxonomy.label(concept, lang), lang));
            concept.synonyms(lang).forEach(s -> altLabels.add(langString(s, lang)));
        }
        if (concept.isTopLevel()) {
            node.set("skos:topConceptOf", idRef(schemeId));
        } else {
            node.set("skos:broader", idRef(Taxonomy.BASE_URI + concept.broader()));
        }
        if (!concept.narrower().isEmpty()) {
            ArrayNode narrower = node.putArray("skos:narrower");
            concept.narrower().forEach(id -> narrower.add(idRef(Taxonomy.BASE_URI + id)));
        }
        if (!concept.related().isEmpty()) {
            ArrayNode related = node.putArray("skos:related");
            concept.related().forEach(id -> related.add(idRef(Taxonomy.BASE_URI + id)));
        }
        return node;
    }

    private static ObjectNode langString(String value, String lang) {
        ObjectNode node = NODES.objectNode();
        node.put("@value", value);
        node.put("@language", lang);
        return node;
    }

    private static ObjectNode idRef(String id) {
        ObjectNode node = NODES.objectNode();
        node.put("@id", id);
        return node;
    }
}
