package org.weft.server.architecture.house.ui;

import io.helidon.webserver.http.ServerResponse;
import org.weft.server.architecture.house.domain.Service;
import org.weft.server.architecture.house.http.Replies;

/** An adapter: answers HTTP from a domain service. */
public final class Page {
    private final Service service;

    public Page(Service service) {
        this.service = service;
    }

    public void render(ServerResponse res) {
        Replies.send(res, service.count(null));
    }
}
