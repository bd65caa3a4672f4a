package org.weft.server.domain;

/**
 * The thing asked for does not exist, or the asker may not know that it exists: 404. People read one sentence
 * ({@code error.not_found}) whatever is missing; the detail ("No proposal 7") is for logs only.
 */
public final class NotFoundException extends DomainException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String detail) {
        super("not_found", null, detail);
    }
}
