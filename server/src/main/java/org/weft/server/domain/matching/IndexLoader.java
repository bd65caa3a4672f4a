package org.weft.server.domain.matching;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import org.weft.server.model.HelpKind;
import org.weft.server.model.ProposalStatus;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.ProposalEntity;

/**
 * Fills the index from the database at start: every open, visible, undeleted, unexpired proposal, local
 * and remote. Reads columns, not entities (no session cache, no lazy loads), in pages by id.
 */
final class IndexLoader {
    static final int PAGE = 5_000;
    private static final String WHERE = " from ProposalEntity p where p.id > :after and p.status = :open"
            + " and p.deletedAt is null and p.moderation = :visible and p.endsAt > :now";

    private final Database db;

    IndexLoader(Database db) {
        this.db = db;
    }

    /** Loads everything into {@code index}; returns how many proposals it holds. */
    int load(MatchIndex index, Instant now) {
        long after = 0;
        while (true) {
            long from = after;
            List<ProposalSnapshot> page = db.inTransaction(s -> page(s, from, now));
            page.forEach(index::put);
            if (page.size() < PAGE) {
                return index.size();
            }
            after = page.get(page.size() - 1).id();
        }
    }

    private static List<ProposalSnapshot> page(Session s, long after, Instant now) {
        List<Object[]> rows = s.createSelectionQuery("select p.id, p.local, p.purpose, p.kind, p.areaCode, p.latitude,"
                        + " p.longitude, p.publishedAt, p.endsAt, p.quantity, p.unit" + WHERE + " order by p.id", Object[].class)
                .setParameter("after", after).setParameter("open", ProposalStatus.OPEN)
                .setParameter("visible", ProposalEntity.Moderation.VISIBLE).setParameter("now", now)
                .setMaxResults(PAGE).getResultList();
        if (rows.isEmpty()) {
            return List.of();
        }
        long last = (Long) rows.get(rows.size() - 1)[0];
        Map<Long, List<String>> categories = new HashMap<>();
        s.createSelectionQuery("select p.id, c from ProposalEntity p join p.categories c where p.id > :after"
                        + " and p.id <= :last order by p.id, index(c)", Object[].class)
                .setParameter("after", after).setParameter("last", last).getResultList()
                .forEach(r -> categories.computeIfAbsent((Long) r[0], k -> new ArrayList<>()).add((String) r[1]));
        List<ProposalSnapshot> snapshots = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            long id = (Long) r[0];
            snapshots.add(new ProposalSnapshot(id, (Boolean) r[1], (Purpose) r[2], (HelpKind) r[3],
                    categories.getOrDefault(id, List.of()), (String) r[4], (Double) r[5], (Double) r[6], (Instant) r[7],
                    (Instant) r[8], (BigDecimal) r[9], (String) r[10], true));
        }
        return snapshots;
    }
}
