package org.weft.server.domain.matching;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.weft.server.domain.actor.LocalActorService;
import org.weft.server.domain.taxonomy.Concept;
import org.weft.server.domain.taxonomy.Taxonomy;
import org.weft.server.http.HttpReplies;
import org.weft.server.model.HelpKind;
import org.weft.server.model.LocalUrls;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.Database;
import org.weft.server.testing.TestDatabases;

/**
 * G6 (docs benchmarks.md): a new request against 100,000 open offers. Prints the matcher's p50/p99, the heap the
 * index takes, and the time to rebuild the index from the database, next to two yardsticks measured in the same
 * run (a HashMap lookup, an RSA-2048 signature). Not a test: it asserts nothing and runs only when asked:
 *
 * <pre>./mvnw -B -o -pl server -am test -Dtest=MatchingBenchmark -Dweft.bench=true -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * (with {@code WEFT_TEST_DB_URL} and friends set, the rebuild runs against MariaDB).
 */
@EnabledIfSystemProperty(named = "weft.bench", matches = "true")
class MatchingBenchmark {
    static final int OFFERS = 100_000;
    static final int QUERIES = 20_000;
    private static final Instant NOW = Instant.now();

    @Test
    void g6() throws Exception {
        Taxonomy taxonomy = Taxonomy.load();
        List<String> concepts = taxonomy.all().stream().filter(c -> !c.id().equals(Taxonomy.OTHER_ID)).map(Concept::uri).toList();
        Random random = new Random(42);
        List<ProposalSnapshot> offers = new ArrayList<>(OFFERS);
        for (int i = 0; i < OFFERS; i++) {
            offers.add(random(random, i + 1, Purpose.OFFER, concepts));
        }

        long before = usedHeap();
        MatchIndex index = new MatchIndex(taxonomy);
        offers.forEach(index::put);
        long after = usedHeap();
        System.out.printf("G6 index: %d offers, %.1f MB of heap (snapshots included)%n", index.size(),
                (after - before) / 1e6);

        long[] times = new long[QUERIES];
        int found = 0;
        for (int round = 0; round < 2; round++) { // the first round warms up the JIT
            for (int q = 0; q < QUERIES; q++) {
                ProposalSnapshot request = random(random, OFFERS + q + 1, Purpose.REQUEST, concepts);
                long t = System.nanoTime();
                found += index.matchesFor(request, NOW, Matcher.LIMIT).size();
                times[q] = System.nanoTime() - t;
            }
        }
        Arrays.sort(times);
        System.out.printf("G6 matcher: p50 %.3f ms, p99 %.3f ms, max %.3f ms over %d requests (%.1f matches each)%n",
                times[QUERIES / 2] / 1e6, times[QUERIES * 99 / 100] / 1e6, times[QUERIES - 1] / 1e6, QUERIES,
                found / (2.0 * QUERIES));

        api(index, taxonomy, concepts);
        yardsticks(random);
        rebuild(taxonomy, offers);
    }

    /**
     * The API's own work on top of the same index, in process: a new request's matches found in the index and
     * rendered as the JSON body {@code GET /api/v1/me/matches} sends (score, reason codes, the reason text, the
     * other proposal), down to bytes. Not measured here: HTTP, the bearer-token lookup, and the database (the
     * real endpoint reads stored matches; the matcher stores them on its own thread after a proposal is posted).
     */
    private static void api(MatchIndex index, Taxonomy taxonomy, List<String> concepts) throws Exception {
        ReasonText words = new ReasonText(taxonomy);
        ObjectMapper json = new ObjectMapper();
        int calls = 20_000;
        long[] times = new long[calls];
        long bytes = 0;
        for (int round = 0; round < 2; round++) { // the first round warms up the JIT
            for (int i = 0; i < calls; i++) {
                ProposalSnapshot request = random(new Random(round * calls + i), OFFERS + 1_000_000 + i, Purpose.REQUEST,
                        concepts);
                long t = System.nanoTime();
                ArrayNode items = json.createArrayNode();
                for (ScoredMatch m : index.matchesFor(request, NOW, Matcher.LIMIT)) {
                    ObjectNode item = items.addObject().put("score", m.score());
                    ArrayNode codes = item.putArray("reasons");
                    for (Reason reason : m.reasons()) {
                        ObjectNode code = codes.addObject().put("code", reason.code().name().toLowerCase(Locale.ROOT));
                        if (reason.argument() != null) {
                            code.put("argument", reason.argument());
                        }
                    }
                    item.put("reasonText", words.english(m.reasons()));
                    ProposalSnapshot other = index.get(m.offerId());
                    item.putObject("other").put("id", other.id()).put("kind", other.kind().name())
                            .put("area", other.areaCode()).put("categories", String.join(" ", other.categories()));
                }
                ObjectNode body = json.createObjectNode();
                body.set("matches", items);
                bytes += HttpReplies.bytes(body).length;
                times[i] = System.nanoTime() - t;
            }
        }
        Arrays.sort(times);
        System.out.printf("G6 API work in process (index + JSON body, no HTTP/auth/DB): p50 %.3f ms, p99 %.3f ms,"
                + " max %.3f ms over %d requests (%.0f bytes each)%n", times[calls / 2] / 1e6, times[calls * 99 / 100] / 1e6,
                times[calls - 1] / 1e6, calls, bytes / (2.0 * calls));
    }

    private static void yardsticks(Random random) throws Exception {
        Map<Long, Long> map = new HashMap<>();
        for (long i = 0; i < OFFERS; i++) {
            map.put(i, i);
        }
        long sum = 0;
        long t = System.nanoTime();
        for (int i = 0; i < 10_000_000; i++) {
            sum += map.get((long) random.nextInt(OFFERS));
        }
        System.out.printf("Yardstick HashMap<Long,Long> get (100,000 entries): %.1f ns each (checksum %d)%n",
                (System.nanoTime() - t) / 1e7, sum % 10);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var keys = generator.generateKeyPair();
        byte[] data = "(request-target): post /inbox".getBytes(StandardCharsets.UTF_8);
        long[] signs = new long[2000];
        for (int i = 0; i < signs.length; i++) {
            long s = System.nanoTime();
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(keys.getPrivate());
            signer.update(data);
            signer.sign();
            signs[i] = System.nanoTime() - s;
        }
        Arrays.sort(signs);
        System.out.printf("Yardstick RSA-2048 SHA256withRSA sign: p50 %.3f ms, p99 %.3f ms%n",
                signs[1000] / 1e6, signs[1980] / 1e6);
    }

    /** Writes the offers to a fresh database (plain JDBC batches) and times the matcher's start-up load. */
    private static void rebuild(Taxonomy taxonomy, List<ProposalSnapshot> offers) throws Exception {
        var dir = TestDatabases.tempDir();
        var settings = TestDatabases.fresh(dir);
        try (Database db = Database.open(settings, dir)) {
            LocalActorService actors = new LocalActorService(db, new LocalUrls(java.net.URI.create("http://localhost:1")),
                    Clock.systemUTC());
            ActorEntity member = actors.createMember("bench", "Bench", "a long enough password", false);
            try (Connection c = db.dataSource().getConnection()) {
                c.setAutoCommit(false);
                try (PreparedStatement p = c.prepareStatement("INSERT INTO proposal (id, uri, is_local, author_id,"
                        + " attributed_to_id, purpose, kind, status, audience, source, moderation, title, description, language,"
                        + " area_code, ends_at, published_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'OPEN', 'PUBLIC', 'WEFT', 'VISIBLE',"
                        + " 'An offer', 'Something to give', 'en', ?, ?, ?)");
                     PreparedStatement cat = c.prepareStatement(
                             "INSERT INTO proposal_category (proposal_id, concept_uri, position) VALUES (?, ?, ?)")) {
                    for (ProposalSnapshot o : offers) {
                        p.setLong(1, o.id());
                        p.setString(2, "https://elsewhere.example/proposals/" + o.id());
                        p.setBoolean(3, o.local());
                        p.setLong(4, member.getId());
                        p.setLong(5, member.getId());
                        p.setString(6, o.purpose().name());
                        p.setString(7, o.kind().name());
                        p.setString(8, o.areaCode());
                        p.setTimestamp(9, utc(o.endsAt()));
                        p.setTimestamp(10, utc(o.publishedAt()));
                        p.addBatch();
                        for (int i = 0; i < o.categories().size(); i++) {
                            cat.setLong(1, o.id());
                            cat.setString(2, o.categories().get(i));
                            cat.setInt(3, i);
                            cat.addBatch();
                        }
                        if (o.id() % 5_000 == 0) {
                            p.executeBatch();
                            cat.executeBatch();
                        }
                    }
                    p.executeBatch();
                    cat.executeBatch();
                }
                c.commit();
            }
            for (int round = 1; round <= 2; round++) {
                MatchIndex index = new MatchIndex(taxonomy);
                long t = System.nanoTime();
                int loaded = new IndexLoader(db).load(index, Instant.now());
                System.out.printf("G6 rebuild %d (%s): %d proposals loaded into the index in %d ms%n", round,
                        db.isEmbedded() ? "embedded H2" : "MariaDB", loaded, (System.nanoTime() - t) / 1_000_000);
            }
        } finally {
            TestDatabases.drop(settings);
        }
    }

    private static Timestamp utc(Instant instant) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    /**
     * A proposal like those a few linked camps and towns publish: a skewed choice of concept (food, clothing and
     * childcare far more common than pets), one concept in five with a second one, 3 places of 10 areas each,
     * gifts mostly, a quantity on one in four, open for one to fourteen days more.
     */
    private static ProposalSnapshot random(Random r, long id, Purpose purpose, List<String> concepts) {
        int first = (int) Math.min(concepts.size() - 1, Math.abs(r.nextGaussian()) * concepts.size() / 3);
        List<String> categories = r.nextInt(5) == 0
                ? List.of(concepts.get(first), concepts.get(r.nextInt(concepts.size()))).stream().distinct().toList()
                : List.of(concepts.get(first));
        String area = "place-" + r.nextInt(3) + "/area-" + r.nextInt(10);
        HelpKind kind = switch (r.nextInt(10)) {
            case 0, 1 -> HelpKind.LOAN;
            case 2, 3, 4 -> HelpKind.TIME;
            default -> HelpKind.GIFT;
        };
        boolean quantity = r.nextInt(4) == 0;
        return new ProposalSnapshot(id, r.nextBoolean(), purpose, kind, categories, area, null, null,
                NOW.minus(Duration.ofHours(r.nextInt(24 * 7))), NOW.plus(Duration.ofHours(1 + r.nextInt(24 * 14))),
                quantity ? BigDecimal.valueOf(1 + r.nextInt(20)) : null, quantity ? "one" : null, true);
    }

    private static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
