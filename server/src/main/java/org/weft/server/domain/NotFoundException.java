package org.weft.server.domain;

/** The thing asked for does not exist (or the asker may not know it exists): 404. */
public final class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
