package org.weft.server.persistence;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.hibernate.Session;

/**
 * Leases on scheduled jobs, so that a job runs on one node at a time however many share the database. A node takes
 * a job's lease with one conditional UPDATE, which succeeds only when the lease is free, has run out, or is already
 * its own: the database decides, so two nodes asking at once cannot both get it. The holder renews it at every
 * run; a node that dies simply stops renewing, and another takes the job once {@code held_until} has passed.
 */
public final class JobLeases {
    private JobLeases() {
    }

    /** Takes or renews the lease on {@code job} for {@code node} until {@code now + hold}; true when it is ours. */
    public static boolean take(Session s, String job, String node, Instant now, Duration hold) {
        LocalDateTime at = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
        int updated = s.createNativeMutationQuery("UPDATE job_lease SET holder = ?1, held_until = ?2 WHERE name = ?3"
                        + " AND (holder = ?1 OR holder IS NULL OR held_until IS NULL OR held_until < ?4)")
                .setParameter(1, node).setParameter(2, at.plus(hold)).setParameter(3, job).setParameter(4, at)
                .executeUpdate();
        return updated == 1;
    }

    /**
     * Adds the job's row when there is none yet (run in a transaction of its own: a node that adds it at the same
     * moment as another gets a duplicate key, which the caller may ignore).
     */
    public static void ensure(Session s, String job) {
        Long exists = s.createNativeQuery("SELECT COUNT(*) FROM job_lease WHERE name = ?1", Long.class)
                .setParameter(1, job).getSingleResult();
        if (exists == 0) {
            s.createNativeMutationQuery("INSERT INTO job_lease (name) VALUES (?1)").setParameter(1, job).executeUpdate();
        }
    }

    /** Gives the lease back (a node stopping cleanly), so another node need not wait for it to run out. */
    public static void release(Session s, String job, String node) {
        s.createNativeMutationQuery("UPDATE job_lease SET holder = NULL, held_until = NULL WHERE name = ?1 AND holder = ?2")
                .setParameter(1, job).setParameter(2, node).executeUpdate();
    }

    /** Who holds the lease now, if anyone (tests, the operator). */
    public static String holder(Session s, String job) {
        List<String> holders = s.createNativeQuery("SELECT holder FROM job_lease WHERE name = ?1", String.class)
                .setParameter(1, job).getResultList();
        return holders.isEmpty() ? null : holders.get(0); // the row's holder may be null too: nobody holds it
    }
}
