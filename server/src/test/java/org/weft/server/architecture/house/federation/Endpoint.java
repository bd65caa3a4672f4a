package org.weft.server.architecture.house.federation;

import io.helidon.webserver.http.ServerResponse;
import org.weft.server.architecture.house.domain.Service;
import org.weft.server.architecture.house.http.Replies;

/** An adapter beside the page: answers another server from the same domain service. */
public final class Endpoint {
    private final Service service;

    public Endpoint(Service service) {
        this.service = service;
    }

    public void answer(ServerResponse res) {
        Replies.send(res, service.count(null));
    }
}
