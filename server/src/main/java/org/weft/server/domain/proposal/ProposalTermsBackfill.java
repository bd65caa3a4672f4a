package org.weft.server.domain.proposal;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.weft.server.domain.classify.SearchTerms;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.persistence.ProposalRepository;

/**
 * At start-up, stores the search terms of proposals that have none under the current analysis ({@link
 * SearchTerms#VERSION}): every row older than V54, and all rows again when the analysis changes. A page at a time,
 * each in its own transaction, so a restart midway only resumes; new and edited proposals are indexed as they are
 * written, so this only ever catches up.
 */
public final class ProposalTermsBackfill {
    private static final Logger LOG = Logger.getLogger(ProposalTermsBackfill.class.getName());
    private static final int PAGE = 200;

    private ProposalTermsBackfill() {
    }

    /** Indexes every proposal still to do; returns how many. */
    public static int run(Database db) {
        int done = 0;
        while (true) {
            int page = db.inTransaction(s -> {
                List<ProposalEntity> due = ProposalRepository.withTermsOlderThan(s, SearchTerms.VERSION, PAGE);
                due.forEach(ProposalTerms::index);
                return due.size();
            });
            done += page;
            if (page < PAGE) {
                if (done > 0) {
                    LOG.info("Stored the search terms of " + done + " proposals");
                }
                return done;
            }
        }
    }

    /** {@link #run} on a daemon thread, so the server answers while it catches up. */
    public static void startInBackground(Database db) {
        Thread thread = new Thread(() -> {
            try {
                run(db);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Storing search terms stopped; the next start resumes", e);
            }
        }, "weft-search-terms");
        thread.setDaemon(true);
        thread.start();
    }
}
