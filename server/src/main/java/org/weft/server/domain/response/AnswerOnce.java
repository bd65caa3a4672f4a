package org.weft.server.domain.response;

import org.hibernate.Session;
import org.weft.server.domain.ConflictException;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.persistence.ResponseRepository;

/**
 * One answer per member and proposal, from here (a proposal of ours or a copy held from elsewhere). What else they
 * have to say goes in the conversation of their answer. Its state does not matter: a second answer after a decline
 * would reopen what the author closed and tell them again, and the author cannot block a member of this instance. A
 * page shows no second form; a second tab, or a form sent again, is refused here, before anything is kept or sent.
 * An answer a moderator hid does not count: the pages show it to nobody, its writer included.
 */
final class AnswerOnce {
    private AnswerOnce() {
    }

    /** @throws ConflictException {@code already_answered} when {@code member} answered {@code p} already */
    static void require(Session s, ProposalEntity p, ActorEntity member) {
        if (!ResponseRepository.byMemberTo(s, p, member.getId()).isEmpty()) {
            throw new ConflictException("already_answered", "error.already_answered");
        }
    }
}
