package org.weft.server.model;

import java.util.Locale;
import java.util.Optional;

/** Lifecycle: open → promised → fulfilled, or withdrawn / expired. */
public enum ProposalStatus {
    OPEN, PROMISED, FULFILLED, WITHDRAWN, EXPIRED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether it still needs or offers something (what matching and the board's default view show). */
    public boolean isActive() {
        return this == OPEN || this == PROMISED;
    }

    public static Optional<ProposalStatus> fromWire(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(value.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
