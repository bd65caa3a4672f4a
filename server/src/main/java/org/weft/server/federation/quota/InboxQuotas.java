package org.weft.server.federation.quota;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

import org.weft.server.config.InboxLimits;

/**
 * What each remote actor and each remote host has sent to the inboxes lately, against {@link InboxLimits}. Only
 * requests that passed the signature check and were about to be stored are counted ({@link #charge}), so nobody can
 * use up another server's allowance with forged requests; {@link #precheck} lets the inbox turn away a host that is
 * already over its limits before spending a signature check on it. A refused request is not counted.
 *
 * <p>Counts live in memory, by the minute (about a kilobyte per sender): they start again after a restart, and each
 * server process sharing a database counts for itself. Entries of senders quiet for an hour are dropped, so memory
 * follows the number of recent senders.
 */
public final class InboxQuotas {
    private static final long HOUR = Duration.ofHours(1).toMillis();
    private static final long SWEEP_EVERY = Duration.ofMinutes(5).toMillis();

    private final InboxLimits limits;
    private final Clock clock;
    private final boolean off;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, Usage> actors = new HashMap<>();
    private final Map<String, Usage> hosts = new HashMap<>();
    private long lastSweep;

    public InboxQuotas(InboxLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
        this.off = limits.equals(InboxLimits.NONE);
        this.lastSweep = clock.millis();
    }

    /** Why a request is turned away, and when to try again. */
    public record Refusal(Duration retryAfter, String reason) {
        /** Whole seconds for the {@code Retry-After} header, at least 1. */
        public long retryAfterSeconds() {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }
    }

    /** Before the signature check: refuses at once if {@code host} is over a host limit already. Counts nothing. */
    public Optional<Refusal> precheck(String host, long bytes) {
        if (off || host == null) {
            return Optional.empty();
        }
        lock.lock();
        try {
            long now = clock.millis();
            Usage usage = hosts.get(host);
            return usage == null ? Optional.empty() : hostRefusal(usage, now, bytes, host);
        } finally {
            lock.unlock();
        }
    }

    /**
     * After the signature check, for a request about to be stored: counts it against its actor and the actor's host,
     * or refuses it (counting nothing) when either is over a limit.
     */
    public Optional<Refusal> charge(String actorUri, long bytes) {
        if (off) {
            return Optional.empty();
        }
        String host = hostOf(actorUri);
        lock.lock();
        try {
            long now = clock.millis();
            sweepNowAndThen(now);
            Usage hostUsage = hosts.computeIfAbsent(host, h -> new Usage(limits.hostRate() > 0
                    ? new TokenBucket(limits.hostRate(), limits.hostBurst(), now) : null));
            Usage actorUsage = actors.computeIfAbsent(actorUri, a -> new Usage(null));
            Optional<Refusal> refused = hostRefusal(hostUsage, now, bytes, host)
                    .or(() -> refusal(actorUsage, now, bytes, limits.actorActivitiesPerHour(), limits.actorBytesPerHour(),
                            "actor " + actorUri));
            if (refused.isEmpty()) {
                hostUsage.add(now, bytes);
                actorUsage.add(now, bytes);
            }
            return refused;
        } finally {
            lock.unlock();
        }
    }

    /** The host part of an actor or key id, lower-cased with its port: what one remote server is counted by. */
    public static String hostOf(String uri) {
        try {
            String authority = URI.create(uri).getRawAuthority();
            return authority == null ? uri : authority.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return uri;
        }
    }

    private Optional<Refusal> hostRefusal(Usage usage, long now, long bytes, String host) {
        if (usage.bucket != null && !usage.bucket.hasToken(now)) {
            return Optional.of(new Refusal(Duration.ofMillis(usage.bucket.waitFor(now)), "host " + host + " sends more than "
                    + limits.hostRate() + " requests a second"));
        }
        return refusal(usage, now, bytes, limits.hostActivitiesPerHour(), limits.hostBytesPerHour(), "host " + host);
    }

    private static Optional<Refusal> refusal(Usage usage, long now, long bytes, long activityLimit, long byteLimit, String who) {
        long wait = 0;
        String what = null;
        if (activityLimit > 0 && !usage.activities.fits(now, 1, activityLimit)) {
            wait = usage.activities.waitFor(now, 1, activityLimit);
            what = activityLimit + " activities";
        }
        if (byteLimit > 0 && !usage.bytes.fits(now, bytes, byteLimit)) {
            long bytesWait = usage.bytes.waitFor(now, Math.min(bytes, byteLimit), byteLimit);
            if (bytesWait > wait) {
                wait = bytesWait;
                what = byteLimit + " bytes";
            }
        }
        return what == null ? Optional.empty()
                : Optional.of(new Refusal(Duration.ofMillis(wait), who + " is over its quota of " + what + " an hour"));
    }

    private void sweepNowAndThen(long now) {
        if (now - lastSweep < SWEEP_EVERY) {
            return;
        }
        lastSweep = now;
        for (Map<String, Usage> map : List.of(actors, hosts)) {
            for (Iterator<Usage> it = map.values().iterator(); it.hasNext(); ) {
                if (it.next().isIdle(now)) {
                    it.remove();
                }
            }
        }
    }

    /** Senders counted now (tests: the sweep forgets quiet ones). */
    int tracked() {
        lock.lock();
        try {
            return actors.size() + hosts.size();
        } finally {
            lock.unlock();
        }
    }

    /** One sender's recent activities and bytes, and for a host its rate bucket. */
    private static final class Usage {
        final SlidingWindow activities = new SlidingWindow(HOUR);
        final SlidingWindow bytes = new SlidingWindow(HOUR);
        final TokenBucket bucket;

        Usage(TokenBucket bucket) {
            this.bucket = bucket;
        }

        void add(long now, long size) {
            activities.add(now, 1);
            bytes.add(now, size);
            if (bucket != null) {
                bucket.take(now);
            }
        }

        boolean isIdle(long now) {
            return activities.isEmpty(now) && bytes.isEmpty(now) && (bucket == null || bucket.isFull(now));
        }
    }
}
