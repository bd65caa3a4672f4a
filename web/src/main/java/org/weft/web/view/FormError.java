package org.weft.web.view;

/**
 * Why a submitted form was refused, in the reader's language, and the field it concerns (the form field's name, or
 * null when no one field is to blame: the message then goes above the form).
 */
public record FormError(String field, String message) {
    /** Whether the message belongs next to {@code name}. */
    public boolean on(String name) {
        return name.equals(field);
    }

    /** Whether the message belongs above the form. */
    public boolean general() {
        return field == null;
    }
}
