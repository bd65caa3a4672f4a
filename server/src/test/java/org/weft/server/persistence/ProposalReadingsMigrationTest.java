package org.weft.server.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.weft.server.domain.classify.PostReading;
import org.weft.server.domain.proposal.HeldReadings;
import org.weft.server.domain.taxonomy.Concept;
import org.weft.server.domain.taxonomy.Taxonomy;
import org.weft.server.model.HelpKind;
import org.weft.server.model.Purpose;

/**
 * V85 keeps the classifier's readings with a held post. A post that was waiting before it has none (its moderator
 * approves or rejects it as before), and the longest readings the classifier gives (two of three concepts each, with a
 * kind) fit the column. Runs on H2 and on MariaDB (WEFT_TEST_DB_URL).
 */
class ProposalReadingsMigrationTest {
    @RegisterExtension
    final OlderSchema older = new OlderSchema();

    @Test
    void aPostWaitingBeforeV85HasNoReadingsAndTheLongestReadingsFit() throws SQLException {
        older.migrateTo("80");
        older.insertWithoutForeignKeys("INSERT INTO proposal (id, uri, is_local, author_id, attributed_to_id, group_id,"
                + " purpose, kind, status, audience, source, moderation, title, description, language, ends_at,"
                + " published_at) VALUES (1, 'https://mastodon.example/users/rosa/statuses/1', FALSE, 5, 5, 6, 'REQUEST',"
                + " 'GIFT', 'OPEN', 'PUBLIC', 'NOTE', 'PENDING', 'kettle anyone?', '', 'en', '2027-01-01 10:00:00',"
                + " '2026-12-01 10:00:00')");

        Taxonomy taxonomy = Taxonomy.load();
        try (Database db = older.upgrade()) {
            assertNull(db.inTransaction(s -> s.find(ProposalEntity.class, 1L)).getReadings());
            List<PostReading> longest = List.of(
                    new PostReading(Purpose.REQUEST, List.of(concept(taxonomy, "medical-accompaniment"),
                            concept(taxonomy, "phones-and-chargers"), concept(taxonomy, "paperwork-and-legal")),
                            Optional.of(HelpKind.TIME)),
                    new PostReading(Purpose.OFFER, List.of(concept(taxonomy, "medical-accompaniment"),
                            concept(taxonomy, "phones-and-chargers"), concept(taxonomy, "paperwork-and-legal")),
                            Optional.of(HelpKind.LOAN)));
            db.run(s -> s.find(ProposalEntity.class, 1L).setReadings(HeldReadings.write(longest)));
            String kept = db.inTransaction(s -> s.find(ProposalEntity.class, 1L).getReadings());
            assertEquals(longest, new HeldReadings(taxonomy).read(kept));
        }
    }

    private static Concept concept(Taxonomy taxonomy, String id) {
        return taxonomy.byId(id).orElseThrow(() -> new AssertionError("no concept " + id));
    }
}
