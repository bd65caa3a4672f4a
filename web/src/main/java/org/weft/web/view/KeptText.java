package org.weft.web.view;

/**
 * Words a person wrote that could not be sent, given back on the page that says why so that they can copy them and keep
 * them: the sentence that says what became of them, the label of the box, and the words as typed.
 */
public record KeptText(String note, String label, String text) {
}
