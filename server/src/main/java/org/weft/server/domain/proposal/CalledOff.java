package org.weft.server.domain.proposal;

import org.hibernate.Session;
import org.weft.server.model.ProposalStatus;
import org.weft.server.persistence.ProposalEntity;

/**
 * Told, inside the transaction that closes it, when a proposal's author calls it off: withdraws it, or deletes it
 * before it was fulfilled. For a local proposal its author did it here; for a copy kept here, its owner's {@code Update}
 * (status withdrawn) or {@code Delete} arrived. Whoever was promised it must learn that what was arranged is off
 * (domain.response tells them); this package only says when. Called once per proposal: a withdrawn proposal deleted
 * later, or a fulfilled one deleted, is not called off again.
 */
@FunctionalInterface
public interface CalledOff {
    CalledOff NONE = (s, p) -> { };

    void calledOff(Session s, ProposalEntity proposal);

    /** Whether closing a proposal in {@code status} calls it off: not when it was fulfilled, or withdrawn already. */
    static boolean callsOff(ProposalStatus status) {
        return status != ProposalStatus.FULFILLED && status != ProposalStatus.WITHDRAWN;
    }
}
