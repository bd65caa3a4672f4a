import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The rest of the fediverse, as the cluster check needs it: several "servers" (one loopback port each) whose users'
 * inboxes count every POST they get, per inbox and per activity id, answering 202 after a short wait so a fan-out
 * keeps both Weft nodes busy; and one user, rosa, whose actor document carries the public key her Follow is signed
 * with.
 */
final class MockFediverse implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<HttpServer> servers = new ArrayList<>();
    private final KeyPair rosaKey;
    private final int answerMillis;
    /** "host:port/users/uN/inbox" to activity id to how many times it arrived. */
    private final Map<String, Map<String, AtomicInteger>> received = new ConcurrentHashMap<>();
    private final AtomicInteger posts = new AtomicInteger();

    MockFediverse(List<Integer> ports, KeyPair rosaKey, int answerMillis) throws IOException {
        this.rosaKey = rosaKey;
        this.answerMillis = answerMillis;
        for (int port : ports) {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 200);
            server.createContext("/", exchange -> handle(exchange, port));
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            servers.add(server);
        }
    }

    static String rosa(int port) {
        return "http://127.0.0.1:" + port + "/users/rosa";
    }

    private void handle(HttpExchange exchange, int port) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if ("GET".equals(exchange.getRequestMethod()) && path.equals("/users/rosa")) {
                answer(exchange, 200, rosaDocument(port));
            } else if ("POST".equals(exchange.getRequestMethod()) && path.endsWith("/inbox")) {
                byte[] body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = in.readAllBytes();
                }
                String activity = activityId(body);
                received.computeIfAbsent("127.0.0.1:" + port + path, k -> new ConcurrentHashMap<>())
                        .computeIfAbsent(activity, k -> new AtomicInteger()).incrementAndGet();
                posts.incrementAndGet();
                Thread.sleep(answerMillis);
                answer(exchange, 202, "");
            } else {
                answer(exchange, 404, "");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String rosaDocument(int port) {
        String id = rosa(port);
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(rosaKey.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        var doc = JSON.createObjectNode();
        doc.putArray("@context").add("https://www.w3.org/ns/activitystreams").add("https://w3id.org/security/v1");
        doc.put("id", id).put("type", "Person").put("preferredUsername", "rosa").put("name", "Rosa")
                .put("inbox", id + "/inbox").put("outbox", id + "/outbox");
        doc.putObject("publicKey").put("id", id + "#main-key").put("owner", id).put("publicKeyPem", pem);
        return doc.toString();
    }

    private static String activityId(byte[] body) {
        try {
            JsonNode activity = JSON.readTree(body);
            return activity.path("type").asText() + " " + activity.path("id").asText();
        } catch (IOException e) {
            return "unreadable";
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/activity+json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    /** Every POST so far. */
    int posts() {
        return posts.get();
    }

    /** A copy of what each inbox got: activity ("Type id") to count. */
    Map<String, Map<String, Integer>> received() {
        Map<String, Map<String, Integer>> copy = new java.util.TreeMap<>();
        received.forEach((inbox, byActivity) -> {
            Map<String, Integer> counts = new java.util.TreeMap<>();
            byActivity.forEach((activity, count) -> counts.put(activity, count.get()));
            copy.put(inbox, counts);
        });
        return copy;
    }

    @Override
    public void close() {
        servers.forEach(server -> server.stop(0));
    }
}
