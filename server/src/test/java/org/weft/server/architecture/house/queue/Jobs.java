package org.weft.server.architecture.house.queue;

import java.util.List;

import org.hibernate.Session;
import org.weft.server.architecture.house.persistence.Thing;
import org.weft.server.architecture.house.persistence.Things;

/** Work waiting in the database, read through persistence. */
public final class Jobs {
    private Jobs() {
    }

    public static List<Thing> due(Session s) {
        return Things.all(s);
    }
}
