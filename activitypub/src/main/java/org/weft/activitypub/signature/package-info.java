/**
 * HTTP signatures in both schemes the fediverse uses: draft-cavage (Mastodon's historical one) and RFC 9421
 * HTTP Message Signatures.
 *
 * <p>Signing: {@link org.weft.activitypub.signature.HttpSigner} (draft-cavage) and
 * {@link org.weft.activitypub.signature.Rfc9421Signer} (RFC 9421, the shape Mastodon uses), both held by an
 * {@link org.weft.activitypub.signature.ActorSigner} so the client can double-knock.
 *
 * <p>Verifying: {@link org.weft.activitypub.signature.AnySchemeVerifier} sends a request to
 * {@link org.weft.activitypub.signature.Rfc9421Verifier} when it carries {@code Signature-Input}, else to
 * {@link org.weft.activitypub.signature.SignatureVerifier} (draft-cavage with Mastodon's rules: Digest on the
 * raw body, required signed headers, Date window, key refetch on failure). Both answer a
 * {@link org.weft.activitypub.signature.VerifiedSignature} and share what makes a signature acceptable here:
 * the time window ({@link org.weft.activitypub.signature.SigningWindow}, from signed values only), the
 * {@code Host} this server expects ({@link org.weft.activitypub.signature.ExpectedHost}), the
 * {@link org.weft.activitypub.signature.KeyResolver}, and one use per signature
 * ({@link org.weft.activitypub.signature.SeenSignatures}, one instance for both schemes).
 *
 * <p>draft-cavage signatures are built with tomitribe http-signatures (Digest and Date are handled here
 * because that library does neither); RFC 9421 is written here on top of a structured-field parser, because
 * no RFC 9421 library for Java is served to us; {@code Content-Digest} (RFC 9530) is
 * {@link org.weft.activitypub.signature.ContentDigest}.
 */
package org.weft.activitypub.signature;
