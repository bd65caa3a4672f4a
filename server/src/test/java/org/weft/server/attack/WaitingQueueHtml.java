package org.weft.server.attack;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a moderator and a board reader see of the pages the flood tests read: the posts listed one by one in the
 * moderators' queue, a section of it, the board's cards. Read from the HTML as a person would see it, for
 * ModerationQueueFloodTest (one account's flood) and ServerFloodQueueTest (one server's).
 */
final class WaitingQueueHtml {
    private static final Pattern POST_SECTION = Pattern.compile("<section class=\"report waiting-post\" id=\"post-(\\d+)\"");
    private static final Pattern CARD_TITLE = Pattern.compile("<h[23][^>]*>\\s*<a[^>]*>([^<]+)</a>");

    private WaitingQueueHtml() {
    }

    /** The ids of the posts listed one by one on a page of the queue, in page order. */
    static List<Long> shownPosts(String html) {
        List<Long> ids = new ArrayList<>();
        Matcher m = POST_SECTION.matcher(html);
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }

    /** The section with {@code id}, or "" when there is none. */
    static String section(String html, String id) {
        Matcher m = Pattern.compile("<section[^>]*id=\"" + Pattern.quote(id) + "\".*?</section>", Pattern.DOTALL)
                .matcher(html);
        return m.find() ? m.group() : "";
    }

    /** The board's cards' titles, in order: what a reader sees of it, without the times that change. */
    static String cards(String html) {
        List<String> titles = new ArrayList<>();
        Matcher m = CARD_TITLE.matcher(html);
        while (m.find()) {
            titles.add(m.group(1).strip());
        }
        return String.join("\n", titles);
    }
}
