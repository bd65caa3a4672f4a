package org.weft.server.model;

import java.util.Arrays;
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
        // Compared rather than valueOf: the board asks with "" on every view without a status filter, and an
        // exception for each was thrown and caught.
        String name = value.strip();
        return Arrays.stream(values()).filter(status -> status.name().equalsIgnoreCase(name)).findFirst();
    }
}
