package org.weft.web.view;

import java.util.List;

/**
 * The posts waiting for a moderator of one community, on its moderators' page.
 *
 * @param heading the page's title
 * @param base    the page's path ({@code /moderate/NAME/posts}); the forms post below it
 * @param posts   oldest first
 * @param notice  a confirmation to show, or null
 */
public record WaitingPostsView(String heading, String base, List<Post> posts, String notice) {

    /**
     * One waiting post.
     *
     * @param id       its number, which the forms send back
     * @param title    its title as its author wrote it
     * @param text     the rest of its words, as plain text
     * @param author   its author's fediverse address or name
     * @param link     where it is on its own server
     * @param lang     the language its author wrote it in, so that it is read out in that language, not the page's
     * @param readings the classifier's best readings of it, each a sentence in the page's language; empty when
     *                 something else than the classifier held it
     */
    public record Post(long id, String title, String text, String author, String link, String lang,
                       List<Reading> readings) {
    }

    /**
     * A reading a moderator may confirm with one button.
     *
     * @param index    its number among the post's readings, which the form sends back
     * @param sentence "Request: childcare, babysitting", in the page's language
     */
    public record Reading(int index, String sentence) {
    }
}
