package org.weft.server.config;

/**
 * How long stored things are kept (docs/operating.md, "Storage and retention"): inbound bodies after they were
 * processed; the small row that remembers an activity's id, after its body is gone; the bodies of failed rows,
 * kept for the operator (by age and by count); and how often the pruner runs.
 */
public record RetentionSettings(int everyMinutes, int inboundHours, int inboundIdsHours, int failedDays, int failedMax) {

    public RetentionSettings {
        if (everyMinutes < 1) {
            throw new IllegalArgumentException("weft.retention.every-minutes must be at least 1, got " + everyMinutes);
        }
        if (inboundHours < 0 || inboundIdsHours < 0 || failedDays < 0 || failedMax < 0) {
            throw new IllegalArgumentException("weft.retention hours, days and counts must be 0 or more");
        }
    }
}
