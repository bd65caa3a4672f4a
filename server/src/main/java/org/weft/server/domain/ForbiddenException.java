package org.weft.server.domain;

/** The thing exists but the asker may not change it: 403. Invalid input stays an IllegalArgumentException (400). */
public final class ForbiddenException extends RuntimeException {
    public ForbiddenException(String message) {
        super(message);
    }
}
