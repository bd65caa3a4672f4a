package org.weft.web.view;

/**
 * What the person's last action did, in their language, shown at the top of the section they were looking at.
 *
 * @param section the id of the page section the notice belongs to
 */
public record Notice(String section, String text) {
    /** Whether the notice goes at the top of {@code id}. */
    public boolean in(String id) {
        return id.equals(section);
    }
}
