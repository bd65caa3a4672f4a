package org.weft.activitypub.signature;

import java.util.List;
import java.util.Objects;

/**
 * A signature that checked out: which key signed, which headers it covered, and in which scheme.
 *
 * @param key the key that verified the signature, with its owner
 * @param signedHeaders what the signature covered, in signing order: draft-cavage header names in lower
 *        case ({@code (request-target)}, {@code digest}…), or RFC 9421 component names ({@code @method},
 *        {@code @target-uri}, {@code content-digest}…)
 * @param scheme the scheme the request was signed with
 */
public record VerifiedSignature(ActorKey key, List<String> signedHeaders, SignatureScheme scheme) {

    /** Copies the header list. */
    public VerifiedSignature {
        Objects.requireNonNull(key, "key");
        signedHeaders = List.copyOf(signedHeaders);
        Objects.requireNonNull(scheme, "scheme");
    }

    /**
     * A draft-cavage signature.
     *
     * @param key the key that verified the signature, with its owner
     * @param signedHeaders the header names covered, lower case, in signing order
     */
    public VerifiedSignature(ActorKey key, List<String> signedHeaders) {
        this(key, signedHeaders, SignatureScheme.DRAFT_CAVAGE);
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
