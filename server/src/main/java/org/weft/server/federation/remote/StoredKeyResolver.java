package org.weft.server.federation.remote;

import java.io.IOException;
import java.security.PublicKey;
import java.security.spec.InvalidKeySpecException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.weft.activitypub.client.KeyDocumentResolver;
import org.weft.activitypub.signature.ActorKey;
import org.weft.activitypub.signature.KeyResolver;
import org.weft.activitypub.signature.RsaKeys;
import org.weft.server.domain.ActorRepository;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.Database;

/**
 * Finds the key behind a signature's keyId: the database first (so known senders cost no fetch),
 * otherwise the key document and its owner fetched over the network, then stored.
 */
public final class StoredKeyResolver implements KeyResolver {
    private final Database db;
    private final KeyDocumentResolver fetcher;
    private final RemoteActors remoteActors;
    /** Parsed keys by PEM: parsing is cheap but not free, and a busy inbox sees the same few keys. */
    private final Map<String, PublicKey> parsed = new ConcurrentHashMap<>();

    public StoredKeyResolver(Database db, KeyDocumentResolver fetcher, RemoteActors remoteActors) {
        this.db = db;
        this.fetcher = fetcher;
        this.remoteActors = remoteActors;
    }

    @Override
    public Optional<ActorKey> resolve(String keyId, boolean forceRefresh) throws IOException {
        if (!forceRefresh) {
            Optional<ActorEntity> known = db.inTransaction(s -> ActorRepository.byKeyId(s, keyId))
                    .filter(a -> !a.isDeleted());
            if (known.isPresent()) {
                return Optional.of(toKey(known.get()));
            }
        }
        return fetcher.resolve(keyId).map(resolved -> {
            remoteActors.store(resolved.owner());
            return resolved.key();
        });
    }

    private ActorKey toKey(ActorEntity actor) throws IOException {
        try {
            PublicKey key = parsed.get(actor.getPublicKeyPem());
            if (key == null) {
                key = RsaKeys.publicKeyFromPem(actor.getPublicKeyPem());
                if (parsed.size() > 10_000) {
                    parsed.clear();
                }
                parsed.put(actor.getPublicKeyPem(), key);
            }
            return new ActorKey(actor.getKeyId(), actor.getUri(), key);
        } catch (InvalidKeySpecException | IllegalArgumentException e) {
            throw new IOException("Stored key of " + actor.getUri() + " cannot be read: " + e.getMessage(), e);
        }
    }
}
