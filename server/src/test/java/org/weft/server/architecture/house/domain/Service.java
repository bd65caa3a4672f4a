package org.weft.server.architecture.house.domain;

import org.hibernate.Session;
import org.weft.server.architecture.house.persistence.Things;
import org.weft.server.architecture.house.queue.Jobs;

/** A domain service on persistence and the queue. */
public final class Service {
    public int count(Session s) {
        return Things.all(s).size() + Jobs.due(s).size();
    }
}
