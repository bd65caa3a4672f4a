/**
 * Actors: this instance's own (members, communities, the instance actor; their keys and signers, their ActivityPub
 * documents and the Update that tells followers of a change) and remote ones (fetched by WebFinger or URL, cached,
 * refreshed, and their keys for checking signatures).
 */
package org.weft.server.domain.actor;
