package org.weft.server.queue;

import java.io.IOException;
import java.util.Optional;

import org.weft.activitypub.vocab.Activity;

/**
 * Where the {@link InboundWorker} hands each stored activity: the federation adapter's router, which knows the
 * handlers. The queue knows only the three outcomes.
 */
@FunctionalInterface
public interface InboundHandler {
    /**
     * Applies one activity (its signer was checked to be {@code activity.actor()} before it was stored).
     *
     * @return empty when it was applied; the reason when it is valid but must change nothing (it is not retried)
     * @throws IOException or any other exception: it failed and is tried again later
     */
    Optional<String> handle(Activity activity) throws IOException;
}
