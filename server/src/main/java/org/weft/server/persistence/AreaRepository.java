package org.weft.server.persistence;

import java.util.List;
import java.util.Optional;

import org.hibernate.Session;

/** Queries over the instance's areas, inside the caller's transaction. */
public final class AreaRepository {
    private AreaRepository() {
    }

    public static List<AreaEntity> all(Session s) {
        return s.createSelectionQuery("from AreaEntity order by code", AreaEntity.class).getResultList();
    }

    public static Optional<AreaEntity> byCode(Session s, String code) {
        return s.createSelectionQuery("from AreaEntity where code = :c", AreaEntity.class)
                .setParameter("c", code).uniqueResultOptional();
    }
}
