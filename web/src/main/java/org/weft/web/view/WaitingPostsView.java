package org.weft.web.view;

import java.util.List;

/**
 * The posts waiting for a moderator of one community, on its moderators' page.
 *
 * @param heading  the page's title
 * @param base     the page's path ({@code /moderate/NAME/posts}); the forms post below it
 * @param total    how many posts wait, as a sentence ("2,013 posts wait for a moderator."), or null when none
 * @param servers  the servers whose many accounts have many waiting posts, each shown once, most posts first
 * @param accounts the accounts with several waiting posts, each shown once, most posts first (none of
 *                 {@code servers})
 * @param posts    this page's posts, oldest first (those of {@code servers} and {@code accounts} left out)
 * @param nextHref the next page of posts, or null when this is the last
 * @param allHref  back to every waiting post, when this page lists one account's or one server's only; else null
 * @param refused  the servers this community refuses, by name (none listed on one account's or server's page)
 * @param notice   a confirmation to show, or null
 */
public record WaitingPostsView(String heading, String base, String total, List<Server> servers, List<Account> accounts,
                               List<Post> posts, String nextHref, String allHref, List<BlockedServer> refused,
                               String notice) {

    /**
     * A server the community refuses.
     *
     * @param domain its name, which the form to lift the block sends back
     * @param reason the public reason given, or null
     */
    public record BlockedServer(String domain, String reason) {
    }

    /**
     * A server shown once for all the waiting posts of its accounts.
     *
     * @param domain       its name (host, or host:port), which the form sends back
     * @param count        how many posts wait from how many of its accounts, as words ("812 posts waiting from 406
     *                     accounts")
     * @param turnDown     the button that keeps them all off the board, with their number
     * @param sampleAuthor the address of the account that sent its last post to arrive
     * @param sampleTitle  the title of that post
     * @param sampleText   the rest of that post's words, as plain text
     * @param sampleLang   the language of that post
     * @param postsHref    the page of its posts one by one
     */
    public record Server(String domain, String count, String turnDown, String sampleAuthor, String sampleTitle,
                         String sampleText, String sampleLang, String postsHref) {
    }

    /**
     * An account shown once for all its waiting posts.
     *
     * @param id          its number, which the forms send back
     * @param author      its fediverse address
     * @param count       how many of its posts wait, as words ("2,000 posts waiting")
     * @param turnDown    the button that keeps them all off the board, with their number
     * @param sampleTitle the title of its last post to arrive
     * @param sampleText  the rest of that post's words, as plain text
     * @param sampleLang  the language of that post
     * @param postsHref   the page of its posts one by one
     */
    public record Account(long id, String author, String count, String turnDown, String sampleTitle,
                          String sampleText, String sampleLang, String postsHref) {
    }

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
