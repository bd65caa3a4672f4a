package org.weft.bench.targets;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The storage flood of the hardening issue: signed {@code Like}s of about 1 MB from one actor, sent 8 at a time (the
 * issue sent 100 in 6.8 s). Each is signed just before it is sent, so its Date is fresh.
 */
final class FloodRequests {
    static final int BODY_BYTES = 1_000_000;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private FloodRequests() {
    }

    /** What the inbox answered: count per status, and the Retry-After values of the 429s. */
    record Answers(Map<Integer, Integer> statuses, List<Long> retryAfterSeconds, Duration took) {
        int count(int status) {
            return statuses.getOrDefault(status, 0);
        }
    }

    /** {@code count} Likes of {@link #BODY_BYTES} from {@code sender}, ids tagged {@code tag}. */
    static Answers send(Sender sender, int port, String tag, int count, int bodyBytes) throws Exception {
        URI inbox = URI.create("http://localhost:" + port + "/inbox");
        long start = System.nanoTime();
        List<Future<HttpResponse<Void>>> answers = new ArrayList<>();
        try (ExecutorService senders = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < count; i++) {
                int n = i;
                answers.add(senders.submit(() -> post(sender, inbox, like(sender, tag + "-" + n, bodyBytes))));
            }
            Map<Integer, Integer> statuses = new TreeMap<>();
            List<Long> retryAfter = new ArrayList<>();
            for (Future<HttpResponse<Void>> answer : answers) {
                HttpResponse<Void> response = answer.get();
                statuses.merge(response.statusCode(), 1, Integer::sum);
                response.headers().firstValue("Retry-After").ifPresent(v -> retryAfter.add(Long.parseLong(v)));
            }
            return new Answers(statuses, retryAfter, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    static String activityId(Sender sender, String serial) {
        return sender.actor().uri() + "/likes/" + serial;
    }

    private static HttpResponse<Void> post(Sender sender, URI inbox, byte[] body) throws Exception {
        Map<String, String> headers = sender.signer().signPost(inbox, body, "application/activity+json", Instant.now());
        HttpRequest.Builder request = HttpRequest.newBuilder(inbox).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach((name, value) -> {
            if (!name.equalsIgnoreCase("Host")) {
                request.header(name, value);
            }
        });
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding());
    }

    /** A Like padded with letters to {@code bytes} (not compressible, as an attacker's would not be). */
    private static byte[] like(Sender sender, String serial, int bytes) {
        String head = "{\"@context\":\"https://www.w3.org/ns/activitystreams\",\"id\":\"" + activityId(sender, serial)
                + "\",\"type\":\"Like\",\"actor\":\"" + sender.actor().uri() + "\",\"object\":\"" + sender.actor().uri()
                + "/notes/1\",\"content\":\"";
        String tail = "\"}";
        StringBuilder padding = new StringBuilder(bytes);
        Random random = new Random(serial.hashCode());
        for (int i = head.length() + tail.length(); i < bytes; i++) {
            padding.append((char) ('a' + random.nextInt(26)));
        }
        return (head + padding + tail).getBytes(StandardCharsets.UTF_8);
    }
}
