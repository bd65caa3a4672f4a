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
     * Whether any of {@code blockerIds} blocked the account {@code :sender}, or, being a community, refuses the server of
     * that account (V92), in one statement: it is asked on every inbound post, follow and response. Read through the
     * unique keys of both tables, (blocker, blocked) and (community, domain), and the actor's primary key
     * ({@code AccountBlockPlanTest}); H2 and MariaDB alike.
     */
    static final String ANY_BLOCKS_SQL = "SELECT (SELECT count(*) FROM account_block b"
            + " WHERE b.blocker_id IN (:blockers) AND b.blocked_id = :sender)"
            // The sender's server read first, on its own: correlated with the actor row instead, MariaDB reads every
            // server the communities refuse (the unique key's first column only).
            + " + (SELECT count(*) FROM community_server_block r WHERE r.community_id IN (:blockers)"
            + " AND r.domain = (SELECT a.domain FROM actor a WHERE a.id = :sender AND a.is_local = false))";

    /**
     * Whether any of {@code blockerIds} (nulls ignored) blocked {@code blockedId}, or, being a community, refuses the
     * server of that account (V92): every check of a blocked account (posts, follows, responses, notices) thereby
     * refuses a blocked server's accounts too.
     */
    public static boolean anyBlocks(Session s, Collection<Long> blockerIds, long blockedId) {
        List<Long> ids = blockerIds.stream().filter(Objects::nonNull).distinct().toList();
        if (ids.isEmpty()) {
            return false;
        }
        // The tables it reads, named: a native statement would otherwise flush every pending change of the session first.
        return s.createNativeQuery(ANY_BLOCKS_SQL, Long.class)
                .addSynchronizedQuerySpace("actor")
                .addSynchronizedQuerySpace("account_block")
                .addSynchronizedQuerySpace("community_server_block")
                .setParameterList("blockers", ids).setParameter("sender", blockedId).getSingleResult() > 0;
    }

    /** What {@code blockerId} blocked, newest first, with the blocked accounts. */
    public static List<AccountBlockEntity> byBlocker(Session s, long blockerId) {
        return s.createSelectionQuery("from AccountBlockEntity b join fetch b.blocked where b.blocker.id = :a"
                + " order by b.id desc", AccountBlockEntity.class).setParameter("a", blockerId).getResultList();
    }
}
