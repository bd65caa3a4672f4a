/**
 * The one JSON-LD codec for everything Weft reads from and writes to the network.
 *
 * <p>{@link org.weft.activitypub.jsonld.JsonLdCodec} enforces size and depth limits, refuses documents without an
 * ActivityStreams context and normalises documents that use unexpected term names. jsonld-java is used only
 * inside this package.
 */
package org.weft.activitypub.jsonld;
