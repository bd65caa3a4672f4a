package org.weft.server.domain.moderation;

import org.hibernate.Session;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.ProposalRepository;
import org.weft.server.persistence.ReportRepository;

/**
 * The accounts a community's moderators already meet in that community, and so may be named to them by number: the
 * author of a post there under their own name (waiting, on the board, or kept off it), or the account of a report made
 * to it. Any other account is none of theirs: a form that took any number would list every account this server knows,
 * address by address. A post under the community's name (an anonymous request) does not count for the member behind
 * it, nor does a report of it, so that a number never tells who asked.
 */
public final class CommunityAccounts {
    private CommunityAccounts() {
    }

    /** Whether {@code account} has a post of its own or a report in {@code community}, as said above. */
    public static boolean known(Session s, ActorEntity community, ActorEntity account) {
        return ProposalRepository.hasOwnPostIn(s, community, account)
                || ReportRepository.toCommunityAbout(s, community, account).stream()
                        .anyMatch(r -> !AnonymousRequestReports.isOne(s, r));
    }
}
