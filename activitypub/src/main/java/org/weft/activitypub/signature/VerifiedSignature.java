package org.weft.activitypub.signature;

import java.util.List;
import java.util.Objects;

/**
 * A signature that checked out: which key signed, and which headers it covered.
 *
 * @param key the key that verified the signature, with its owner
 * @param signedHeaders the header names covered, lower case, in signing order
 */
public record VerifiedSignature(ActorKey key, List<String> signedHeaders) {

    /** Copies the header list. */
    public VerifiedSignature {
        Objects.requireNonNull(key, "key");
        signedHeaders = List.copyOf(signedHeaders);
    }

    /**
     * Whether the signing key belongs to an actor. Call it with the activity's {@code actor} before
     * trusting the activity: a valid signature by someone else proves nothing about it.
     *
     * @param actorId the actor id the request claims to come from
     * @return true if the key's owner is exactly that id
     */
    public boolean isSignedBy(String actorId) {
        return key.ownerId().equals(actorId);
    }
}
