package org.weft.server.domain.response;

/**
 * A message a conversation does not take, with the message key ({@code conversation.*}) that says why in the
 * writer's language: the message is empty or too long, or the conversation takes no more ({@link #closed()}: the
 * proposal was withdrawn or deleted, the response declined, one of the two people left, or it is full). Nothing was
 * stored.
 */
public final class ConversationRefused extends IllegalArgumentException {
    private final boolean closed;

    ConversationRefused(String key, boolean closed) {
        super(key);
        this.closed = closed;
    }

    /** The message key. */
    public String key() {
        return getMessage();
    }

    /** Whether the conversation takes no more messages (as opposed to this message being unacceptable). */
    public boolean closed() {
        return closed;
    }
}
