package org.weft.server.proposal;

import java.time.Duration;
import java.time.Instant;

import org.hibernate.Session;
import org.weft.server.persistence.ActorEntity;

/**
 * One remote account cannot flood a community's board: past {@code postsPerHour} posts in an hour on one board, its
 * next posts wait for a moderator, even when it follows the community. Counted by when this server received them,
 * not by the date the sender claims.
 */
public final class BoardLimit {
    static final Duration WINDOW = Duration.ofHours(1);

    private final int postsPerHour;

    /** {@code postsPerHour} 0: no limit. */
    public BoardLimit(int postsPerHour) {
        this.postsPerHour = postsPerHour;
    }

    /** Whether one more post of {@code sender} on {@code community}'s board may show at once. */
    public boolean allows(Session s, ActorEntity sender, ActorEntity community, Instant now) {
        if (postsPerHour == 0) {
            return true;
        }
        long recent = s.createSelectionQuery("select count(*) from ProposalEntity p where p.author = :a and p.group = :g"
                        + " and p.local = false and p.receivedAt > :since", Long.class)
                .setParameter("a", sender).setParameter("g", community).setParameter("since", now.minus(WINDOW))
                .getSingleResult();
        return recent < postsPerHour;
    }
}
