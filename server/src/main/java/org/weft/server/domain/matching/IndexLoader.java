package org.weft.server.domain.matching;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import org.weft.server.persistence.BlockedDomains;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.persistence.ProposalRepository;

/**
 * Fills the index from the database at start: every open, visible, undeleted, unexpired proposal, local
 * and remote. Reads columns, not entities (no session cache, no lazy loads), in pages by id.
 */
final class IndexLoader {
    static final int PAGE = 5_000;

    private final Database db;

    private final BlockedDomains blocked;

    IndexLoader(Database db) {
        this(db, BlockedDomains.NONE);
    }

    /** {@code blocked}: proposals from silenced or suspended servers are not loaded. */
    IndexLoader(Database db, BlockedDomains blocked) {
        this.db = db;
        this.blocked = blocked;
    }

    /** Loads everything into {@code index}; returns how many proposals it holds. */
    int load(MatchIndex index, Instant now) {
        long after = 0;
        while (true) {
            long from = after;
            List<ProposalSnapshot> page = db.inTransaction(s -> page(s, from, now));
            page.stream().filter(ProposalSnapshot::open).forEach(index::put);
            if (page.size() < PAGE) {
                return index.size();
            }
            after = page.get(page.size() - 1).id();
        }
    }

    private List<ProposalSnapshot> page(Session s, long after, Instant now) {
        List<ProposalRepository.IndexRow> rows = ProposalRepository.openForIndex(s, after, now, PAGE);
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<String>> categories = ProposalRepository.categoriesOf(s, after, rows.get(rows.size() - 1).id());
        List<ProposalSnapshot> snapshots = new ArrayList<>(rows.size());
        for (ProposalRepository.IndexRow r : rows) {
            // Through a link: a copy another server's community announced (a stranger's post for a community here is not).
            boolean viaLink = !r.local() && r.source() == ProposalEntity.Source.WEFT && r.groupId() != null
                    && !r.groupLocal();
            snapshots.add(new ProposalSnapshot(r.id(), r.local(), r.purpose(), r.kind(),
                    categories.getOrDefault(r.id(), List.of()), r.areaCode(), r.latitude(), r.longitude(), r.publishedAt(),
                    r.endsAt(), r.quantity(), r.unit(), r.local() || !blocked.isBlockedUri(r.uri()),
                    viaLink ? r.groupId() : null, viaLink ? r.ownerId() : null, r.authorId()));
        }
        return snapshots;
    }
}
