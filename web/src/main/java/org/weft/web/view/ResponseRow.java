package org.weft.web.view;

/**
 * One of my responses, or one notification: what it is about, a link to it, when and its state. {@code text} is what
 * a person wrote (its language unknown); {@code titleLang} the language of the proposal's title, when the title is
 * the proposal's own words (null when the title is a sentence of the page's own language).
 */
public record ResponseRow(String title, String url, String text, String when, String state, String titleLang) {
}
