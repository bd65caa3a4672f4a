package org.weft.activitypub.vocab;

import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An actor's {@code publicKey}: the key id signatures name, the actor that owns it, and the SPKI PEM.
 *
 * @param id           the key id, usually {@code <actor>#main-key} ({@code <actor>/main-key} on GoToSocial)
 * @param owner        the actor id
 * @param publicKeyPem the key as {@code -----BEGIN PUBLIC KEY-----} PEM
 */
public record PublicKeyInfo(String id, String owner, String publicKeyPem) {

    /** Checks that all three parts are present. */
    public PublicKeyInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(publicKeyPem, "publicKeyPem");
    }

    /**
     * The key for an actor under Mastodon's naming: id {@code <actorId>#main-key}.
     *
     * @param actorId      the owner
     * @param publicKeyPem the PEM
     * @return the key
     */
    public static PublicKeyInfo mainKey(String actorId, String publicKeyPem) {
        return new PublicKeyInfo(actorId + "#main-key", actorId, publicKeyPem);
    }

    /**
     * Writes the key object (no {@code @context}: it is embedded in an actor or served with the actor's).
     *
     * @return {@code {id, owner, publicKeyPem}}
     */
    public ObjectNode toJson() {
        ObjectNode node = JsonValues.NODES.objectNode();
        node.put("id", id);
        node.put("owner", owner);
        node.put("publicKeyPem", publicKeyPem);
        return node;
    }

    /**
     * Reads a key object.
     *
     * @param node a {@code {id, owner, publicKeyPem}} object
     * @return the key
     * @throws org.weft.activitypub.jsonld.MalformedActivityException if a part is missing
     */
    public static PublicKeyInfo fromJson(JsonNode node) {
        JsonValues.requireObject(node, "publicKey");
        return new PublicKeyInfo(JsonValues.required(node, "id", "publicKey"),
                JsonValues.required(node, "owner", "publicKey"),
                JsonValues.required(node, "publicKeyPem", "publicKey"));
    }

    /**
     * Picks the actor's key from a {@code publicKey} value that may be one object or an array of them: the first
     * complete key owned by the actor, else the first complete key.
     *
     * @param value   the {@code publicKey} value, possibly null
     * @param actorId the actor the document describes
     * @return the key, or null when there is no usable one
     */
    static PublicKeyInfo select(JsonNode value, String actorId) {
        if (value == null || value.isNull()) {
            return null;
        }
        PublicKeyInfo fallback = null;
        for (JsonNode candidate : value.isArray() ? value : java.util.List.of(value)) {
            if (candidate.isObject() && candidate.hasNonNull("id") && candidate.hasNonNull("publicKeyPem")) {
                String owner = JsonValues.text(candidate, "owner");
                PublicKeyInfo key = new PublicKeyInfo(JsonValues.text(candidate, "id"),
                        owner == null ? actorId : owner, JsonValues.text(candidate, "publicKeyPem"));
                if (actorId.equals(key.owner())) {
                    return key;
                }
                if (fallback == null) {
                    fallback = key;
                }
            }
        }
        return fallback;
    }
}
