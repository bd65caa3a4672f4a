package org.weft.server.architecture.house.persistence;

import java.util.List;

import org.hibernate.Session;

/** The repository: its query is where queries belong. */
public final class Things {
    private Things() {
    }

    public static List<Thing> all(Session s) {
        return s.createSelectionQuery("from Thing", Thing.class).getResultList();
    }
}
