package org.weft.server.domain.follow;

import org.hibernate.Session;
import org.weft.server.persistence.ActorEntity;

/**
 * Told, inside the transaction that ended it, that a follow of {@code followee} by someone here has ended: an unlink, a
 * follow the other side refused. The proposals area implements it (copies held only through that follow are
 * detached), so that follows need not know of proposals.
 */
@FunctionalInterface
public interface FollowEnds {
    FollowEnds NONE = (session, followee) -> { };

    void ended(Session session, ActorEntity followee);
}
