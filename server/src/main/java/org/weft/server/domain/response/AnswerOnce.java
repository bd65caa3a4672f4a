package org.weft.server.domain.response;

import org.hibernate.Session;
import org.weft.server.domain.ConflictException;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.persistence.ProposalRepository;
import org.weft.server.persistence.ResponseRepository;

/**
 * One answer per member and proposal, from here (a proposal of ours or a copy held from elsewhere). What else they
 * have to say goes in the conversation of their answer. Its state does not matter: a second answer after a decline
 * would reopen what the author closed and tell them again, and the author cannot block a member of this instance. A
 * page shows no second form; a second tab, or a form sent again, is refused here, before anything is kept or sent.
 * An answer a moderator hid does not count: the pages show it to nobody, its writer included.
 * <p>
 * Two answers sent at the same moment (a double tap, two tabs) must not both pass the check: the proposal's row is
 * locked first, in the caller's transaction, so the second waits until the first is kept and then finds it. No
 * unique constraint can say this (a hidden answer does not count), so the lock does.
 */
final class AnswerOnce {
    private AnswerOnce() {
    }

    /** @throws ConflictException {@code already_answered} when {@code member} answered {@code p} already */
    static void require(Session s, ProposalEntity p, ActorEntity member) {
        ProposalRepository.lock(s, p);
        if (!ResponseRepository.byMemberTo(s, p, member.getId()).isEmpty()) {
            throw new ConflictException("already_answered", "error.already_answered");
        }
    }
}
