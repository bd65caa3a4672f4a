package org.weft.server.architecture.house.domain.one;

import org.weft.server.architecture.house.domain.two.Second;

/** Bad, with {@link Second}: two domain areas that use each other. */
public final class First {
    public Second next() {
        return new Second();
    }
}
