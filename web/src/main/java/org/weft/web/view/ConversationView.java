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
 * @param error      why the message just written was refused, in the writer's language, or null
 * @param typed      what the refused message said, back in the box (or shown read-only once closed); empty otherwise
 * @param mayBlock   whether the viewer may block the other side from here (the form of {@code /block}, naming the
 *                   response): the member who answered a proposal of another server, whose author she has not blocked
 * @param takeBackUrl where the responder's "Take back my answer" form goes (it asks first), or null for the other
 *                    side and once taken back
 */
public record ConversationView(long responseId, String anchor, String with, String hiddenNote, List<MessageLine> messages,
                               String earlierUrl,
                               String wholeUrl, String wholeLabel, String closedText, String writeLabel, String postUrl,
                               String back, int maxLength, FormError error, String typed, boolean mayBlock,
                               String takeBackUrl) {

    public ConversationView {
        messages = List.copyOf(messages);
        typed = typed == null ? "" : typed;
    }

    /** This view with a refused message: why ({@code error}) next to the box, and {@code typed} back in it. */
    public ConversationView refused(FormError why, String text) {
        return new ConversationView(responseId, anchor, with, hiddenNote, messages, earlierUrl, wholeUrl, wholeLabel,
                closedText, writeLabel, postUrl, back, maxLength, why, text, mayBlock, takeBackUrl);
    }

    public boolean open() {
        return closedText == null;
    }

    /**
     * One message.
     *
     * @param mine    whether it is from the viewer's side (shown aligned to the reading end)
     * @param removed whether a moderator removed it: {@code text} then says so, and it cannot be reported again
     * @param unread  whether it is news to the viewer (it arrived since they last read the conversation), marked so:
     *                one written earlier that came late is among the older ones
     */
    public record MessageLine(long id, String from, String text, String when, boolean mine, boolean removed,
                              boolean unread) {
    }
}
