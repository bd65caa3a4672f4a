package org.weft.server.ui;

import java.util.Optional;

import org.hibernate.Session;
import org.weft.server.domain.moderation.CopyReaders;
import org.weft.server.domain.moderation.ProposalReaders;
import org.weft.server.model.Audience;
import org.weft.server.persistence.ProposalEntity;

/**
 * Whether someone may read a proposal here as its page would show it to them: one of ours by {@link ProposalReaders}
 * (a community-only one to signed-in members alone), a copy from another server by {@link CopyReaders}, as
 * {@link RemoteProposalPage} shows it. What may act on a proposal without opening its page (a report) asks this, so
 * that it tells nobody more than the page would.
 */
final class ProposalPageReaders {
    private ProposalPageReaders() {
    }

    /** Whether the member {@code memberId} (empty: a visitor not logged in) may read {@code p}'s page. */
    static boolean mayRead(Session s, Optional<Long> memberId, ProposalEntity p) {
        if (!p.isLocal()) {
            return CopyReaders.mayOpen(s, memberId, p);
        }
        return ProposalReaders.mayOpen(s, memberId, p)
                && (p.getAudience() != Audience.COMMUNITY || memberId.isPresent());
    }
}
