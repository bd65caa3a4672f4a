package org.weft.activitypub.signature;

import java.io.IOException;
import java.util.Optional;

/**
 * Finds the public key named by a signature's {@code keyId}. The server implements this with a cache
 * in front of {@link org.weft.activitypub.client.KeyDocumentResolver}.
 */
@FunctionalInterface
public interface KeyResolver {

    /**
     * @param keyId the {@code keyId} parameter exactly as received
     * @param forceRefresh true when a signature failed with the key returned before: bypass any cache
     *        (the remote may have rotated its key); an implementation may still answer from the cache
     *        if it fetched the key moments ago
     * @return the key and its verified owner, or empty if no such key exists
     * @throws IOException if the key could not be looked up (network, remote error)
     */
    Optional<ActorKey> resolve(String keyId, boolean forceRefresh) throws IOException;
}
