package org.weft.server.architecture.house.ui;

import io.helidon.webserver.http.ServerResponse;
import org.weft.server.architecture.house.federation.Endpoint;

/** Bad: a page that calls a federation endpoint instead of the domain. */
public final class FederatingPage {
    private final Endpoint endpoint;

    public FederatingPage(Endpoint endpoint) {
        this.endpoint = endpoint;
    }

    public void render(ServerResponse res) {
        endpoint.answer(res);
    }
}
