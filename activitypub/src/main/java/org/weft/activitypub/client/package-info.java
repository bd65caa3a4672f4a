/**
 * Outgoing HTTP that a remote party cannot turn against the instance.
 *
 * <p>{@link org.weft.activitypub.client.AddressGuard} refuses private, loopback and other internal
 * destinations (SSRF); {@link org.weft.activitypub.client.ActivityPubClient} fetches ActivityPub
 * documents with content negotiation, a bounded redirect chain checked hop by hop, a response size cap
 * and the {@code id} check, and posts signed activities;
 * {@link org.weft.activitypub.client.KeyDocumentResolver} turns a signature {@code keyId} into a key and
 * its confirmed owner.
 */
package org.weft.activitypub.client;
