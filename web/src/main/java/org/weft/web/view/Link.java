package org.weft.web.view;

/** A link with its text. */
public record Link(String label, String url) {
}
