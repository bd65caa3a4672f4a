package org.weft.server.domain;

/**
 * The thing exists and the asker may act on it, but its state takes no more of this: a conversation closed because
 * the proposal was withdrawn, or full. Nothing was stored. Adapters answer 409; changing the input does not help.
 */
public final class ConflictException extends DomainException {
    private static final long serialVersionUID = 1L;

    /**
     * @param code       the stable English code, e.g. {@code conversation_closed}
     * @param messageKey the sentence that says why, e.g. {@code conversation.closedWithdrawn}
     */
    public ConflictException(String code, String messageKey) {
        super(code, messageKey, null, null, new Object[0]);
    }
}
