package org.weft.bench.server;

import java.nio.charset.StandardCharsets;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;

/**
 * The HTTP yardstick: a Helidon WebServer with one route returning a small JSON body, nothing else.
 * Also runnable as its own process ({@code BenchMain bare-server}) for the startup and memory yardsticks.
 */
public final class BareHelidon {
    public static final String PATH = "/hello";
    private static final byte[] BODY = "{\"status\":\"UP\",\"name\":\"weft-bench\"}".getBytes(StandardCharsets.UTF_8);

    private BareHelidon() {
    }

    public static WebServer start(int port) {
        HttpRouting.Builder routing = HttpRouting.builder()
                .get(PATH, (req, res) -> {
                    res.header(HeaderNames.CONTENT_TYPE, "application/json");
                    res.send(BODY);
                })
                .get("/health", (req, res) -> res.send("{\"status\":\"UP\"}"));
        return WebServer.builder().host("127.0.0.1").port(port).routing(routing).build().start();
    }
}
