package org.weft.web.view;

import java.util.List;

/**
 * A response's conversation as a page shows it to one of its two sides: the newest messages (oldest first), a link to
 * earlier ones or to the whole conversation, and the form to write in it, or why it is closed. Every string is plain
 * text (the template escapes it); messages are the people's own words, in whatever language they wrote.
 *
 * @param anchor     the element id the page links to ({@code conversation-12})
 * @param with       "with whom", already worded ("Only you and Rosa see this conversation.")
 * @param hiddenNote that a moderator hid the offer or request it is about, already worded, or null while it is shown
 * @param earlierUrl a page of the messages before the first one shown, or null
 * @param wholeUrl   the conversation's own page when more messages than these exist, or null
 * @param closedText why no more messages can be written, or null while the form is shown
 * @param back       where the form returns to ({@code proposal}, {@code conversation} or {@code responses})
 */
public record ConversationView(long responseId, String anchor, String with, String hiddenNote, List<MessageLine> messages,
                               String earlierUrl,
                               String wholeUrl, String wholeLabel, String closedText, String writeLabel, String postUrl,
                               String back, int maxLength) {

    public ConversationView {
        messages = List.copyOf(messages);
    }

    public boolean open() {
        return closedText == null;
    }

    /**
     * One message.
     *
     * @param mine    whether it is from the viewer's side (shown aligned to the reading end)
     * @param removed whether a moderator removed it: {@code text} then says so, and it cannot be reported again
     */
    public record MessageLine(long id, String from, String text, String when, boolean mine, boolean removed) {
    }
}
