package org.weft.web.view;

/** A community's "about" and rules as plain text, for the operator's form. */
public record CommunityText(String community, String displayName, String about, String rules) {
}
