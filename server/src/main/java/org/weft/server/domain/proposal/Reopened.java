package org.weft.server.domain.proposal;

import org.hibernate.Session;
import org.weft.server.model.ProposalStatus;
import org.weft.server.persistence.ProposalEntity;

/**
 * Told, inside the transaction that moves it, when a promised proposal is open again: its author here moved it back
 * to open (to look for more or other people), or, for a copy kept here, its owner's {@code Update} said so. Whoever it
 * was promised to is still accepted (the author did not turn them down, and a decision is not taken back), but what
 * was arranged may change, and they must not go on reading it as settled (domain.response tells them); this package
 * only says when. Not called when it opens again because the one it was promised to left ({@code DepartedResponder}):
 * nobody is left to tell.
 */
@FunctionalInterface
public interface Reopened {
    Reopened NONE = (s, p) -> { };

    void reopened(Session s, ProposalEntity proposal);

    /** Whether moving a proposal from {@code before} to {@code after} opens again what was promised. */
    static boolean reopens(ProposalStatus before, ProposalStatus after) {
        return before == ProposalStatus.PROMISED && after == ProposalStatus.OPEN;
    }
}
