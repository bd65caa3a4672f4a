package org.weft.activitypub.client;

import java.io.IOException;

/** A URL was refused before connecting: wrong scheme, or its host resolves to an internal address. */
public final class ForbiddenAddressException extends IOException {

    private static final long serialVersionUID = 1L;

    /** @param message what was refused and why */
    public ForbiddenAddressException(String message) {
        super(message);
    }
}
