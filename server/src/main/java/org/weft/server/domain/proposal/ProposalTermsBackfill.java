package org.weft.server.domain.proposal;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.weft.server.domain.classify.SearchTerms;
import org.weft.server.persistence.BackgroundTasks;
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

    /** The catch-up running in the background; closing it stops it (it throws nothing). */
    public interface Running extends AutoCloseable {
        @Override
        void close();
    }

    /** Indexes every proposal still to do; returns how many. */
    public static int run(Database db) {
        return run(db, () -> false);
    }

    /** As {@link #run(Database)}, stopping between pages once {@code stop} says so (the server is stopping). */
    static int run(Database db, BooleanSupplier stop) {
        int done = 0;
        while (!stop.getAsBoolean()) {
            int page = db.inTransaction(s -> {
                List<ProposalEntity> due = ProposalRepository.withTermsOlderThan(s, SearchTerms.VERSION, PAGE);
                due.forEach(ProposalTerms::index);
                return due.size();
            });
            done += page;
            if (page < PAGE) {
                break;
            }
        }
        if (done > 0) {
            int stored = done;
            LOG.info(() -> "Stored the search terms of " + stored + " proposals");
        }
        return done;
    }

    /**
     * {@link #run} on a thread of its own, so the server answers while it catches up; closing it stops after the page
     * being written and waits for that page (a restart resumes), so that it never outlives the database.
     */
    public static Running startInBackground(Database db) {
        AtomicBoolean stopping = new AtomicBoolean();
        Thread thread = Thread.ofPlatform().name("weft-search-terms").daemon().start(() -> {
            try {
                run(db, stopping::get);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Storing search terms stopped; the next start resumes", e);
            }
        });
        return () -> {
            stopping.set(true);
            BackgroundTasks.await(thread, "Storing search terms");
        };
    }
}
