package org.weft.web.view;

/**
 * A link between one of our communities and a community elsewhere.
 *
 * @param community   our community's short name; {@code target} the other's handle, {@code url} its actor URL
 * @param state       the link's state in the reader's language (waiting, linked, linked both ways, follows us)
 * @param unlinkable  whether our community follows it (asked or accepted), so that unlinking would end something: a
 *                    row where only they follow us has nothing of ours to end, and their follow is theirs to undo
 */
public record LinkRow(String community, String target, String url, String state, boolean unlinkable) {
}
