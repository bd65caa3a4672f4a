package org.weft.server.domain.response;

import java.util.Optional;

import org.hibernate.Session;
import org.weft.server.domain.moderation.ProposalReaders;
import org.weft.server.persistence.ConversationMessageEntity;
import org.weft.server.persistence.ResponseEntity;

/**
 * Who may read a response or a conversation message, and so report it. A conversation (the response and its messages)
 * is for its two sides: the responder, and whoever may act for the proposal's author ({@link AuthorSide}: for an
 * anonymous request its community's moderators too). A public response is also read, not hidden, by anyone who may
 * open its proposal's page ({@link ProposalReaders}). Moderators and operators read nothing more here than any member:
 * what a private conversation says reaches them through a report by one of its sides.
 */
public final class ResponseReaders {
    private ResponseReaders() {
    }

    /** Whether the member {@code memberId} may read {@code r}: a side of its conversation, or on its public page. */
    public static boolean mayRead(Session s, long memberId, ResponseEntity r) {
        return inConversation(s, memberId, r) || r.isPublicResponse() && !r.isHidden()
                && ProposalReaders.mayOpen(s, Optional.of(memberId), r.getProposal());
    }

    /** Whether the member {@code memberId} may read {@code m}: a side of its conversation only. */
    public static boolean mayRead(Session s, long memberId, ConversationMessageEntity m) {
        return inConversation(s, memberId, m.getResponse());
    }

    /** Whether {@code memberId} is one of the two sides of {@code r}'s conversation. */
    public static boolean inConversation(Session s, long memberId, ResponseEntity r) {
        return r.getResponder().getId() == memberId || AuthorSide.mayActFor(s, memberId, r.getProposal());
    }
}
