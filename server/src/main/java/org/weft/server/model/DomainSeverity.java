package org.weft.server.model;

import java.util.Locale;
import java.util.Optional;

/**
 * How hard another server is blocked, with Mastodon's names: {@code SILENCE} (its posts wait for a moderator and never
 * match) or {@code SUSPEND} (nothing is accepted from it or sent to it). Mastodon's {@code noop} is no block here.
 */
public enum DomainSeverity {
    SILENCE, SUSPEND;

    /** The name as Mastodon's CSV and API write it: {@code silence}, {@code suspend}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads {@code silence}, {@code suspend} (any case); {@code noop} and anything else are empty. */
    public static Optional<DomainSeverity> fromWire(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        for (DomainSeverity s : values()) {
            if (s.wire().equals(v)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
