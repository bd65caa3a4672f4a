package org.weft.server.domain.response;

import java.util.List;

import org.hibernate.Session;
import org.weft.server.domain.moderation.AccountBlocks;
import org.weft.server.persistence.ResponseEntity;

/**
 * Which responses the lists of a proposal leave out because of a block, in one place for its page and the API: those
 * still waiting for a decision ({@code new}) whose sender is blocked on the proposal ({@link AccountBlocks#blockedOn}:
 * by its author for themselves, or by its community). As Mastodon hides a blocked account's posts, a flood of answers
 * from it would otherwise stay in front of the author, each with an Accept that {@link ResponseDecisions} refuses.
 * Nothing is deleted: lifting the block shows them again. A response already decided stays listed, so what was
 * arranged (or turned down) is not lost from view; its conversation says it is closed. The counts of responses the
 * API gives an author ask the same in SQL ({@code ResponseRepository.SHOWN_DESPITE_BLOCKS}); a change here is made
 * there too, and {@code BlockedResponsesAgreeTest} fails until it is.
 */
public final class BlockedResponses {
    private BlockedResponses() {
    }

    /** Whether {@code r} is left out of its proposal's lists: still waiting, from an account blocked on the proposal. */
    public static boolean leftOut(Session s, ResponseEntity r) {
        return r.getState() == ResponseEntity.State.NEW && AccountBlocks.blockedOn(s, r.getProposal(), r.getResponder());
    }

    /** {@code responses} of one proposal without those {@link #leftOut} (order kept). */
    public static List<ResponseEntity> shown(Session s, List<ResponseEntity> responses) {
        return responses.stream().filter(r -> !leftOut(s, r)).toList();
    }
}
