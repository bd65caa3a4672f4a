package org.weft.activitypub.signature;

/** The two ways the fediverse signs HTTP requests. */
public enum SignatureScheme {
    /** RFC 9421 HTTP Message Signatures: {@code Signature-Input} and {@code Signature}, {@code Content-Digest}. */
    RFC_9421,
    /** draft-cavage-http-signatures-12 as Mastodon uses it: one {@code Signature} header, {@code Digest}. */
    DRAFT_CAVAGE
}
