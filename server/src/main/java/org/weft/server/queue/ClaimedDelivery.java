package org.weft.server.queue;

/** A delivery row a worker has leased: what to send (the activity), where, and how often it was tried. */
public record ClaimedDelivery(long id, long activityId, String inbox, String host, int attempts) {
}
