package org.weft.server.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

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
 */
final class BoardTextSearch {
    /** The most candidates read and sorted for one page; above it the board's index is walked instead. */
    static final int DRIVE_LIMIT = 3_000;

    private final ProposalQuery.TextMeaning meaning;

    BoardTextSearch(ProposalQuery.TextMeaning meaning) {
        this.meaning = meaning;
    }

    /** The condition a found proposal meets ({@code (...)}), its parameters put into {@code params}. */
    String matchClause(String text, Map<String, Object> params) {
        List<String> any = new ArrayList<>();
        if (!meaning.conceptUris().isEmpty()) {
            any.add("exists (select 1 from proposal_category tc where tc.proposal_id = p.id"
                    + " and tc.concept_uri in (:textConcepts))");
            params.put("textConcepts", meaning.conceptUris());
        }
        if (!meaning.words().isEmpty()) {
            List<String> every = new ArrayList<>();
            for (int i = 0; i < meaning.words().size(); i++) {
                every.add("exists (select 1 from proposal_term t" + i + " where t" + i + ".proposal_id = p.id and t" + i
                        + ".term in (:word" + i + "))");
                params.put("word" + i, List.copyOf(meaning.words().get(i)));
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
     * The derived table of candidate ids ({@code select ... }) when few proposals can match, its parameters put into
     * {@code params}; empty when the words are common and the board's index should be walked. A candidate list with
     * no part (no word, no concept, nothing stale) is {@code Optional.of("")}: nothing can match.
     */
    Optional<String> candidates(Session s, Map<String, Object> params) {
        List<String> counts = new ArrayList<>();
        Map<String, Object> countParams = new TreeMap<>();
        for (int i = 0; i < meaning.words().size(); i++) {
            counts.add(bounded("select w.proposal_id from proposal_term w where w.term in (:word" + i + ")"));
            countParams.put("word" + i, List.copyOf(meaning.words().get(i)));
        }
        if (!meaning.conceptUris().isEmpty()) {
            counts.add(bounded("select c.proposal_id from proposal_category c where c.concept_uri in (:textConcepts)"));
            countParams.put("textConcepts", meaning.conceptUris());
        }
        counts.add(bounded(STALE));
        countParams.put("termsVersion", meaning.termsVersion());
        String sql = "select " + String.join(", ", counts);
        NativeQuery<Object[]> query = new ProposalQuery.Sql(sql, countParams).bind(s.createNativeQuery(sql, Object[].class));
        Object[] row = counts.size() == 1 ? new Object[] {query.getSingleResult()} : query.getSingleResult();
        int words = meaning.words().size();
        int rarest = -1;
        long total = 0;
        for (int i = 0; i < words; i++) {
            long n = ((Number) row[i]).longValue();
            if (rarest < 0 || n < ((Number) row[rarest]).longValue()) {
                rarest = i;
            }
        }
        List<String> parts = new ArrayList<>();
        if (rarest >= 0) {
            total += ((Number) row[rarest]).longValue();
            parts.add("select w.proposal_id as id from proposal_term w where w.term in (:drive)");
            params.put("drive", List.copyOf(meaning.words().get(rarest)));
        }
        if (!meaning.conceptUris().isEmpty()) {
            total += ((Number) row[words]).longValue();
            parts.add("select c.proposal_id as id from proposal_category c where c.concept_uri in (:textConcepts)");
        }
        long stale = ((Number) row[row.length - 1]).longValue();
        if (stale > 0) {
            total += stale;
            parts.add(STALE.replace("select s.id", "select s.id as id"));
        }
        if (total > DRIVE_LIMIT) {
            params.remove("drive");
            return Optional.empty();
        }
        return Optional.of(String.join(" union ", parts));
    }

    /** The rows whose stored terms are missing or older than the analysis (found by their letters). */
    private static final String STALE = "select s.id from proposal s where s.terms_version is null"
            + " or s.terms_version < :termsVersion";

    /** A count that stops past the drive limit: an index range read no further than needed to say "too many". */
    private static String bounded(String select) {
        return "(select count(*) from (" + select + " limit " + (DRIVE_LIMIT + 1) + ") x)";
    }

    /** Whether the session's database is H2 (no STRAIGHT_JOIN, no index hints). */
    static boolean isH2(Session s) {
        return ((SessionFactoryImplementor) s.getSessionFactory()).getJdbcServices().getDialect() instanceof H2Dialect;
    }
}
