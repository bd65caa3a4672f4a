package org.weft.server.domain.poll;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The scheduled work of polls, run every second on one node at a time (a lease, see {@code ClusterJobs}): polls whose
 * end time has come become final (a last {@code Update} with {@code closed}), then the coalesced Updates of counts that
 * are due go out.
 */
public final class PollTimer implements Runnable {
    private static final Logger LOG = Logger.getLogger(PollTimer.class.getName());

    private final PollService polls;

    public PollTimer(PollService polls) {
        this.polls = polls;
    }

    @Override
    public void run() {
        try {
            polls.closeEnded();
            polls.sendDueResults();
        } catch (RuntimeException e) {
            // The next run tries again; a scheduled task that throws would never run again.
            LOG.log(Level.WARNING, "Poll timer failed", e);
        }
    }
}
