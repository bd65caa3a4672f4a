package org.weft.activitypub.client;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.weft.activitypub.signature.SignatureScheme;

/**
 * A {@link SchemeMemory} in this process only, bounded: past {@value #DEFAULT_CAPACITY} hosts (or the
 * capacity given) the host not used longest is forgotten, which only costs it one extra knock later.
 */
public final class InMemorySchemeMemory implements SchemeMemory {

    /** Hosts kept by default. */
    public static final int DEFAULT_CAPACITY = 10_000;

    private final Map<String, Remembered> hosts;

    /** Keeps up to {@value #DEFAULT_CAPACITY} hosts. */
    public InMemorySchemeMemory() {
        this(DEFAULT_CAPACITY);
    }

    /** @param capacity the most hosts kept, at least 1 */
    public InMemorySchemeMemory(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.hosts = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Remembered> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public synchronized Optional<Remembered> recall(String host) {
        return Optional.ofNullable(hosts.get(host));
    }

    @Override
    public synchronized void remember(String host, SignatureScheme scheme, Instant at) {
        hosts.put(host, new Remembered(scheme, at));
    }

    @Override
    public synchronized void forget(String host) {
        hosts.remove(host);
    }

    /** @return how many hosts are remembered */
    public synchronized int size() {
        return hosts.size();
    }
}
