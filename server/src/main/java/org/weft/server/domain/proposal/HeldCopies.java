package org.weft.server.domain.proposal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.hibernate.Session;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.FollowRepository;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.persistence.ProposalRepository;

/**
 * Which copies of other servers' proposals this instance holds because of a link, and what happens when the link
 * ends. A copy that came through another community's {@code Announce}s is held while someone here follows that
 * community, or its author; when the last such follow ends, the copy is <em>detached</em>: it leaves the boards,
 * searches and matching, and its matches are withdrawn (their members are told). Linking again brings it back through
 * the backfill, which fetches it afresh; a copy whose own server then answers 404 or 410 is gone.
 */
public final class HeldCopies {
    private final Clock clock;
    private final ProposalListener listener;

    /** {@code listener} hears of every copy detached or gone, after commit. */
    public HeldCopies(Clock clock, ProposalListener listener) {
        this.clock = clock;
        this.listener = listener;
    }

    /**
     * A follow of {@code followee} by someone here has ended (an unlink, a refused follow, a deleted actor), in the
     * caller's transaction: detaches the copies held through it that nothing else here holds. Returns how many.
     */
    public int followEnded(Session s, ActorEntity followee) {
        if (followee.isLocal()) {
            return 0;
        }
        List<ProposalEntity> candidates = ProposalRepository.heldThrough(s, followee.getId());
        if (candidates.isEmpty()) {
            return 0;
        }
        Set<Long> followed = FollowRepository.followedRemoteActorIds(s);
        Instant now = clock.instant();
        int detached = 0;
        for (ProposalEntity p : candidates) {
            if (!followed.contains(p.getGroup().getId()) && !followed.contains(p.getAttributedTo().getId())) {
                p.setDetachedAt(now);
                ProposalEvents.afterCommit(s, p, listener);
                detached++;
            }
        }
        return detached;
    }

    /** The copies that came through {@code community} and were detached (to fetch again on a new link), oldest first. */
    public List<String> detachedThrough(Session s, ActorEntity community, int limit) {
        return ProposalRepository.detachedThrough(s, community.getId(), limit);
    }

    /**
     * The copy's own server answered 404 or 410 for it: the copy is gone here too, as after a {@code Delete}. Returns
     * whether a copy was kept.
     */
    public boolean originGone(Session s, String uri) {
        Optional<ProposalEntity> copy = ProposalRepository.byUri(s, uri).filter(p -> !p.isLocal() && !p.isDeleted());
        copy.ifPresent(p -> {
            p.setDeletedAt(clock.instant());
            ProposalEvents.afterCommit(s, p, listener);
        });
        return copy.isPresent();
    }
}
