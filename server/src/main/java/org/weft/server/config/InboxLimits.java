package org.weft.server.config;

/**
 * How much one remote actor and one remote host may send to the inboxes. Hourly figures are over a sliding hour;
 * the host rate is a token bucket ({@code hostRate} requests a second, bursts of up to {@code hostBurst}). Zero
 * turns a limit off. Past a limit the inbox answers 429 with {@code Retry-After} and stores nothing.
 */
public record InboxLimits(int actorActivitiesPerHour, int actorBytesPerHour, int hostActivitiesPerHour,
                          int hostBytesPerHour, int hostRate, int hostBurst) {

    /** No limit at all (tests and benchmarks that measure something else). */
    public static final InboxLimits NONE = new InboxLimits(0, 0, 0, 0, 0, 0);

    public InboxLimits {
        if (actorActivitiesPerHour < 0 || actorBytesPerHour < 0 || hostActivitiesPerHour < 0 || hostBytesPerHour < 0
                || hostRate < 0 || hostBurst < 0) {
            throw new IllegalArgumentException("weft.inbox limits must be 0 (no limit) or more");
        }
        if (hostRate > 0 && hostBurst < 1) {
            throw new IllegalArgumentException("weft.inbox.host-burst must be at least 1 when weft.inbox.host-rate is set");
        }
    }

    /** A byte quota smaller than the largest accepted body would refuse such a body for ever. */
    void requireRoomFor(int maxBodyBytes) {
        if (actorBytesPerHour > 0 && actorBytesPerHour < maxBodyBytes
                || hostBytesPerHour > 0 && hostBytesPerHour < maxBodyBytes) {
            throw new IllegalArgumentException("weft.inbox.actor-bytes-per-hour and host-bytes-per-hour must be 0 or at least"
                    + " weft.inbox.max-bytes (" + maxBodyBytes + ")");
        }
    }
}
