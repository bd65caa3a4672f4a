package org.weft.server.queue;

/**
 * A stored activity leased to this process: what the worker needs to process it and to write its outcome without
 * reading the row again. {@code body} is null when the body is too long to be read with the claim: it is read on its
 * own when the activity's turn comes.
 */
record ClaimedActivity(long id, String actorUri, String type, int attempts, String body) {
}
