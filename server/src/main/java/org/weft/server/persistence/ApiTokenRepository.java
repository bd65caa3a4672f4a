package org.weft.server.persistence;

import java.util.Optional;

import org.hibernate.Session;

/** Finds member API tokens, inside the caller's transaction. */
public final class ApiTokenRepository {
    private ApiTokenRepository() {
    }

    /** Revokes every API token of a member; returns how many there were. */
    public static int deleteAllOf(Session s, long memberId) {
        return s.createMutationQuery("delete from ApiTokenEntity where actorId = :m").setParameter("m", memberId)
                .executeUpdate();
    }

    /** The token whose SHA-256 digest is {@code hash}. */
    public static Optional<ApiTokenEntity> byHash(Session s, String hash) {
        return s.createSelectionQuery("from ApiTokenEntity where tokenHash = :h", ApiTokenEntity.class)
                .setParameter("h", hash).uniqueResultOptional();
    }
}
