package org.weft.activitypub.vocab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/** The {@code @context} values Weft writes. Each call returns a fresh node that the caller may change. */
public final class Contexts {

    private Contexts() {
    }

    /**
     * The plain ActivityStreams context, enough for activities whose objects are referenced by id.
     *
     * @return the context URL as a text node
     */
    public static JsonNode activityStreams() {
        return TextNode.valueOf(Vocab.AS_CONTEXT);
    }

    /**
     * The actor context: AS2, security/v1 and the Mastodon terms of interop.md §2 ({@code toot:} discoverable,
     * indexable, featured, featuredTags; {@code as:} manuallyApprovesFollowers, sensitive, Hashtag, movedTo,
     * alsoKnownAs; {@code schema:} PropertyValue, value) plus FEP-2c59 {@code webfinger}.
     *
     * @return a new array node
     */
    public static ArrayNode actor() {
        ArrayNode context = JsonValues.NODES.arrayNode();
        context.add(Vocab.AS_CONTEXT).add(Vocab.SECURITY_CONTEXT);
        ObjectNode terms = context.addObject();
        terms.put("manuallyApprovesFollowers", "as:manuallyApprovesFollowers");
        terms.put("toot", "http://joinmastodon.org/ns#");
        idTerm(terms, "featured", "toot:featured");
        idTerm(terms, "featuredTags", "toot:featuredTags");
        idTerm(terms, "alsoKnownAs", "as:alsoKnownAs");
        idTerm(terms, "movedTo", "as:movedTo");
        terms.put("schema", "http://schema.org#");
        terms.put("PropertyValue", "schema:PropertyValue");
        terms.put("value", "schema:value");
        terms.put("discoverable", "toot:discoverable");
        terms.put("indexable", "toot:indexable");
        terms.put("sensitive", "as:sensitive");
        terms.put("Hashtag", "as:Hashtag");
        terms.put("webfinger", "https://purl.archive.org/socialweb/webfinger#webfinger");
        return context;
    }

    /**
     * The proposal context of object-model.md: AS2, security/v1 and the ValueFlows, OM2 and Weft terms.
     *
     * @return a new array node
     */
    public static ArrayNode weft() {
        ArrayNode context = JsonValues.NODES.arrayNode();
        context.add(Vocab.AS_CONTEXT).add(Vocab.SECURITY_CONTEXT);
        ObjectNode terms = context.addObject();
        terms.put("vf", "https://w3id.org/valueflows/ont/vf#");
        terms.put("om2", "http://www.ontology-of-units-of-measure.org/resource/om-2/");
        terms.put("weft", "https://w3id.org/weft/ns#");
        terms.put("Hashtag", "as:Hashtag");
        terms.put("sensitive", "as:sensitive");
        // Same terms in the same order as object-model.md, so a byte-for-byte comparison with the spec holds.
        for (String term : new String[] {"purpose", "publishes", "reciprocal", "unitBased", "Intent", "action"}) {
            terms.put(term, "vf:" + term);
        }
        idTerm(terms, "resourceClassifiedAs", "vf:resourceClassifiedAs");
        idTerm(terms, "resourceConformsTo", "vf:resourceConformsTo");
        for (String term : new String[] {"resourceQuantity", "availableQuantity", "minimumQuantity", "hasEnd",
            "finished"}) {
            terms.put(term, "vf:" + term);
        }
        terms.put("hasUnit", "om2:hasUnit");
        terms.put("hasNumericalValue", "om2:hasNumericalValue");
        terms.put("status", "weft:status");
        terms.put("areaCode", "weft:areaCode");
        return context;
    }

    /**
     * The context of FEP-0837 responses: {@link #weft()} plus the ValueFlows {@code Agreement}, {@code Commitment},
     * {@code stipulates}, {@code stipulatesReciprocal} and {@code satisfies} (an id).
     *
     * @return a new array node
     */
    public static ArrayNode agreement() {
        ArrayNode context = weft();
        ObjectNode terms = (ObjectNode) context.get(2);
        terms.put("Agreement", "vf:Agreement");
        terms.put("Commitment", "vf:Commitment");
        terms.put("stipulates", "vf:stipulates");
        terms.put("stipulatesReciprocal", "vf:stipulatesReciprocal");
        idTerm(terms, "satisfies", "vf:satisfies");
        return context;
    }

    private static void idTerm(ObjectNode terms, String name, String iri) {
        ObjectNode definition = terms.putObject(name);
        definition.put("@id", iri);
        definition.put("@type", "@id");
    }
}
