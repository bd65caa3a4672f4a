package org.weft.activitypub.signature;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A resolver with a cached key and a "remote" key, recording every call. */
final class CountingKeyResolver implements KeyResolver {

    private final ActorKey cached;
    private final ActorKey remote;
    final List<Boolean> calls = new ArrayList<>();

    CountingKeyResolver(ActorKey cached, ActorKey remote) {
        this.cached = cached;
        this.remote = remote;
    }

    static CountingKeyResolver of(ActorKey key) {
        return new CountingKeyResolver(key, key);
    }

    @Override
    public Optional<ActorKey> resolve(String keyId, boolean forceRefresh) throws IOException {
        calls.add(forceRefresh);
        ActorKey key = forceRefresh ? remote : cached;
        return key != null && key.keyId().equals(keyId) ? Optional.of(key) : Optional.empty();
    }

    long refreshes() {
        return calls.stream().filter(refresh -> refresh).count();
    }
}
