/**
 * Outgoing HTTP that a remote party cannot turn against the instance.
 *
 * <p>{@link org.weft.activitypub.client.AddressGuard} refuses private, loopback and other internal
 * destinations (SSRF); {@link org.weft.activitypub.client.ActivityPubClient} fetches ActivityPub
 * documents with content negotiation, a bounded redirect chain checked hop by hop, a response size cap
 * and the {@code id} check, and posts signed activities;
 * {@link org.weft.activitypub.client.KeyDocumentResolver} turns a signature {@code keyId} into a key and
 * its confirmed owner.
 *
 * <p>Signed with an {@link org.weft.activitypub.signature.ActorSigner}, requests double-knock
 * ({@code DoubleKnock}): POSTs RFC 9421 first, GETs draft-cavage first, the other scheme once more after a 400
 * or 401, and the {@link org.weft.activitypub.client.SchemeMemory} remembers the hosts that take only one.
 */
package org.weft.activitypub.client;
