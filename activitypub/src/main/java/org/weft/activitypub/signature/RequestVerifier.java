package org.weft.activitypub.signature;

/**
 * Checks an incoming request's HTTP signature. {@link AnySchemeVerifier} is the one the server calls; it
 * hands each request to the verifier of the scheme it was signed with ({@link Rfc9421Verifier}, or
 * {@link SignatureVerifier#verify} for draft-cavage).
 */
@FunctionalInterface
public interface RequestVerifier {

    /**
     * @param request the request as received
     * @return the key that signed it and what the signature covered
     * @throws SignatureException if the signature is missing or refused; {@link SignatureException#reason()} says why
     */
    VerifiedSignature verify(IncomingRequest request) throws SignatureException;
}
