package org.weft.server;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.weft.server.persistence.Database;
import org.weft.server.persistence.JobLeases;

/**
 * Runs a scheduled job on one node at a time across all nodes sharing the database: before each run the node takes
 * or renews the job's lease ({@link JobLeases}), holding it for two intervals and a minute, and skips the run when
 * another node holds it. A node that dies stops renewing; another one takes the job within that time.
 */
final class ClusterJobs {
    private static final Logger LOG = Logger.getLogger(ClusterJobs.class.getName());
    private static final Duration MARGIN = Duration.ofMinutes(1);

    private final Database db;
    private final Clock clock;
    private final Map<String, AtomicLong> runs = new ConcurrentHashMap<>();
    /** The leases this node has taken, to give back when it stops. */
    private final Set<String> taken = ConcurrentHashMap.newKeySet();

    ClusterJobs(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** {@code job}, run only when this node holds (or takes) the lease named {@code name}. */
    Runnable once(String name, Duration every, Runnable job) {
        Duration hold = every.multipliedBy(2).plus(MARGIN);
        return () -> {
            if (ourTurn(name, hold)) {
                runs.computeIfAbsent(name, n -> new AtomicLong()).incrementAndGet();
                job.run();
            }
        };
    }

    /** Takes or renews the lease; false when another node holds it (or the database could not be asked). */
    boolean ourTurn(String name, Duration hold) {
        try {
            boolean ours = db.inTransaction(s -> JobLeases.take(s, name, db.nodeId(), clock.instant(), hold));
            if (!ours && db.inTransaction(s -> JobLeases.holder(s, name)) == null) {
                db.run(s -> JobLeases.ensure(s, name)); // the first time anyone asks for this job
                ours = db.inTransaction(s -> JobLeases.take(s, name, db.nodeId(), clock.instant(), hold));
            }
            if (ours) {
                taken.add(name);
            }
            return ours;
        } catch (RuntimeException e) {
            // Most likely another node added the row at the same moment; the next run asks again.
            LOG.log(Level.FINE, "Could not take the lease on " + name, e);
            return false;
        }
    }

    /** How many times this node ran the job (tests, the operator). */
    long runs(String name) {
        AtomicLong count = runs.get(name);
        return count == null ? 0 : count.get();
    }

    /** Gives back the leases this node holds, so the others need not wait for them to run out. */
    void releaseAll() {
        for (String name : taken) {
            try {
                db.run(s -> JobLeases.release(s, name, db.nodeId()));
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Could not release the lease on " + name, e);
            }
        }
    }
}
