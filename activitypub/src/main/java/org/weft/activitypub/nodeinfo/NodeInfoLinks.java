package org.weft.activitypub.nodeinfo;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The {@code /.well-known/nodeinfo} index: where the NodeInfo documents and the instance actor are. */
public final class NodeInfoLinks {

    /** FEP-2677: the relation of the link to the instance (application) actor. */
    public static final String REL_APPLICATION_ACTOR = "https://www.w3.org/ns/activitystreams#Application";

    private NodeInfoLinks() {
    }

    /**
     * The index with both schema links and the FEP-2677 instance-actor link.
     *
     * @param nodeInfo20Url   where the 2.0 document is served
     * @param nodeInfo21Url   where the 2.1 document is served
     * @param instanceActorId the instance actor id
     * @return {@code {links: [...]}}
     */
    public static ObjectNode document(String nodeInfo20Url, String nodeInfo21Url, String instanceActorId) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        ArrayNode links = node.putArray("links");
        links.addObject().put("rel", NodeInfoVersion.V2_0.rel()).put("href", nodeInfo20Url);
        links.addObject().put("rel", NodeInfoVersion.V2_1.rel()).put("href", nodeInfo21Url);
        links.addObject().put("rel", REL_APPLICATION_ACTOR).put("href", instanceActorId);
        return node;
    }

    /**
     * The index for documents at {@code <origin>/nodeinfo/2.0} and {@code <origin>/nodeinfo/2.1}.
     *
     * @param origin          e.g. {@code https://camp.weft.test}
     * @param instanceActorId the instance actor id
     * @return {@code {links: [...]}}
     */
    public static ObjectNode forOrigin(String origin, String instanceActorId) {
        String base = origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin;
        return document(base + "/nodeinfo/2.0", base + "/nodeinfo/2.1", instanceActorId);
    }

    /**
     * The href of the first link with a relation in a peer's index.
     *
     * @param index the parsed index document
     * @param rel   the relation
     * @return the href, if present
     */
    public static Optional<String> href(JsonNode index, String rel) {
        for (JsonNode link : index.path("links")) {
            if (rel.equals(link.path("rel").asText()) && link.path("href").isTextual()) {
                return Optional.of(link.get("href").asText());
            }
        }
        return Optional.empty();
    }

    /**
     * The newest NodeInfo document a peer links to (2.1 over 2.0).
     *
     * @param index the parsed index document
     * @return its URL, if the peer links any version Weft reads
     */
    public static Optional<String> newestDocument(JsonNode index) {
        return href(index, NodeInfoVersion.V2_1.rel()).or(() -> href(index, NodeInfoVersion.V2_0.rel()));
    }
}
