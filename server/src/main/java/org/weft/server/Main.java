package org.weft.server;

import io.helidon.webserver.WebServer;

/** Starts Weft: reads configuration, opens the database, starts the web server and the workers. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        WebServer server = WebServer.builder()
                .port(8080)
                .routing(r -> r.get("/", (req, res) -> res.send("Weft")))
                .build()
                .start();
        System.out.println("Weft listening on http://localhost:" + server.port());
    }
}
