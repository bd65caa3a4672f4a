/**
 * Wire types with their ActivityStreams names: actors, keys, activities, collections, tombstones.
 *
 * <p>Each type turns into JSON with {@code toJson()} (carrying the {@code @context} Mastodon and friends expect)
 * and is read back with a static {@code fromJson(JsonNode)} that accepts the variants real servers send: a string,
 * an object or an array where one value is expected, {@code Public} in any of its spellings, a key as an object or
 * an array. Readers expect documents that went through {@link org.weft.activitypub.jsonld.JsonLdCodec}.
 */
package org.weft.activitypub.vocab;
