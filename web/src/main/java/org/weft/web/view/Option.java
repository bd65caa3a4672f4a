package org.weft.web.view;

/** One choice in a select list or a set of radio buttons. */
public record Option(String value, String label, boolean selected) {
}
