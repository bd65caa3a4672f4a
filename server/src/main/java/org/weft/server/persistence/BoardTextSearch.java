package org.weft.server.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import org.hibernate.Session;
import org.hibernate.dialect.H2Dialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.query.NativeQuery;

/**
 * The SQL of a board search by meaning (issue 14 G10): which proposals a search's text finds, and, when few can, the
 * short list of candidates the page is read from instead of the board's index.
 *
 * <p>A proposal is found by the text when it is in one of the concepts the text names, or holds a reading of every
 * word among its stored terms (V54), or, only while its terms are not stored yet (a row older than V54, or analysed
 * under an older version, until the start-up backfill reaches it), when its title or description holds the text's
 * letters. No search reads every description: the letters are tried on stale rows only.
 *
 * <p>Two ways to read a page. When the text's rarest word (and its concepts, and the stale rows) name at most
 * {@link #DRIVE_LIMIT} proposals, those few are found through the term, concept and version indexes and joined to the
 * proposal table by id; a rare word then costs its own rows, not the board's. When every word is common, the board's
 * index is walked newest first and each row is tested through the term index by id, which finds a page within a few
 * hundred rows.
 *
 * <p>What a search reads (G10, MariaDB's handler counts for a page and its count over 100,000 proposals, 2026-12-05):
 * "babysitting", a concept of 25,000 posts and an English word, read 32,785 rows, of which 24,000 went on counting
 * the candidates twice (once for the page, once for its count, each through a temporary table) and 7,000 on reading
 * every term of each walked proposal (MariaDB looked a word's several readings up by proposal id alone). Now the
 * candidates are counted once for both ({@link Drive}), straight from the index, the words not at all when the
 * concepts alone pass the limit, and each reading is one (proposal, term) lookup: 5,573 rows, the same proposals.
 */
final class BoardTextSearch {
    /** The most candidates read and sorted for one page; above it the board's index is walked instead. */
    static final int DRIVE_LIMIT = 3_000;

    private final ProposalQuery.TextMeaning meaning;

    BoardTextSearch(ProposalQuery.TextMeaning meaning) {
        this.meaning = meaning;
    }

    /**
     * The condition a found proposal meets ({@code (...)}), its parameters put into {@code params}; {@code h2} leaves
     * out MariaDB's index hints.
     */
    String matchClause(String text, Map<String, Object> params, boolean h2) {
        List<String> any = new ArrayList<>();
        if (!meaning.conceptUris().isEmpty()) {
            any.add("exists (select 1 from proposal_category tc where tc.proposal_id = p.id"
                    + " and tc.concept_uri in (:textConcepts))");
            params.put("textConcepts", meaning.conceptUris());
        }
        if (!meaning.words().isEmpty()) {
            List<String> every = new ArrayList<>();
            for (int i = 0; i < meaning.words().size(); i++) {
                // One lookup of (proposal, term) per reading: with "term in (...)" MariaDB read every term the
                // proposal holds (a ref on the proposal id alone, some 15 rows a proposal) instead of the few asked for.
                // Named, the (proposal, term) key (the table's primary key since V84) is used whole; left to itself
                // MariaDB may read a rare reading's range of the term key for each row of the board instead.
                List<String> readings = List.copyOf(new TreeSet<>(meaning.words().get(i)));
                List<String> oneOf = new ArrayList<>();
                for (int j = 0; j < readings.size(); j++) {
                    String alias = "t" + i + "r" + j;
                    oneOf.add("exists (select 1 from proposal_term " + alias + (h2 ? "" : " force index"
                            + " (PRIMARY)") + " where " + alias + ".proposal_id = p.id and "
                            + alias + ".term = :word" + i + "r" + j + ")");
                    params.put("word" + i + "r" + j, readings.get(j));
                }
                every.add("(" + String.join(" or ", oneOf) + ")");
            }
            any.add("(" + String.join(" and ", every) + ")");
        }
        params.put("text", "%" + ProposalQuery.likeEscaped(text.strip().toLowerCase(Locale.ROOT)) + "%");
        params.put("termsVersion", meaning.termsVersion());
        any.add("((p.terms_version is null or p.terms_version < :termsVersion)"
                + " and (lower(p.title) like :text escape '!' or lower(p.description) like :text escape '!'))");
        return "(" + String.join(" or ", any) + ")";
    }

    /**
     * How a page is read: from the few candidates when few proposals can match, or by walking the board's index. The
     * candidates are counted here, once for a page and its count ({@link ProposalQuery#sliceAndCount}).
     */
    Drive drive(Session s) {
        // The concepts' and the stale rows' counts first: when they alone pass the limit (a concept is often a whole
        // category, thousands of posts), the page is found by walking the board and the words are not counted at all.
        Map<String, Object> countParams = new TreeMap<>();
        String concept = "0";
        if (!meaning.conceptUris().isEmpty()) {
            concept = bounded("proposal_category c where c.concept_uri in (:textConcepts)");
            countParams.put("textConcepts", meaning.conceptUris());
        }
        countParams.put("termsVersion", meaning.termsVersion());
        List<String> columns = new ArrayList<>(List.of("k.concept", "k.stale"));
        for (int i = 0; i < meaning.words().size(); i++) {
            columns.add("case when k.concept + k.stale > " + DRIVE_LIMIT + " then -1 else "
                    + bounded("proposal_term w where w.term in (:word" + i + ")") + " end");
            countParams.put("word" + i, List.copyOf(meaning.words().get(i)));
        }
        String sql = "select " + String.join(", ", columns) + " from (select " + concept + " as concept, "
                + bounded(STALE_ROWS) + " as stale) k";
        Object[] row = new ProposalQuery.Sql(sql, countParams).bind(s.createNativeQuery(sql, Object[].class))
                .getSingleResult();
        long conceptCount = ((Number) row[0]).longValue();
        long stale = ((Number) row[1]).longValue();
        long total = conceptCount + stale;
        if (total > DRIVE_LIMIT) {
            return Drive.WALK;
        }
        int rarest = -1;
        for (int i = 0; i < meaning.words().size(); i++) {
            if (rarest < 0 || ((Number) row[2 + i]).longValue() < ((Number) row[2 + rarest]).longValue()) {
                rarest = i;
            }
        }
        List<String> parts = new ArrayList<>();
        if (rarest >= 0) {
            total += ((Number) row[2 + rarest]).longValue();
            parts.add("select w.proposal_id as id from proposal_term w where w.term in (:drive)");
        }
        if (total > DRIVE_LIMIT) {
            return Drive.WALK;
        }
        if (!meaning.conceptUris().isEmpty()) {
            parts.add("select c.proposal_id as id from proposal_category c where c.concept_uri in (:textConcepts)");
        }
        if (stale > 0) {
            parts.add("select s.id as id from " + STALE_ROWS);
        }
        return new Drive(Optional.of(String.join(" union ", parts)),
                rarest < 0 ? null : List.copyOf(meaning.words().get(rarest)));
    }

    /**
     * A search's way to its page.
     *
     * @param candidates the derived table of candidate ids ({@code select ...}) when few proposals can match; empty
     *                   when the board's index should be walked; {@code ""} when nothing can match (no word, no
     *                   concept, nothing stale)
     * @param readings   the rarest word's readings, which drive the candidates ({@code :drive}), or null
     */
    record Drive(Optional<String> candidates, List<String> readings) {
        static final Drive WALK = new Drive(Optional.empty(), null);

        /** The candidates, their parameter put into {@code params}. */
        Optional<String> candidates(Map<String, Object> params) {
            if (readings != null) {
                params.put("drive", readings);
            }
            return candidates;
        }
    }

    /** The rows whose stored terms are missing or older than the analysis (found by their letters). */
    private static final String STALE_ROWS = "proposal s where s.terms_version is null or s.terms_version < :termsVersion";

    /**
     * A count of the rows {@code fromWhere} names that stops past the drive limit. The row just past the limit is
     * looked for first: when it exists the answer is "too many" after one index range read; only a range known to be
     * short is counted, straight from the index. (A count of a derived table cut at the limit copied every row into a
     * temporary table and read it back: three reads a row for a common word or concept.)
     */
    private static String bounded(String fromWhere) {
        return "coalesce((select " + (DRIVE_LIMIT + 1) + " from " + fromWhere + " limit 1 offset " + DRIVE_LIMIT
                + "), (select count(*) from " + fromWhere + "))";
    }

    /** Whether the session's database is H2 (no STRAIGHT_JOIN, no index hints). */
    static boolean isH2(Session s) {
        return ((SessionFactoryImplementor) s.getSessionFactory()).getJdbcServices().getDialect() instanceof H2Dialect;
    }
}
