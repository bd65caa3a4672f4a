package org.weft.activitypub.signature;

import java.util.Objects;

/**
 * The verifier entry point: a request carrying {@code Signature-Input} is an RFC 9421 request, anything
 * else goes to draft-cavage, as Mastodon decides ({@code SignedRequest#initialize}). Either way the
 * answer is a {@link VerifiedSignature} whose {@link VerifiedSignature#scheme()} says which it was.
 */
public final class AnySchemeVerifier implements RequestVerifier {

    private final RequestVerifier draftCavage;
    private final RequestVerifier rfc9421;

    /**
     * @param draftCavage the draft-cavage verifier, e.g. {@code signatureVerifier::verify}
     * @param rfc9421 the RFC 9421 verifier
     */
    public AnySchemeVerifier(RequestVerifier draftCavage, RequestVerifier rfc9421) {
        this.draftCavage = Objects.requireNonNull(draftCavage, "draftCavage");
        this.rfc9421 = Objects.requireNonNull(rfc9421, "rfc9421");
    }

    @Override
    public VerifiedSignature verify(IncomingRequest request) throws SignatureException {
        return schemeOf(request) == SignatureScheme.RFC_9421 ? rfc9421.verify(request) : draftCavage.verify(request);
    }

    /**
     * @param request a received request
     * @return the scheme it claims to be signed with (whether or not it is signed at all)
     */
    public static SignatureScheme schemeOf(IncomingRequest request) {
        return request.headers().containsKey("Signature-Input") ? SignatureScheme.RFC_9421 : SignatureScheme.DRAFT_CAVAGE;
    }
}
