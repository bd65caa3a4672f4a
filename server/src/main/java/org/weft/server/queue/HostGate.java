package org.weft.server.queue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps one slow or dead host from holding up deliveries to the others: at most {@code perHost}
 * deliveries to a host at once, and a circuit breaker that stops trying a host for a while after
 * several failures in a row (then lets one trial through).
 *
 * <p>A host gets its full {@code perHost} only once it has answered: one we have not heard from yet, or whose
 * last attempt failed, gets a single slot. A fan-out reaches hundreds of hosts at once, and a host that hangs
 * until the timeout would otherwise hold {@code perHost} workers each time, so a few dead hosts could take
 * every worker while the live ones wait.
 *
 * <p>Several nodes sharing one database each have a gate: {@link #shareWith} tells this one how many there are, and a
 * host then gets {@code perHost} divided among them (at least one each), so the limit holds for the instance and not
 * per process. Kept in memory on purpose: a count in the database would be a write before and after every delivery.
 */
public final class HostGate {
    private final int perHost;
    private final int failuresToOpen;
    private final Duration openFor;
    private final Clock clock;
    private final Map<String, HostState> hosts = new ConcurrentHashMap<>();
    /** How many nodes share the per-host limit (this one included). */
    private volatile int nodes = 1;

    public HostGate(int perHost, int failuresToOpen, Duration openFor, Clock clock) {
        this.perHost = perHost;
        this.failuresToOpen = failuresToOpen;
        this.openFor = openFor;
        this.clock = clock;
    }

    /** Takes a slot for the host, or returns false when it is full or its circuit is open. */
    public boolean tryEnter(String host) {
        HostState state = hosts.computeIfAbsent(host, h -> new HostState());
        synchronized (state) {
            if (state.inFlight >= limit(state) || isOpen(state, clock.instant())) {
                return false;
            }
            state.inFlight++;
            return true;
        }
    }

    /** Gives the slot back and records how the attempt went. */
    public void leave(String host, boolean hostAnswered) {
        HostState state = hosts.get(host);
        if (state == null) {
            return;
        }
        synchronized (state) {
            state.inFlight--;
            state.answered = hostAnswered;
            if (hostAnswered) {
                state.consecutiveFailures = 0;
                state.openUntil = null;
            } else if (++state.consecutiveFailures >= failuresToOpen) {
                state.openUntil = clock.instant().plus(openFor);
            }
        }
    }

    /** Hosts that must not be claimed for now: full, or with an open circuit. */
    public Set<String> blockedHosts() {
        Instant now = clock.instant();
        Set<String> blocked = new HashSet<>();
        hosts.forEach((host, state) -> {
            synchronized (state) {
                if (state.inFlight >= limit(state) || isOpen(state, now)) {
                    blocked.add(host);
                }
            }
        });
        return blocked;
    }

    public boolean isCircuitOpen(String host) {
        HostState state = hosts.get(host);
        if (state == null) {
            return false;
        }
        synchronized (state) {
            return isOpen(state, clock.instant());
        }
    }

    /** Shares each host's limit with this many nodes in all (this one included); 1 when it runs alone. */
    public void shareWith(int nodeCount) {
        this.nodes = Math.max(1, nodeCount);
    }

    /** How many deliveries to a host that answers this node may have out at once now. */
    public int perHostHere() {
        return Math.max(1, perHost / nodes);
    }

    private int limit(HostState state) {
        return state.answered ? perHostHere() : 1;
    }

    private static boolean isOpen(HostState state, Instant now) {
        return state.openUntil != null && now.isBefore(state.openUntil);
    }

    private static final class HostState {
        private int inFlight;
        private int consecutiveFailures;
        private Instant openUntil;
        /** Whether the host's last attempt got an answer from it (false until the first one does). */
        private boolean answered;
    }
}
