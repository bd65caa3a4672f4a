package org.weft.activitypub.signature;

import java.security.PrivateKey;
import java.util.Objects;

/**
 * Signs requests for one actor key in both schemes, so the client can knock with RFC 9421 and fall back
 * to draft-cavage (or the other way round) without reloading the key. Thread-safe.
 */
public final class ActorSigner {

    private final HttpSigner draftCavage;
    private final Rfc9421Signer rfc9421;

    /**
     * @param keyId the key id published in the actor's {@code publicKey.id}
     * @param privateKey the actor's RSA private key (draft-cavage signs with RSA only)
     */
    public ActorSigner(String keyId, PrivateKey privateKey) {
        this(new HttpSigner(keyId, privateKey), new Rfc9421Signer(keyId, privateKey));
    }

    /**
     * @param draftCavage the draft-cavage signer
     * @param rfc9421 the RFC 9421 signer, for the same key id
     */
    public ActorSigner(HttpSigner draftCavage, Rfc9421Signer rfc9421) {
        this.draftCavage = Objects.requireNonNull(draftCavage, "draftCavage");
        this.rfc9421 = Objects.requireNonNull(rfc9421, "rfc9421");
        if (!draftCavage.keyId().equals(rfc9421.keyId())) {
            throw new IllegalArgumentException("the two signers use different keys: " + draftCavage.keyId()
                    + ", " + rfc9421.keyId());
        }
    }

    /** @return the key id both signers put in their signatures */
    public String keyId() {
        return rfc9421.keyId();
    }

    /** @return the draft-cavage signer */
    public HttpSigner draftCavage() {
        return draftCavage;
    }

    /** @return the RFC 9421 signer */
    public Rfc9421Signer rfc9421() {
        return rfc9421;
    }
}
