package org.weft.web.view;

/** One of my responses, or one notification: what it is about, a link to it, when and its state. */
public record ResponseRow(String title, String url, String text, String when, String state) {
}
