/**
 * Wire types with their ActivityStreams names: actors, keys, activities, collections, tombstones, and Weft's offers
 * and requests.
 *
 * <p>Each type turns into JSON with {@code toJson()} (carrying the {@code @context} Mastodon and friends expect)
 * and is read back with a static {@code fromJson(JsonNode)} that accepts the variants real servers send: a string,
 * an object or an array where one value is expected, {@code Public} in any of its spellings, a key as an object or
 * an array. Readers expect documents that went through {@link org.weft.activitypub.jsonld.JsonLdCodec}.
 *
 * <p>Proposals: {@link org.weft.activitypub.vocab.ProposalNote} is the object-model.md Note (FEP-0837 Proposal)
 * with its {@link org.weft.activitypub.vocab.Intent}, {@link org.weft.activitypub.vocab.Quantity},
 * {@link org.weft.activitypub.vocab.Place} and {@link org.weft.activitypub.vocab.Tag} parts; any other post is read as
 * an {@link org.weft.activitypub.vocab.IncomingNote}; FEP-0837 responses are
 * {@link org.weft.activitypub.vocab.AgreementOffer} and {@link org.weft.activitypub.vocab.AgreementAnswer}. Readers of
 * proposals and offers validate values (purpose, status, category URIs, quantity bounds, coordinates) and refuse
 * bad ones with {@code INVALID_SHAPE}; HTML is kept as sent and sanitised by {@code org.weft.activitypub.content}.
 */
package org.weft.activitypub.vocab;
