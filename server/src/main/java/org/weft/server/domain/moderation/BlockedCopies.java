package org.weft.server.domain.moderation;

import java.util.List;

import org.hibernate.Session;
import org.weft.server.persistence.AccountBlockRepository;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.FollowRepository;
import org.weft.server.persistence.ProposalEntity;

/**
 * Whether the communities here that hold a copy from another server have all blocked its account or refused its
 * server. Such a copy is on no board here (each board leaves out what its community blocked), so its page and an
 * answer to it treat it as not there. One that another community here still shows stays: its page is where that
 * board links. A copy under no community (kept because a member follows its account) is the member's business, as
 * FEDERATION.md says: no community's block reaches it.
 */
public final class BlockedCopies {
    private BlockedCopies() {
    }

    /** Whether every community here holding {@code copy} blocked its author or refuses the author's server. */
    public static boolean blockedWhereHeld(Session s, ProposalEntity copy) {
        List<Long> holders = holders(s, copy);
        long author = copy.getAuthor().getId();
        return !holders.isEmpty() && holders.stream()
                .allMatch(community -> AccountBlockRepository.anyBlocks(s, List.of(community), author));
    }

    /**
     * The communities whose boards hold the copy: its own, when it was posted to one of ours (a follower's post);
     * else those linking to the community of another server it came through.
     */
    private static List<Long> holders(Session s, ProposalEntity copy) {
        return boardsShowing(s, copy.getGroup());
    }

    /**
     * The communities here whose boards show what was posted to {@code group}: that community when it is ours, those
     * linking to it when it is another server's, none when there is no community.
     */
    static List<Long> boardsShowing(Session s, ActorEntity group) {
        if (group == null) {
            return List.of();
        }
        return group.isLocal() ? List.of(group.getId()) : FollowRepository.linkingCommunityIds(s, group.getId());
    }
}
