package org.weft.activitypub.signature;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A signature that checked out: which key signed, which headers it covered, and in which scheme.
 *
 * @param key the key that verified the signature, with its owner
 * @param signedHeaders what the signature covered, in signing order: draft-cavage header names in lower
 *        case ({@code (request-target)}, {@code digest}…), or RFC 9421 component names ({@code @method},
 *        {@code @target-uri}, {@code content-digest}…)
 * @param scheme the scheme the request was signed with
 * @param replayKey the value of the one signature that was verified (base64), to remember in a
 *        seen-signature cache: a genuine sender signs every request anew, so the same value twice is a
 *        replay. For RFC 9421 it is the chosen label's value, not the whole {@code Signature} field, which
 *        a replayer could vary by adding labels. Empty when the verifier does not give one.
 */
public record VerifiedSignature(ActorKey key, List<String> signedHeaders, SignatureScheme scheme,
                                Optional<String> replayKey) {

    /** Copies the header list. */
    public VerifiedSignature {
        Objects.requireNonNull(key, "key");
        signedHeaders = List.copyOf(signedHeaders);
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(replayKey, "replayKey");
    }

    /**
     * A draft-cavage signature.
     *
     * @param key the key that verified the signature, with its owner
     * @param signedHeaders the header names covered, lower case, in signing order
     */
    public VerifiedSignature(ActorKey key, List<String> signedHeaders) {
        this(key, signedHeaders, SignatureScheme.DRAFT_CAVAGE, Optional.empty());
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
