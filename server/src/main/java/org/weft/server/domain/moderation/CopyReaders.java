package org.weft.server.domain.moderation;

import java.util.Optional;

import org.hibernate.Session;
import org.weft.server.model.Audience;
import org.weft.server.model.ProposalStatus;
import org.weft.server.persistence.ProposalEntity;

/**
 * Who may open the page this instance keeps for a copy of another server's proposal ({@code /remote-proposals/{id}}),
 * and when that page says the copy is gone: one rule, for that page and for every page that links to it (a member's
 * responses, the heading of a conversation), so that none of them links to a page that answers 404. The page shows a
 * copy as the board would: one still held through a link, to everyone (a community-only one to signed-in members); one
 * a moderator holds back, to those who moderate it only; not one whose account or server the communities holding it
 * blocked ({@link BlockedCopies}), nor one detached when the last link that held it ended. (Who may open a proposal of
 * this instance is {@link ProposalReaders}.)
 */
public final class CopyReaders {
    private CopyReaders() {
    }

    /** Whether the member {@code memberId} (empty: a visitor not logged in) may read the page of the copy {@code p}. */
    public static boolean mayOpen(Session s, Optional<Long> memberId, ProposalEntity p) {
        if (p == null || p.isLocal() || p.isDeleted() || p.isDetached() || p.getStatus() == ProposalStatus.WITHDRAWN
                || BlockedCopies.blockedWhereHeld(s, p)) {
            return false;
        }
        if (p.isHeldByModerator()) {
            return memberId.map(i -> ProposalReaders.moderates(s, i, p)).orElse(false);
        }
        return p.getAudience() != Audience.COMMUNITY || memberId.isPresent();
    }

    /**
     * Whether the copy's page answers 410, saying what became of it, instead of 404: its server withdrew or deleted it,
     * and it is not one the communities holding it blocked. A copy detached by an unlink says so only once its owner
     * told this instance it was withdrawn (an owner's {@code Update} still reaches the server of a member whose answer
     * stands, whatever the follows): one merely deleted since may be one whose server answered 410 when the link came
     * back, which does not say whether it was withdrawn, so the page says nothing rather than "deleted".
     */
    public static boolean gone(Session s, ProposalEntity p) {
        if (p == null || p.isLocal() || BlockedCopies.blockedWhereHeld(s, p)) {
            return false;
        }
        boolean withdrawn = p.getStatus() == ProposalStatus.WITHDRAWN;
        return withdrawn || p.isDeleted() && !p.isDetached();
    }
}
