package org.weft.web.view;

import java.util.List;

/**
 * The moderators' report queue: the open reports of the communities the reader moderates (all, for an operator).
 *
 * @param heading the page's title
 * @param notice  a confirmation to show, or null
 * @param error   a refusal to show, or null
 * @param reports the open reports, oldest first
 */
public record ReportsView(String heading, String notice, String error, List<Item> reports) {

    /**
     * One report.
     *
     * @param id        the report's id (the actions post to {@code /moderate/reports/{id}/…})
     * @param community the community it is for, or the translated "the operators"
     * @param account   the reported account's address
     * @param content   the reported posts: their addresses, with their text where known
     * @param comment   the reporter's comment, or null
     * @param from      who reported (a member's name, or "a person on SERVER"), for the moderators only
     * @param fromReporter how many of the open reports in this queue are from the same reporter (the same member, or
     *                  the same server), this one included (translated), so that a flood shows as one; null when the
     *                  reporter is not known any more
     * @param when      when it was made
     * @param history   how many different reporters reported the same account, in open and closed reports, those of
     *                  its anonymous requests left out (translated)
     * @param remote    whether the account is on another server (it can be blocked, forwarded, suspended)
     * @param anonymous whether the account is the member behind a reported anonymous request: then neither its address
     *                  nor its history is shown (and, a member of this server, it is not {@code remote}: no block)
     * @param forwarded to which server and when the report was sent (translated), or null when it was not: a report
     *                  is sent once, so then it is no longer offered
     */
    public record Item(long id, String community, String account, List<Post> content, String comment, String from,
                       String fromReporter, String when, String history, boolean remote, boolean anonymous,
                       String forwarded) {
    }

    /**
     * A reported post.
     *
     * @param uri     its address, or null when it has none anyone could open (a private message written here)
     * @param text    the start of its text as its author wrote it, or empty when it is not known here
     * @param context for a conversation message, who it was sent to and in which conversation (translated); else null
     */
    public record Post(String uri, String text, String context) {
    }
}
