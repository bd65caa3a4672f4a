package org.weft.server.domain;

/**
 * The input breaks a rule (too long, unknown category, a status change the lifecycle does not allow): the person
 * changes it and tries again. Nothing was stored. Adapters answer 400 and show the message next to the field.
 */
public final class InvalidInputException extends DomainException {
    private static final long serialVersionUID = 1L;

    private InvalidInputException(String code, String field, Object... arguments) {
        super(code, field, null, arguments);
    }

    /** A rule about one field, e.g. {@code field("title", "title_too_long", 120)}. */
    public static InvalidInputException field(String field, String code, Object... arguments) {
        return new InvalidInputException(code, field, arguments);
    }

    /** A rule about the request as a whole (no one field to blame). */
    public static InvalidInputException of(String code, Object... arguments) {
        return new InvalidInputException(code, null, arguments);
    }
}
