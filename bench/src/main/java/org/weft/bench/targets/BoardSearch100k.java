package org.weft.bench.targets;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.weft.bench.db.BenchDatabase;
import org.weft.bench.db.DbServer;
import org.weft.bench.load.LoadResult;
import org.weft.bench.load.RawRequests;
import org.weft.bench.report.Fmt;
import org.weft.bench.report.Results;
import org.weft.bench.report.Row;
import org.weft.bench.report.Verdict;
import org.weft.bench.server.InProcessServer;
import org.weft.bench.server.WeftEnv;
import org.weft.server.WeftServer;
import org.weft.server.domain.classify.SearchTerms;
import org.weft.server.domain.classify.TextClassifier;
import org.weft.server.domain.proposal.BoardSearch;
import org.weft.server.domain.taxonomy.Taxonomy;
import org.weft.server.persistence.ProposalQuery;

/**
 * G10: a board search over 100,000 proposals written in the six languages, the way a member searches: a common word,
 * a rare word and a word that finds posts in other languages by the concept it names. Each search is timed as the
 * board runs it (its page and its capped count, one transaction) one after another in the server's process, beside
 * the same run's newest page of the board without a search (the plain indexed lookup); then the board page itself
 * is fetched over HTTP at {@link BoardPages#PER_SECOND}/s for the same searches. The proposals' terms are analysed
 * with the server's own analyzers, as writing them through the API would store them.
 */
public final class BoardSearch100k {
    static final int PROPOSALS = 100_000;
    /** One proposal in this many holds the rare word. */
    static final int RARE_EVERY = 2_000;
    private static final int RUNS = 1_000;
    private static final int BATCH = 1_000;
    private static final String CONCEPTS = "https://w3id.org/weft/taxonomy/v1#";

    /** Language, title, description, concept: what members of a camp write, in their own words. */
    private static final List<String[]> POSTS = List.of(
            new String[] {"en", "Can someone help with babysitting on %d May?", "I have a job interview, two kids (4 and"
                    + " 7), we are in block %d. Happy to help back.", "babysitting"},
            new String[] {"en", "Offering bread, baked this morning", "About %d loaves left, come to the blue tent by"
                    + " the water point, block %d. Please bring a bag.", "bread"},
            new String[] {"en", "Need help filling in the asylum form", "The form is in German and I don't understand"
                    + " page %d. Anyone free after %d pm?", "paperwork-and-legal"},
            new String[] {"ar", "أبحث عن جليسة أطفال يوم %d", "عندي موعد في المستشفى، طفلان صغيران، نحن في القطاع %d", "babysitting"},
            new String[] {"ar", "عندي أدوية زائدة للضغط", "علبتان، صالحة حتى %d، في الخيمة رقم %d", "medicine"},
            new String[] {"fa", "نیاز به کفش زمستانی برای بچه", "سایز %d، پسرم هفت ساله است، بلوک %d", "shoes"},
            new String[] {"fa", "کلاس زبان انگلیسی رایگان", "هر سه شنبه ساعت %d، برای بزرگسالان، چادر %d", "language-classes"},
            new String[] {"fr", "Je peux garder vos enfants le samedi", "J'ai l'habitude, j'ai %d petits-frères. Bloc %d.",
                    "babysitting"},
            new String[] {"fr", "Besoin d'un vélo pour aller au travail", "Je commence à %d h, c'est à %d km du camp.",
                    "bicycles"},
            new String[] {"es", "Regalo una mesa de madera", "Está en buen estado, %d sillas también, bloque %d.", "furniture"},
            new String[] {"es", "Busco a alguien que traduzca una carta", "Del árabe al español, %d páginas, urgente antes"
                    + " del %d.", "translation"},
            new String[] {"uk", "Потрібна допомога з перевезенням речей", "Переїжджаємо в квартиру, %d сумки, %d поверх.",
                    "lifts"});

    private BoardSearch100k() {
    }

    public static void run(DbServer dbServer, Path work, Results results) throws Exception {
        try (BenchDatabase db = BenchDatabase.fresh(dbServer, work)) {
            WeftServer server = InProcessServer.start(db, Map.of());
            try {
                server.localActors().createGroup("camp", "Camp", null);
                server.localActors().createMember("member", "Member", "correct horse battery staple", false);
                long started = System.nanoTime();
                try (Connection c = db.connect()) {
                    seed(c);
                    try (Statement st = c.createStatement()) {
                        st.execute("ANALYZE TABLE proposal, proposal_category, proposal_term");
                    }
                }
                String label = db.kind().label();
                results.note("G10", label + ": " + Fmt.num(PROPOSALS) + " proposals in six languages written, analysed"
                        + " and their terms stored in " + String.format("%.1f s", (System.nanoTime() - started) / 1e9));
                Taxonomy taxonomy = Taxonomy.load();
                BoardSearch search = new BoardSearch(taxonomy, new TextClassifier(taxonomy));
                Map<String, String> searches = new LinkedHashMap<>();
                searches.put("a common word (\"help\", in the English posts: 1 of 6)", "help");
                searches.put("a rare word (\"harmonica\", in 1 post of " + Fmt.num(RARE_EVERY) + ")", "harmonica");
                searches.put("a word found across languages (\"babysitting\": Arabic, English, French posts by their"
                        + " concept)", "babysitting");
                double[] plain = time(server, new ProposalQuery("camp", null, List.of(), null, List.of(), null, null,
                        false, false, 1, 20));
                results.note("G10", label + " newest page without a search (page and count, in process): p50 "
                        + Fmt.ms(plain[0]) + ", p99 " + Fmt.ms(plain[1]));
                for (Map.Entry<String, String> each : searches.entrySet()) {
                    ProposalQuery query = search.withMeaning(new ProposalQuery("camp", null, List.of(), null, List.of(),
                            each.getValue(), null, false, false, 1, 20));
                    double[] figure = time(server, query);
                    results.row(new Row("G10", label, "board search over " + Fmt.num(PROPOSALS) + " proposals, "
                            + each.getKey() + ": page and count, in process, one after another",
                            "p50 " + Fmt.ms(figure[0]) + ", p99 " + Fmt.ms(figure[1]),
                            "newest page without a search p99 " + Fmt.ms(plain[1]), Fmt.ratio(figure[1], plain[1]),
                            "p99 ≤ 20 ms", Verdict.atMost(figure[1], 20, "ms")));
                }
                String host = WeftEnv.hostHeader(server.port());
                LoadResult newest = BoardPages.measure(server.port(), RawRequests.get(host, "/board/camp", "text/html"));
                results.note("G10", label + " board page without a search over HTTP: " + newest.summary());
                for (Map.Entry<String, String> each : searches.entrySet()) {
                    LoadResult page = BoardPages.measure(server.port(), RawRequests.get(host, "/board/camp?q="
                            + URLEncoder.encode(each.getValue(), StandardCharsets.UTF_8),
                            "text/html"));
                    results.row(new Row("G10", label, "board page searched for " + each.getKey() + " over HTTP at "
                            + Fmt.num(BoardPages.PER_SECOND) + "/s offered",
                            "p50 " + Fmt.ms(page.percentileMillis(50)) + ", p99 " + Fmt.ms(page.percentileMillis(99))
                                    + (page.failed() == 0 && page.count(200) == page.completed() ? ""
                                    : " (" + page.failed() + " failed, " + (page.completed() - page.count(200))
                                    + " not 200)"),
                            "board page without a search p99 " + Fmt.ms(newest.percentileMillis(99)),
                            Fmt.ratio(page.percentileMillis(99), newest.percentileMillis(99)), "—", "—"));
                }
            } finally {
                server.close();
            }
        }
    }

    /** p50 and p99 in ms of the board's reading of a page and its capped count, after a warm-up of as many runs. */
    private static double[] time(WeftServer server, ProposalQuery query) {
        long[] nanos = new long[RUNS];
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < RUNS; i++) {
                long t0 = System.nanoTime();
                // As the board reads and counts a page (BoardPaging).
                server.db().inTransaction(s -> query.sliceAndCount(s, query.text() == null ? 1_000 : 100));
                nanos[i] = System.nanoTime() - t0;
            }
        }
        Arrays.sort(nanos);
        return new double[] {nanos[RUNS / 2] / 1e6, nanos[(int) Math.ceil(RUNS * 0.99) - 1] / 1e6};
    }

    /** Writes the proposals, a minute apart, newest last, each with its category and its analysed terms. */
    private static void seed(Connection c) throws SQLException {
        long group = BoardPages.idOf(c, "camp");
        long author = BoardPages.idOf(c, "member");
        Instant newest = Instant.now().minusSeconds(60);
        c.setAutoCommit(false);
        try (PreparedStatement p = c.prepareStatement("INSERT INTO proposal (id, uri, is_local, author_id, attributed_to_id,"
                + " group_id, purpose, kind, status, audience, source, moderation, title, description, language, area_code,"
                + " ends_at, published_at, terms_version) VALUES (?, ?, true, ?, ?, ?, ?, 'GIFT', 'OPEN', 'PUBLIC', 'LOCAL',"
                + " 'VISIBLE', ?, ?, ?, NULL, ?, ?, ?)");
             PreparedStatement cat = c.prepareStatement(
                     "INSERT INTO proposal_category (proposal_id, concept_uri, position) VALUES (?, ?, 0)");
             PreparedStatement term = c.prepareStatement("INSERT INTO proposal_term (proposal_id, term) VALUES (?, ?)")) {
            for (int i = 0; i < PROPOSALS; i++) {
                long id = i + 1;
                String[] post = POSTS.get(i % POSTS.size());
                String title = post[1].formatted(1 + i % 28);
                String description = post[2].formatted(2 + i % 9, 1 + i / POSTS.size() % 40)
                        + (i % RARE_EVERY == RARE_EVERY / 2 ? " Also a harmonica for a child who wants to play." : "");
                p.setLong(1, id);
                p.setString(2, "https://bench.example/proposals/" + id);
                p.setLong(3, author);
                p.setLong(4, author);
                p.setLong(5, group);
                p.setString(6, post[1].contains("?") || i % 2 == 1 ? "REQUEST" : "OFFER");
                p.setString(7, title);
                p.setString(8, description);
                p.setString(9, post[0]);
                p.setTimestamp(10, Timestamp.from(newest.plus(Duration.ofDays(30))));
                p.setTimestamp(11, Timestamp.from(newest.minusSeconds(60L * (PROPOSALS - i))));
                p.setInt(12, SearchTerms.VERSION);
                p.addBatch();
                cat.setLong(1, id);
                cat.setString(2, CONCEPTS + post[3]);
                cat.addBatch();
                Set<String> terms = SearchTerms.ofPost(post[0], title, description);
                for (String t : terms) {
                    term.setLong(1, id);
                    term.setString(2, t);
                    term.addBatch();
                }
                if ((i + 1) % BATCH == 0 || i + 1 == PROPOSALS) {
                    p.executeBatch();
                    cat.executeBatch();
                    term.executeBatch();
                    c.commit();
                }
            }
        } finally {
            c.setAutoCommit(true);
        }
    }
}
