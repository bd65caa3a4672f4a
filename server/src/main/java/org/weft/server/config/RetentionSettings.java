package org.weft.server.config;

/**
 * How long stored things are kept (docs/operating.md, "Capacity and retention"): inbound bodies after they were
 * processed; the small row that remembers an activity's id, after its body is gone; the bodies of failed rows,
 * kept for the operator (by age and by count); finished deliveries and the activities sent; read notifications;
 * deleted proposals before they are purged (their tombstone stays); withdrawn matches; closed copies of other
 * servers' proposals; and how often the pruner runs.
 */
public record RetentionSettings(int everyMinutes, int inboundHours, int inboundIdsHours, int failedDays, int failedMax,
                                int deliveredDays, int givenUpDays, int sentDays, int outboxDays,
                                int readNotificationDays, int deletedProposalDays, int withdrawnMatchDays,
                                int closedCopyDays) {

    public RetentionSettings {
        if (everyMinutes < 1) {
            throw new IllegalArgumentException("weft.retention.every-minutes must be at least 1, got " + everyMinutes);
        }
        if (inboundHours < 0 || inboundIdsHours < 0 || failedDays < 0 || failedMax < 0 || deliveredDays < 0
                || givenUpDays < 0 || sentDays < 0 || outboxDays < 0 || readNotificationDays < 0
                || deletedProposalDays < 0 || withdrawnMatchDays < 0 || closedCopyDays < 0) {
            throw new IllegalArgumentException("weft.retention hours, days and counts must be 0 or more");
        }
    }

    /** The inbound settings given, every other table at its default (tests of the inbound rules). */
    public RetentionSettings(int everyMinutes, int inboundHours, int inboundIdsHours, int failedDays, int failedMax) {
        this(everyMinutes, inboundHours, inboundIdsHours, failedDays, failedMax, 2, 14, 7, 90, 90, 30, 30, 30);
    }
}
