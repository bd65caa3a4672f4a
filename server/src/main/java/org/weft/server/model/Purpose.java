package org.weft.server.model;

import java.util.Locale;
import java.util.Optional;

/** Whether a proposal offers help or asks for it; the wire value is FEP-0837's {@code purpose}. */
public enum Purpose {
    OFFER, REQUEST;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Purpose opposite() {
        return this == OFFER ? REQUEST : OFFER;
    }

    public static Optional<Purpose> fromWire(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "offer" -> Optional.of(OFFER);
            case "request" -> Optional.of(REQUEST);
            default -> Optional.empty();
        };
    }
}
