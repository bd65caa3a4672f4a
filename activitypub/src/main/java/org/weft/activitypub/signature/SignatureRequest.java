package org.weft.activitypub.signature;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The shape of an RFC 9421 signature to make: its label, the components it covers and the parameters
 * asked for. Weft's own shapes are {@link #POST} and {@link #GET}; a server can ask for another one in an
 * {@code Accept-Signature} field (§5), which {@link AcceptSignature#parse} turns into this. A signature
 * made from a shape always carries {@code created}, {@code keyid} and {@code alg}.
 *
 * @param label the signature's label, a structured-field key such as {@code sig1}
 * @param components the covered component names, in order
 * @param expires true if an {@code expires} parameter is asked for
 * @param nonce a {@code nonce} to include, if asked for
 * @param tag a {@code tag} to include, if asked for
 * @param alg the algorithm asked for, if any: it must be the one of the signer's key
 * @param keyId the key asked for, if any: it must be the signer's
 */
public record SignatureRequest(String label, List<String> components, boolean expires, Optional<String> nonce,
                               Optional<String> tag, Optional<String> alg, Optional<String> keyId) {

    /** What Weft signs on POST, as Mastodon does: method, full target URI and the body's digest. */
    public static final SignatureRequest POST = plain(List.of("@method", "@target-uri", "content-digest"));
    /** What Weft signs on GET: method and full target URI. */
    public static final SignatureRequest GET = plain(List.of("@method", "@target-uri"));

    /** Copies the list and rejects nulls. */
    public SignatureRequest {
        Objects.requireNonNull(label, "label");
        components = List.copyOf(components);
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(alg, "alg");
        Objects.requireNonNull(keyId, "keyId");
    }

    private static SignatureRequest plain(List<String> components) {
        return new SignatureRequest("sig1", components, false, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }
}
