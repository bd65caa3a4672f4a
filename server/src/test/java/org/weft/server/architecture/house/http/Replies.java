package org.weft.server.architecture.house.http;

import io.helidon.webserver.http.ServerResponse;

/** What every adapter shares: how an answer is sent. */
public final class Replies {
    private Replies() {
    }

    public static void send(ServerResponse res, int count) {
        res.send(String.valueOf(count));
    }
}
