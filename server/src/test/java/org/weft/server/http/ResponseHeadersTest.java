package org.weft.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weft.server.testing.TestClock;

/**
 * The headers reach the wire as set, on a bare Helidon server whose clock stands on the 4th of December: Helidon must
 * not replace the two-digit-day {@code Date}, on routed answers, errors, or the answers it makes before routing.
 */
class ResponseHeadersTest {
    private static final String FOURTH = "Fri, 04 Dec 2026 05:00:00 GMT";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static WebServer server;

    @BeforeAll
    static void start() {
        ResponseHeaders headers = new ResponseHeaders(new TestClock(Instant.parse("2026-12-04T05:00:00Z")));
        server = WebServer.builder().host("127.0.0.1").port(0)
                .directHandlers(headers.directHandlers())
                .routing(HttpRouting.builder().addFilter(headers)
                        .get("/text", (req, res) -> res.send("hello"))
                        .get("/stream", (req, res) -> {
                            try (OutputStream out = res.outputStream()) {
                                out.write("streamed".getBytes(StandardCharsets.UTF_8));
                            }
                        })
                        .get("/empty", (req, res) -> res.status(Status.NO_CONTENT_204).send())
                        .get("/fails", (req, res) -> {
                            throw new IllegalStateException("boom");
                        }))
                .build().start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void routedAnswersCarryTheHeadersAndAnImfFixdate() throws Exception {
        for (String path : new String[] {"/text", "/stream", "/empty", "/fails", "/no-such-route"}) {
            HttpResponse<String> res = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(FOURTH, res.headers().firstValue("Date").orElse(""), path);
            assertEquals(1, res.headers().allValues("Date").size(), path + ": one Date header");
            assertEquals("same-origin", res.headers().firstValue("Referrer-Policy").orElse(""), path);
            assertEquals("nosniff", res.headers().firstValue("X-Content-Type-Options").orElse(""), path);
        }
    }

    @Test
    void answersHelidonMakesBeforeRoutingCarryThemToo() throws IOException {
        String head = raw("GET /text HTTP/1.1 extra\r\nHost: x\r\n\r\n");
        assertTrue(head.startsWith("HTTP/1.1 400"), head);
        assertTrue(head.contains("\r\nDate: " + FOURTH + "\r\n"), head);
        assertTrue(head.contains("\r\nReferrer-Policy: same-origin\r\n"), head);
        assertTrue(head.contains("\r\nX-Content-Type-Options: nosniff\r\n"), head);
        String badHeader = raw("GET /text HTTP/1.1\r\nHost: x\r\nNo colon here\r\n\r\n");
        assertTrue(badHeader.startsWith("HTTP/1.1 400"), badHeader);
        assertTrue(badHeader.contains("\r\nDate: " + FOURTH + "\r\n"), badHeader);
    }

    /** Sends bytes as they are (no client would send a malformed request) and returns the answer's head. */
    private static String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            int end = answer.indexOf("\r\n\r\n");
            return end < 0 ? answer : answer.substring(0, end + 2);
        }
    }
}
