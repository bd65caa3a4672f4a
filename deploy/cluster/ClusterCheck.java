import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The checks of deploy/cluster/check (docs/operating.md, "The cluster check"), run against two Weft nodes and a Galera
 * cluster that the script started. Prints PASS or FAIL per claim and exits 1 when any failed. Run by the script, as a
 * source-file program on the server jar's classpath (Jackson and the MariaDB driver come from there).
 */
public final class ClusterCheck {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration ONE_SECOND = Duration.ofSeconds(1);
    private static final int FOLLOWERS = Integer.parseInt(env("CHECK_FOLLOWERS", "1000"));

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String node1 = env("NODE1", null);
    private final String node2 = env("NODE2", null);
    private final String group = env("BASE", null) + "/groups/camp";
    private final List<Integer> mockPorts = new ArrayList<>();
    private final KeyPair rosaKey;
    private MockFediverse mock;
    private int failures;

    private ClusterCheck() throws Exception {
        for (String port : env("MOCK_PORTS", null).split(",")) {
            mockPorts.add(Integer.parseInt(port.trim()));
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        rosaKey = generator.generateKeyPair();
    }

    public static void main(String[] args) throws Exception {
        ClusterCheck check = new ClusterCheck();
        try (MockFediverse mock = new MockFediverse(check.mockPorts, check.rosaKey,
                Integer.parseInt(env("CHECK_ANSWER_MS", "100")))) {
            check.mock = mock;
            check.run();
        }
        System.out.println(check.failures == 0 ? "cluster check: all claims PASS" : "cluster check: " + check.failures
                + " claim(s) FAIL");
        System.exit(check.failures == 0 ? 0 : 1);
    }

    private void run() throws Exception {
        followShowsOnTheOtherNode();
        proposalIsMatchedByTheOtherNode();
        addFollowers();
        Set<String> before = activitiesSeen();
        createOffer(node1, env("OMAR_TOKEN", null), "Fan-out one: a pram to give");
        fanOut("fan-out to " + FOLLOWERS + " inboxes, both nodes delivering, each inbox once", before, false);
        before = activitiesSeen();
        createOffer(node2, env("LAYLA_TOKEN", null), "Fan-out two: a cot to give");
        fanOut("fan-out with a Galera node and a Weft node killed -9 midway: nothing lost", before, true);
    }

    /** A signed Follow POSTed to node 1; node 2's followers collection lists rosa within a second of node 1 storing it. */
    private void followShowsOnTheOtherNode() throws Exception {
        String rosa = MockFediverse.rosa(mockPorts.get(0));
        JsonNode before = getJson(node2 + "/groups/camp");
        String follow = JSON.createObjectNode().put("@context", "https://www.w3.org/ns/activitystreams")
                .put("id", rosa + "/follows/1").put("type", "Follow").put("actor", rosa).put("object", group).toString();
        int status = postSigned(URI.create(node1 + "/groups/camp/inbox"), follow, rosa + "#main-key");
        boolean stored = waitFor(Duration.ofSeconds(60), () -> count(
                "SELECT COUNT(*) FROM follow f JOIN actor a ON a.id = f.follower_id WHERE a.uri = ? AND f.state = 'ACCEPTED'",
                rosa) == 1);
        Instant storedAt = Instant.now();
        boolean shown = stored && waitFor(ONE_SECOND, () -> {
            JsonNode followers = getJson(node2 + "/groups/camp/followers");
            return followers.path("totalItems").asInt() == 1
                    && getJson(followers.path("first").asText().replace(env("BASE", null), node2))
                    .path("orderedItems").path(0).asText().equals(rosa);
        });
        report(status == 202 && shown, "a signed Follow received by node 1 shows in node 2's followers within 1 s",
                "inbox answered " + status + ", stored " + stored + ", node 2 listed rosa after "
                        + Duration.between(storedAt, Instant.now()).toMillis() + " ms");

        // The community starts approving its followers (an operator command: a third process); node 2 serves the actor
        // document with manuallyApprovesFollowers within a second, though it held the old one in memory.
        boolean wasOpen = !before.path("manuallyApprovesFollowers").asBoolean();
        int exit = new ProcessBuilder(List.of(env("WEFT_CLI_JAVA", "java"), "-jar", env("WEFT_JAR", null), "followers",
                "approval", "camp", "on")).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(new java.io.File(env("CLI_LOG", "/dev/null")))).start().waitFor();
        Instant changedAt = Instant.now();
        boolean served = waitFor(ONE_SECOND,
                () -> getJson(node2 + "/groups/camp").path("manuallyApprovesFollowers").asBoolean());
        report(wasOpen && exit == 0 && served, "a change to the community shows in node 2's actor document within 1 s",
                "command exit " + exit + ", node 2 served it after " + Duration.between(changedAt, Instant.now()).toMillis()
                        + " ms");
    }

    /**
     * Layla's request through node 2; one second later Omar's offer through node 1. Matching runs on the node that took
     * the new proposal, against its own index: the match exists only if node 1's index held the request by then.
     */
    private void proposalIsMatchedByTheOtherNode() throws Exception {
        long request = createProposal(node2, env("LAYLA_TOKEN", null), "request", "We need a pram");
        Instant created = Instant.now();
        Thread.sleep(Math.max(0, ONE_SECOND.toMillis() - Duration.between(created, Instant.now()).toMillis()));
        long offer = createOffer(node1, env("OMAR_TOKEN", null), "A pram to give");
        boolean matched = waitFor(Duration.ofSeconds(10), () -> count(
                "SELECT COUNT(*) FROM proposal_match WHERE request_id = ? AND offer_id = ?", request, offer) == 1);
        report(matched, "a request created on node 2 is matched by node 1 (its offer made 1 s later)",
                "request " + request + ", offer " + offer);
    }

    /** The fan-out's followers: accepted follows of the community from users spread over the mock's other servers. */
    private void addFollowers() throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection db = database()) {
            db.setAutoCommit(false);
            long groupId;
            try (PreparedStatement find = db.prepareStatement("SELECT id FROM actor WHERE uri = ?")) {
                find.setString(1, group);
                try (ResultSet row = find.executeQuery()) {
                    row.next();
                    groupId = row.getLong(1);
                }
            }
            try (PreparedStatement actor = db.prepareStatement("INSERT INTO actor (uri, kind, is_local, username, domain,"
                    + " display_name, inbox, key_id, public_key_pem, manually_approves, discoverable, created_at)"
                    + " VALUES (?, 'PERSON', FALSE, ?, ?, ?, ?, ?, 'unused', FALSE, FALSE, ?)")) {
                for (int i = 0; i < FOLLOWERS; i++) {
                    String host = "127.0.0.1:" + mockPorts.get(1 + i % (mockPorts.size() - 1));
                    String uri = "http://" + host + "/users/u" + i;
                    actor.setString(1, uri);
                    actor.setString(2, "u" + i);
                    actor.setString(3, host);
                    actor.setString(4, "u" + i);
                    actor.setString(5, uri + "/inbox");
                    actor.setString(6, uri + "#main-key");
                    actor.setTimestamp(7, now);
                    actor.addBatch();
                }
                actor.executeBatch();
            }
            try (PreparedStatement follow = db.prepareStatement("INSERT INTO follow (follower_id, followee_id, activity_uri,"
                    + " state, created_at, accepted_at, approved_at) SELECT id, ?, CONCAT(uri, '/follows/1'), 'ACCEPTED', ?, ?, ?"
                    + " FROM actor WHERE username LIKE 'u%' AND is_local = FALSE AND uri LIKE '%/users/u%'")) {
                follow.setLong(1, groupId);
                follow.setTimestamp(2, now);
                follow.setTimestamp(3, now);
                follow.setTimestamp(4, now);
                follow.executeUpdate();
            }
            db.commit();
        }
    }

    /**
     * Waits until the delivery queue is empty, then counts at the mock: every fan-out inbox must have every activity
     * that arrived since {@code before} once. With {@code kill}, node 1 and the Galera node both write through are
     * killed with SIGKILL once a quarter of the fan-out has arrived.
     */
    private void fanOut(String claim, Set<String> before, boolean kill) throws Exception {
        int startPosts = mock.posts();
        Instant started = Instant.now();
        String killed = "";
        if (kill) {
            waitFor(Duration.ofSeconds(60), () -> mock.posts() - startPosts >= FOLLOWERS / 4);
            int atKill = mock.posts() - startPosts;
            new ProcessBuilder("kill", "-9", env("WEFT1_PID", null), env("GALERA1_PID", null)).inheritIO().start().waitFor();
            killed = ", killed Weft node 1 and Galera node 1 after " + atKill + " POSTs";
        }
        // Which Weft processes hold connections to the mock's inboxes while it runs (ss names the process of a socket).
        Set<String> senders = java.util.concurrent.ConcurrentHashMap.newKeySet();
        Thread watcher = Thread.ofVirtual().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                senders.addAll(sendersToMock());
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        // Rows leased by a killed node come back after the delivery lease (2 minutes).
        boolean drained = waitFor(Duration.ofSeconds(kill ? 300 : 120), () -> count(
                "SELECT COUNT(*) FROM delivery WHERE state = 'PENDING'") == 0);
        watcher.interrupt();
        boolean bothSent = senders.containsAll(List.of("node 1", "node 2"));
        Map<String, Map<String, Integer>> received = mock.received();
        Set<String> activities = new HashSet<>();
        received.forEach((inbox, counts) -> {
            if (inbox.contains("/users/u")) {
                counts.keySet().stream().filter(a -> !before.contains(a)).forEach(activities::add);
            }
        });
        long missing = 0;
        long duplicates = 0;
        for (int i = 0; i < FOLLOWERS; i++) {
            String inbox = "127.0.0.1:" + mockPorts.get(1 + i % (mockPorts.size() - 1)) + "/users/u" + i + "/inbox";
            Map<String, Integer> counts = received.getOrDefault(inbox, Map.of());
            for (String activity : activities) {
                int n = counts.getOrDefault(activity, 0);
                missing += n == 0 ? 1 : 0;
                duplicates += Math.max(0, n - 1);
            }
        }
        long expected = (long) activities.size() * FOLLOWERS;
        boolean pass = drained && !activities.isEmpty() && missing == 0 && (kill || duplicates == 0 && bothSent);
        report(pass, claim, activities.size() + " activities x " + FOLLOWERS + " inboxes = " + expected + " expected, "
                + (mock.posts() - startPosts) + " POSTs, missing " + missing + ", duplicates " + duplicates
                + " (" + String.format(Locale.ROOT, "%.2f", 100.0 * duplicates / Math.max(1, expected)) + " %)"
                + killed + ", sent by " + new java.util.TreeSet<>(senders) + ", queue drained " + drained + " after " + Duration.between(started, Instant.now()).toSeconds()
                + " s");
    }

    /** "node 1" and/or "node 2": the Weft processes with an open connection to one of the mock's inbox ports now. */
    private Set<String> sendersToMock() {
        Set<String> found = new HashSet<>();
        try {
            Process ss = new ProcessBuilder("ss", "-tnpH", "state", "established").redirectErrorStream(true).start();
            String out = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            ss.waitFor();
            for (String line : out.split("\n")) {
                String[] columns = line.trim().split("\\s+");
                if (columns.length < 4) {
                    continue;
                }
                String peer = columns[3];
                int port = Integer.parseInt(peer.substring(peer.lastIndexOf(':') + 1));
                if (mockPorts.subList(1, mockPorts.size()).contains(port)) {
                    if (line.contains("pid=" + env("WEFT1_PID", null) + ",")) {
                        found.add("node 1");
                    }
                    if (line.contains("pid=" + env("WEFT2_PID", null) + ",")) {
                        found.add("node 2");
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return found;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return found;
    }

    private Set<String> activitiesSeen() {
        Set<String> seen = new HashSet<>();
        mock.received().values().forEach(counts -> seen.addAll(counts.keySet()));
        return seen;
    }

    private long createOffer(String node, String token, String title) throws Exception {
        return createProposal(node, token, "offer", title);
    }

    private long createProposal(String node, String token, String purpose, String title) throws Exception {
        String body = JSON.createObjectNode().put("community", "camp").put("purpose", purpose).put("title", title)
                .put("language", "en").put("audience", "public").putNull("description")
                .set("categories", JSON.createArrayNode().add("prams")).toString();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(node + "/api/v1/proposals"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("creating a proposal on " + node + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return JSON.readTree(response.body()).path("id").asLong();
    }

    /** POSTs an activity signed as Mastodon does (draft-cavage HTTP signatures, rsa-sha256). */
    private int postSigned(URI inbox, String activity, String keyId) throws Exception {
        byte[] body = activity.getBytes(StandardCharsets.UTF_8);
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC));
        String digest = "SHA-256=" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(body));
        String host = inbox.getHost() + ":" + inbox.getPort();
        String signed = "(request-target): post " + inbox.getRawPath() + "\nhost: " + host + "\ndate: " + date
                + "\ndigest: " + digest + "\ncontent-type: application/activity+json";
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(rosaKey.getPrivate());
        rsa.update(signed.getBytes(StandardCharsets.UTF_8));
        String signature = "keyId=\"" + keyId + "\",algorithm=\"rsa-sha256\",headers=\"(request-target) host date digest"
                + " content-type\",signature=\"" + Base64.getEncoder().encodeToString(rsa.sign()) + "\"";
        return http.send(HttpRequest.newBuilder(inbox).header("Date", date).header("Digest", digest)
                        .header("Content-Type", "application/activity+json").header("Signature", signature)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private JsonNode getJson(String url) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Accept", "application/activity+json").timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? JSON.readTree(response.body()) : JSON.createObjectNode();
        } catch (IOException e) {
            return JSON.createObjectNode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return JSON.createObjectNode();
        }
    }

    /** A count through the same sequential URL the nodes use; -1 while no database node answers. */
    private long count(String sql, Object... parameters) {
        try (Connection db = database(); PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            return -1;
        }
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(env("WEFT_DB_URL", null), env("WEFT_DB_USER", null), env("WEFT_DB_PASSWORD", null));
    }

    /** Polls every 20 ms until the condition holds (true) or the deadline passes (false). */
    private static boolean waitFor(Duration deadline, BooleanSupplier condition) {
        long end = System.nanoTime() + deadline.toNanos();
        while (true) {
            if (condition.getAsBoolean()) {
                return true;
            }
            if (System.nanoTime() > end) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private void report(boolean pass, String claim, String detail) {
        failures += pass ? 0 : 1;
        System.out.println((pass ? "PASS  " : "FAIL  ") + claim + " (" + detail + ")");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            if (fallback == null) {
                throw new IllegalStateException("set " + name);
            }
            return fallback;
        }
        return value;
    }
}
