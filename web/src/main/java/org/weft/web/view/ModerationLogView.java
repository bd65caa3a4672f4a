package org.weft.web.view;

import java.util.List;

/**
 * A community's public moderation log: what its moderators (and the operators, for the whole server) did.
 *
 * @param heading  the page's title
 * @param intro    what the log is and what it never shows
 * @param jsonHref the same log as JSON
 * @param rows     the actions, newest first
 */
public record ModerationLogView(String heading, String intro, String jsonHref, List<Row> rows) {

    /**
     * One action.
     *
     * @param when      its date and time (UTC, saying so), in the reader's language
     * @param isoTime   its time, ISO 8601 (for {@code <time datetime>})
     * @param kind      what was done, translated
     * @param target    what it was done to: a server name, an account's or a post's address, or for a change of
     *                  setting the new value's translated name
     * @param address   whether {@code target} is an address or server name (shown left to right as code) rather than
     *                  words in the reader's language
     * @param reason    the public reason, or null
     * @param moderator who did it, or the translated "a moderator"
     */
    public record Row(String when, String isoTime, String kind, String target, boolean address, String reason,
                      String moderator) {
    }
}
