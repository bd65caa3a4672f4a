package org.weft.server.domain.moderation;

import java.util.Optional;

import org.hibernate.Session;
import org.weft.server.model.ProposalStatus;
import org.weft.server.persistence.ModeratorRepository;
import org.weft.server.persistence.ProposalEntity;

/**
 * Who may open a local proposal's page. Anyone, while it is shown at its address; while it waits for a moderator, only
 * the moderators of its community (operators, for one in no community). Once a moderator hid it, those moderators, who
 * must see what they hid to review it, and its author (for an anonymous one, the member behind it), who is told on
 * that page why it is gone and may delete it: for everyone else it is gone. Once withdrawn, only its author, who still
 * finds it in their own list and may delete it. Nobody once deleted. (Whether a community-only one is shown to a
 * visitor is the page's own rule; who may open the page of a copy from another server is {@link CopyReaders}.)
 */
public final class ProposalReaders {
    private ProposalReaders() {
    }

    /** Whether the member {@code memberId} (empty: a visitor not logged in) may open {@code p}'s page. */
    public static boolean mayOpen(Session s, Optional<Long> memberId, ProposalEntity p) {
        if (!p.isLocal() || p.isDeleted()) {
            return false;
        }
        if (hidden(p)) {
            return memberId.map(m -> m.equals(p.getAuthor().getId()) || moderates(s, m, p)).orElse(false);
        }
        if (p.isHeldByModerator()) {
            return memberId.map(m -> moderates(s, m, p)).orElse(false);
        }
        if (p.getStatus() == ProposalStatus.WITHDRAWN) {
            return memberId.map(m -> m.equals(p.getAuthor().getId())).orElse(false);
        }
        return true;
    }

    /**
     * Whether a moderator hid {@code p} (after a report, or turned it away while it waited): shown to nobody but its
     * author and its moderators, until one shows it again. One still waiting is not hidden.
     */
    public static boolean hidden(ProposalEntity p) {
        return p.getModeration() == ProposalEntity.Moderation.REJECTED;
    }

    /** Whether {@code memberId} moderates {@code p}'s community (is an operator, for one in no community). */
    public static boolean moderates(Session s, long memberId, ProposalEntity p) {
        return p.getGroup() == null ? ModeratorRepository.isOperator(s, memberId)
                : Moderators.moderates(s, memberId, p.getGroup().getId());
    }
}
