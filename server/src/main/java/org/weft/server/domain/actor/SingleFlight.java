package org.weft.server.domain.actor;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one piece of work per key at a time: whoever asks while it is running waits for it and gets its
 * result (or its exception) instead of doing the same work again. Twenty-four first requests from an
 * unknown actor then cost one fetch of its document, not twenty-four.
 *
 * <p>The entry is removed only after the work has returned, so whatever the work stored is visible to
 * a caller that arrives later: such a caller starts new work, which should begin by looking for that.
 * Per process only: servers sharing a database can still race, which the stores themselves must survive.
 *
 * @param <K> what identifies the work, e.g. an actor's URI
 * @param <V> its result
 */
final class SingleFlight<K, V> {

    /** The work; may throw what a fetch throws. */
    @FunctionalInterface
    interface Work<V> {
        V run() throws IOException;
    }

    private final Map<K, CompletableFuture<V>> running = new ConcurrentHashMap<>();
    private final AtomicLong joined = new AtomicLong();

    /**
     * @param key what the work is about
     * @param work what to do when nobody is doing it yet
     * @return the result of this call's work, or of the work it joined
     * @throws IOException what the work threw (the same exception object for every caller that joined it)
     */
    V run(K key, Work<V> work) throws IOException {
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> theirs = running.putIfAbsent(key, mine);
        if (theirs != null) {
            joined.incrementAndGet();
            return await(theirs);
        }
        try {
            V result = work.run();
            running.remove(key, mine);
            mine.complete(result);
            return result;
        } catch (IOException | RuntimeException | Error e) {
            running.remove(key, mine);
            mine.completeExceptionally(e);
            throw e;
        }
    }

    /** @return how many calls so far waited for work another call was doing */
    long joined() {
        return joined.get();
    }

    private static <V> V await(CompletableFuture<V> theirs) throws IOException {
        try {
            return theirs.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the same fetch by another request", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IOException(cause);
        }
    }
}
