package org.weft.server.domain;

/**
 * The thing exists and the asker may see it but not change it: 403. People read one sentence
 * ({@code error.forbidden}); the detail is for logs only.
 */
public final class ForbiddenException extends DomainException {
    private static final long serialVersionUID = 1L;

    public ForbiddenException(String detail) {
        super("forbidden", null, detail);
    }
}
