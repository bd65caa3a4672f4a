package org.weft.server.domain.moderation;

import java.util.Optional;

import org.hibernate.Session;
import org.weft.server.model.ProposalStatus;
import org.weft.server.persistence.ModeratorRepository;
import org.weft.server.persistence.ProposalEntity;

/**
 * Who may open a local proposal's page. Anyone, while it is shown at its address; once a moderator hid it (or while it
 * waits for one), only the moderators of its community (operators, for one in no community), who must see what they
 * hid to review it, and not its author: a removed post is gone for everyone else. Once withdrawn, only its author, who
 * still finds it in their own list and may delete it. Nobody once deleted. (Whether a community-only one is shown to
 * a visitor is the page's own rule.)
 */
public final class ProposalReaders {
    private ProposalReaders() {
    }

    /** Whether the member {@code memberId} (empty: a visitor not logged in) may open {@code p}'s page. */
    public static boolean mayOpen(Session s, Optional<Long> memberId, ProposalEntity p) {
        if (!p.isLocal() || p.isDeleted()) {
            return false;
        }
        if (p.isHeldByModerator()) {
            return memberId.map(m -> moderates(s, m, p)).orElse(false);
        }
        if (p.getStatus() == ProposalStatus.WITHDRAWN) {
            return memberId.map(m -> m.equals(p.getAuthor().getId())).orElse(false);
        }
        return true;
    }

    private static boolean moderates(Session s, long memberId, ProposalEntity p) {
        return p.getGroup() == null ? ModeratorRepository.isOperator(s, memberId)
                : Moderators.moderates(s, memberId, p.getGroup().getId());
    }
}
