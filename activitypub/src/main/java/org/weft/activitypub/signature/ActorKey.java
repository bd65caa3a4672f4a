package org.weft.activitypub.signature;

import java.security.PublicKey;
import java.util.Objects;

/**
 * A public key together with the actor that owns it.
 *
 * @param keyId the key's id as used in {@code keyId=}, e.g. {@code https://host/users/rosa#main-key}
 * @param ownerId the id of the actor the key belongs to (checked by whoever resolved it)
 * @param publicKey the key
 */
public record ActorKey(String keyId, String ownerId, PublicKey publicKey) {

    /** Rejects null components. */
    public ActorKey {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(publicKey, "publicKey");
    }
}
