package org.weft.server.architecture.house.persistence;

import org.weft.server.architecture.house.domain.Service;

/** Bad: persistence calls up into a domain service. */
public final class BackArrow {
    private BackArrow() {
    }

    public static int count(Service service) {
        return service.count(null);
    }
}
