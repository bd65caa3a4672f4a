package org.weft.server.domain;

import java.time.Instant;

/**
 * What an edit from another server (an {@code Update} of a post) did to what this instance keeps of that post: a
 * proposal, a board post, a response or a message. Every area that keeps posts answers with one of these, so the
 * inbound handler can say why an edit changed nothing.
 */
public enum RemoteEdit {
    /** The kept copy now says what the edit says. */
    APPLIED,
    /** The edit is older than the version kept: a newer one arrived first, and the older one never wins. */
    STALE,
    /** Something is kept by that id, but it is not the sender's: nothing changed. */
    NOT_OWNER,
    /** Nothing of that kind is kept by that id here. */
    NOT_KEPT,
    /** What the edit says cannot be kept (a conversation message left empty, or made too long): nothing changed. */
    UNUSABLE,
    /**
     * The sender is blocked by whoever reads what is kept (a member, for herself; a proposal's author or community):
     * what they were sent before the block stays as it was, since an edit could turn it into anything.
     */
    BLOCKED;

    /**
     * Whether an edit dated {@code incoming} must lose to the version kept, dated {@code kept} (null when the kept
     * version was never edited). An edit without a date loses to any dated one; an edit as new as the kept version
     * wins (a redelivery, or two edits within the same second, which the wire cannot tell apart).
     */
    public static boolean isStale(Instant kept, Instant incoming) {
        return kept != null && (incoming == null || incoming.isBefore(kept));
    }
}
