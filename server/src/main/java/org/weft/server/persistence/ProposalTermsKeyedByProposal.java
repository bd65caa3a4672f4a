package org.weft.server.persistence;

import java.sql.Connection;
import java.sql.Statement;

import org.flywaydb.core.api.migration.Context;

/**
 * Migration 84: a proposal's search terms are keyed by (proposal, term), and the surrogate id and the second
 * (proposal, term) index go. The table held each term three times over (the id-ordered rows, then two indexes that
 * each repeat the id); now the rows themselves are the (proposal, term) index and only the (term, proposal) index is
 * kept beside them. Galera still finds a primary key in every table (see V70).
 *
 * <p>V54 left the key out because MariaDB compared terms under the database's {@code utf8mb4_unicode_ci}, which takes
 * some terms the analyzer keeps apart (an accent, a letter's width) for equal, so a key could refuse a proposal. The
 * column is compared byte for byte now ({@code utf8mb4_bin}), as the analyzer itself tells terms apart, and each
 * proposal's terms are a set in Java, so no two rows of one proposal are equal. H2 already compares strings that
 * way. Java because the two databases need different statements.
 */
public final class ProposalTermsKeyedByProposal extends WeftJavaMigration {

    public ProposalTermsKeyedByProposal() {
        super("84", "proposal terms keyed by proposal and term", 84_001); // change it with the statements
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        boolean h2 = isH2(connection);
        try (Statement statement = connection.createStatement()) {
            // Rows stored twice for one proposal (none are expected: its terms are a set) would refuse the key.
            statement.execute("DELETE FROM proposal_term WHERE EXISTS (SELECT 1 FROM (SELECT proposal_id, term, id"
                    + " FROM proposal_term) older WHERE older.proposal_id = proposal_term.proposal_id"
                    + (h2 ? " AND older.term = proposal_term.term" : " AND BINARY older.term = BINARY proposal_term.term")
                    + " AND older.id < proposal_term.id)");
            if (h2) {
                statement.execute("ALTER TABLE proposal_term DROP PRIMARY KEY");
                statement.execute("ALTER TABLE proposal_term DROP COLUMN id");
                statement.execute("ALTER TABLE proposal_term ADD PRIMARY KEY (proposal_id, term)");
            } else {
                statement.execute("ALTER TABLE proposal_term MODIFY term VARCHAR(64) CHARACTER SET utf8mb4"
                        + " COLLATE utf8mb4_bin NOT NULL, DROP PRIMARY KEY, DROP COLUMN id,"
                        + " ADD PRIMARY KEY (proposal_id, term)");
            }
            // The key now serves the foreign key to proposal and every (proposal, term) look-up.
            statement.execute("DROP INDEX ix_proposal_term_proposal ON proposal_term");
        }
    }
}
