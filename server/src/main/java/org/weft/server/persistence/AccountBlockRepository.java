package org.weft.server.persistence;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.hibernate.Session;

/** Queries over account blocks (a community's or a member's). */
public final class AccountBlockRepository {
    private AccountBlockRepository() {
    }

    public static Optional<AccountBlockEntity> find(Session s, long blockerId, long blockedId) {
        return s.createSelectionQuery("from AccountBlockEntity where blocker.id = :a and blocked.id = :b",
                AccountBlockEntity.class).setParameter("a", blockerId).setParameter("b", blockedId).uniqueResultOptional();
    }

    /**
     * Whether any of {@code blockerIds} (nulls ignored) blocked {@code blockedId}, or, being a community, refuses the
     * server of that account (V92): every check of a blocked account (posts, follows, responses, notices) thereby
     * refuses a blocked server's accounts too.
     */
    public static boolean anyBlocks(Session s, Collection<Long> blockerIds, long blockedId) {
        List<Long> ids = blockerIds.stream().filter(Objects::nonNull).toList();
        if (ids.isEmpty()) {
            return false;
        }
        return s.createSelectionQuery("select count(*) from AccountBlockEntity where blocker.id in (:a) and blocked.id = :b",
                Long.class).setParameterList("a", ids).setParameter("b", blockedId).getSingleResult() > 0
                || s.createSelectionQuery("select count(*) from CommunityServerBlockEntity refused, ActorEntity sender"
                        + " where sender.id = :sender and sender.local = false and refused.domain = sender.domain"
                        + " and refused.communityId in (:blockers)", Long.class)
                .setParameterList("blockers", ids).setParameter("sender", blockedId).getSingleResult() > 0;
    }

    /** What {@code blockerId} blocked, newest first, with the blocked accounts. */
    public static List<AccountBlockEntity> byBlocker(Session s, long blockerId) {
        return s.createSelectionQuery("from AccountBlockEntity b join fetch b.blocked where b.blocker.id = :a"
                + " order by b.id desc", AccountBlockEntity.class).setParameter("a", blockerId).getResultList();
    }
}
