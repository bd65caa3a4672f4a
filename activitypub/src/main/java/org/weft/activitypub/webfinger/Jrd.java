package org.weft.activitypub.webfinger;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.weft.activitypub.jsonld.MalformedActivityException;
import org.weft.activitypub.vocab.MediaTypes;

/**
 * A JSON Resource Descriptor, the body of a WebFinger answer (served as {@code application/jrd+json}).
 *
 * @param subject the resource described; Mastodon refuses a JRD without one
 * @param aliases other URIs for it (the actor id and the profile page)
 * @param links   the links; see {@link JrdLinks} for the ones Weft serves
 */
public record Jrd(String subject, List<String> aliases, List<JrdLink> links) {

    /** Checks the subject and copies the lists. */
    public Jrd {
        Objects.requireNonNull(subject, "subject");
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        links = links == null ? List.of() : List.copyOf(links);
    }

    /**
     * Writes the document.
     *
     * @return {@code {subject, aliases?, links}}
     */
    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("subject", subject);
        if (!aliases.isEmpty()) {
            ArrayNode array = node.putArray("aliases");
            aliases.forEach(array::add);
        }
        ArrayNode array = node.putArray("links");
        links.forEach(link -> array.add(link.toJson()));
        return node;
    }

    /**
     * Reads a JRD as Mastodon, Lemmy (explicit nulls) and others serve it. Links without {@code rel} are skipped.
     *
     * @param node the parsed body
     * @return the descriptor
     * @throws MalformedActivityException if it is not an object or has no subject
     */
    public static Jrd fromJson(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new MalformedActivityException(MalformedActivityException.Reason.NOT_AN_OBJECT,
                    "WebFinger answer is not a JSON object");
        }
        JsonNode subject = node.get("subject");
        if (subject == null || !subject.isTextual()) {
            throw new MalformedActivityException(MalformedActivityException.Reason.INVALID_SHAPE,
                    "WebFinger answer has no subject");
        }
        List<String> aliases = new ArrayList<>();
        node.path("aliases").forEach(a -> {
            if (a.isTextual()) {
                aliases.add(a.asText());
            }
        });
        List<JrdLink> links = new ArrayList<>();
        node.path("links").forEach(l -> {
            JrdLink link = JrdLink.fromJson(l);
            if (link != null) {
                links.add(link);
            }
        });
        return new Jrd(subject.asText(), aliases, links);
    }

    /**
     * The first link with a relation.
     *
     * @param rel the relation
     * @return the link, if any
     */
    public Optional<JrdLink> link(String rel) {
        return links.stream().filter(l -> rel.equals(l.rel())).findFirst();
    }

    /**
     * The ActivityPub actor this descriptor points to: the {@code self} link whose type is
     * {@code application/activity+json} or {@code application/ld+json}.
     *
     * @return the actor id, if any
     */
    public Optional<String> actorId() {
        return links.stream()
                .filter(l -> JrdLinks.REL_SELF.equals(l.rel()) && MediaTypes.isActivityJson(l.type()) && l.href() != null)
                .map(JrdLink::href)
                .findFirst();
    }
}
