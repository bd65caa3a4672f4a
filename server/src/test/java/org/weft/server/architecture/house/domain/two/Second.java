package org.weft.server.architecture.house.domain.two;

import org.weft.server.architecture.house.domain.one.First;

/** Bad, with {@link First}: two domain areas that use each other. */
public final class Second {
    public First back() {
        return new First();
    }
}
