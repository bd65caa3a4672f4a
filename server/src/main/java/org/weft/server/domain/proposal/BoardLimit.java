package org.weft.server.domain.proposal;

import java.time.Duration;
import java.time.Instant;

import org.hibernate.Session;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.ProposalRepository;

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
        return postsPerHour == 0
                || ProposalRepository.receivedOnBoardSince(s, sender, community, now.minus(WINDOW)) < postsPerHour;
    }
}
