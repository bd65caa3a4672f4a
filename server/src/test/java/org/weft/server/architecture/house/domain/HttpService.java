package org.weft.server.architecture.house.domain;

import io.helidon.webserver.http.ServerResponse;

/** Bad: a domain service that answers HTTP itself. */
public final class HttpService {
    public void answer(ServerResponse res) {
        res.send("done");
    }
}
