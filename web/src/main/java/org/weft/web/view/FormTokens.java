package org.weft.web.view;

/**
 * The hidden values every form carries, made fresh for each form a page shows: the visitor's CSRF token (masked
 * differently each time, so that a compressed page never repeats the secret byte for byte) and a one-time token that
 * makes a second submit of the same form change nothing.
 */
public interface FormTokens {
    String csrf();

    String once();

    /** For pages rendered outside a visitor's request (no forms that change anything). */
    FormTokens NONE = new FormTokens() {
        @Override
        public String csrf() {
            return "";
        }

        @Override
        public String once() {
            return "";
        }
    };
}
