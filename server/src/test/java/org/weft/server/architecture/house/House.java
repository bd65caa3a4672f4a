package org.weft.server.architecture.house;

import org.weft.server.architecture.house.domain.Service;
import org.weft.server.architecture.house.ui.Page;

/** The wiring: builds the page on the service. */
public final class House {
    private House() {
    }

    public static Page build() {
        return new Page(new Service());
    }
}
