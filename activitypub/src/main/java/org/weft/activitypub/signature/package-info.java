/**
 * Draft-cavage HTTP signatures as Mastodon, GoToSocial and the rest of the fediverse use them.
 *
 * <p>{@link org.weft.activitypub.signature.HttpSigner} signs outgoing GET and POST requests;
 * {@link org.weft.activitypub.signature.SignatureVerifier} checks incoming ones with Mastodon's rules
 * (Digest on the raw body, required signed headers, Date window, key refetch on failure), plus the
 * {@code Host} this server expects ({@link org.weft.activitypub.signature.ExpectedHost}) and one use per
 * signature ({@link org.weft.activitypub.signature.SeenSignatures}, usable by any signature scheme).
 * The signature itself is built with tomitribe http-signatures; Digest and Date are handled here
 * because that library does neither.
 */
package org.weft.activitypub.signature;
