package org.weft.web.view;

/**
 * A link between one of our communities and a community elsewhere.
 *
 * @param community our community's short name; {@code target} the other's handle, {@code url} its actor URL
 * @param state the link's state in the reader's language (waiting, linked, linked both ways)
 */
public record LinkRow(String community, String target, String url, String state) {
}
