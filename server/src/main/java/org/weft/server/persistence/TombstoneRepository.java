package org.weft.server.persistence;

import java.util.Optional;

import org.hibernate.Session;

/** Finds what is left of deleted local objects, inside the caller's transaction. */
public final class TombstoneRepository {
    private TombstoneRepository() {
    }

    public static Optional<TombstoneEntity> byUri(Session s, String uri) {
        return s.createSelectionQuery("from TombstoneEntity where uri = :u", TombstoneEntity.class)
                .setParameter("u", uri).uniqueResultOptional();
    }
}
